package net.mlcng.topology.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.mlcng.error.UsageException;
import net.mlcng.topology.Position;

/** Collects nodes and edges for a generator; ignores an edge given twice (small wrapped grids). */
final class GraphBuilder {
    private final List<String> nodes = new ArrayList<>();
    private final List<GeneratedGraph.Edge> edges = new ArrayList<>();
    private final Set<String> edgeKeys = new HashSet<>();
    private final Map<String, Position> layout = new LinkedHashMap<>();

    /** Adds a node drawn at (x, y), or without a position when {@code position} is null. */
    String node(String name, Position position) {
        nodes.add(name);
        if (position != null) layout.put(name, position);
        return name;
    }

    void edge(String a, String b) {
        if (a.equals(b)) return;
        String key = a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
        if (edgeKeys.add(key)) edges.add(new GeneratedGraph.Edge(a, b));
    }

    GeneratedGraph build() {
        return new GeneratedGraph(nodes, edges, layout);
    }

    static void require(boolean ok, String parameter, String message) {
        if (!ok) throw new UsageException("parameter '" + parameter + "': " + message);
    }

    static void requireNodeCount(long count, String parameters) {
        require(count <= TopologyGenerator.MAX_NODES, parameters,
                "would give " + count + " nodes; at most " + TopologyGenerator.MAX_NODES + " are supported");
    }

    /** Positions on a circle, for shapes without a natural geometry (rings, meshes). */
    static Position onCircle(int i, int n) {
        double angle = 2 * Math.PI * i / n - Math.PI / 2;
        double radius = Math.max(1.0, n / (2 * Math.PI));
        return new Position(round(radius + radius * Math.cos(angle)), round(radius + radius * Math.sin(angle)));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
