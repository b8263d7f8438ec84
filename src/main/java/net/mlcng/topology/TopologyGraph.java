package net.mlcng.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * Graph views of a topology: who can reach whom in one hop (point-to-point links and the pairs that
 * hear each other on shared media), the expected hop distances once routing has converged, and
 * connected components.
 */
public final class TopologyGraph {
    private TopologyGraph() {}

    /** The undirected neighbour graph: one vertex per node, one edge per pair that hears each other. */
    public static Graph<String, DefaultEdge> of(Topology topology) {
        Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        topology.nodes().keySet().forEach(g::addVertex);
        // A link and a medium pair may join the same two nodes; for hop counts they are one edge.
        for (Link l : topology.links()) {
            if (!g.containsEdge(l.a(), l.b())) g.addEdge(l.a(), l.b());
        }
        for (Medium m : topology.media()) {
            for (MediumPair p : m.pairs()) {
                if (!g.containsEdge(p.a(), p.b())) g.addEdge(p.a(), p.b());
            }
        }
        return g;
    }

    /** Hop distances between every pair of nodes (BFS from each node; n·(n+m), fine for labs). */
    public static HopDistances hopDistances(Topology topology) {
        Graph<String, DefaultEdge> g = of(topology);
        List<String> names = List.copyOf(topology.nodes().keySet());
        int n = names.size();
        Map<String, Integer> index = indexOf(names);
        int[][] hops = new int[n][n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(hops[i], HopDistances.UNREACHABLE);
            BreadthFirstIterator<String, DefaultEdge> bfs = new BreadthFirstIterator<>(g, names.get(i));
            while (bfs.hasNext()) {
                String v = bfs.next();
                hops[i][index.get(v)] = bfs.getDepth(v);
            }
        }
        return new HopDistances(names, hops);
    }

    /** Connected components, largest first, each in the topology's node order. */
    public static List<List<String>> components(Topology topology) {
        List<Set<String>> sets = new ConnectivityInspector<>(of(topology)).connectedSets();
        List<List<String>> components = new ArrayList<>();
        for (Set<String> set : sets) {
            components.add(topology.nodes().keySet().stream().filter(set::contains).toList());
        }
        Map<String, Integer> order = indexOf(List.copyOf(topology.nodes().keySet()));
        components.sort(Comparator.comparingInt((List<String> c) -> -c.size()).thenComparing(c -> order.get(c.get(0))));
        return components;
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) index.put(names.get(i), i);
        return index;
    }

    /** Nodes without any neighbour. */
    public static List<String> isolatedNodes(Topology topology) {
        Graph<String, DefaultEdge> g = of(topology);
        return topology.nodes().keySet().stream().filter(v -> g.degreeOf(v) == 0).toList();
    }

    /** Things that are legal but probably not meant: a disconnected graph, isolated nodes. */
    public static List<String> warnings(Topology topology) {
        List<String> warnings = new ArrayList<>();
        List<String> isolated = isolatedNodes(topology);
        if (!isolated.isEmpty()) {
            warnings.add("isolated node" + (isolated.size() == 1 ? "" : "s") + " (no link, no medium pair): "
                    + String.join(", ", isolated));
        }
        List<List<String>> components = components(topology);
        if (components.size() > 1) {
            StringBuilder s = new StringBuilder("graph is disconnected: " + components.size() + " components: ");
            for (int i = 0; i < components.size(); i++) {
                if (i > 0) s.append("; ");
                s.append('{').append(abbreviated(components.get(i))).append('}');
            }
            warnings.add(s.toString());
        }
        return warnings;
    }

    private static String abbreviated(List<String> names) {
        if (names.size() <= 8) return String.join(", ", names);
        return String.join(", ", names.subList(0, 8)) + ", ... (" + names.size() + " nodes)";
    }
}
