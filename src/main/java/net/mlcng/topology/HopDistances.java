package net.mlcng.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hop count of the shortest path between every two nodes, as routing should find it once it
 * has converged. {@link #UNREACHABLE} marks pairs in different components.
 */
public final class HopDistances {
    public static final int UNREACHABLE = -1;

    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[][] hops;

    HopDistances(List<String> names, int[][] hops) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) index.put(names.get(i), i);
        this.hops = hops;
    }

    /** Node names in matrix order (the topology's node order). */
    public List<String> names() {
        return names;
    }

    /** Hops from {@code from} to {@code to}; 0 for a node to itself; {@link #UNREACHABLE} if no path. */
    public int between(String from, String to) {
        return hops[indexOf(from)][indexOf(to)];
    }

    /** A copy of the matrix, rows and columns in {@link #names()} order. */
    public int[][] matrix() {
        int[][] copy = new int[hops.length][];
        for (int i = 0; i < hops.length; i++) copy[i] = hops[i].clone();
        return copy;
    }

    /** The longest shortest path among reachable pairs (the diameter of each component, maximised). */
    public int maxHops() {
        int max = 0;
        for (int[] row : hops) for (int h : row) max = Math.max(max, h);
        return max;
    }

    private int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) throw new IllegalArgumentException("no node named " + name);
        return i;
    }
}
