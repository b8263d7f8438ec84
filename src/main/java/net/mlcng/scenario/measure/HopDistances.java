package net.mlcng.scenario.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import net.mlcng.topology.Link;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Topology;
import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * The topology's hop-distance matrix: fewest links between every two nodes (on a shared medium,
 * the pairs that hear each other are one hop apart). Unreachable pairs are absent.
 * MERGE NOTE: if the topology package grows its own hop-distance matrix, use that instead.
 */
public final class HopDistances {
    private HopDistances() {}

    public static Map<String, Map<String, Integer>> of(Topology topology) {
        Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        topology.nodes().keySet().forEach(g::addVertex);
        for (Link l : topology.links()) addEdge(g, l.a(), l.b());
        for (Medium m : topology.media()) {
            for (MediumPair p : m.pairs()) addEdge(g, p.a(), p.b());
        }
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        for (String from : topology.nodes().keySet()) {
            var paths = new BFSShortestPath<>(g).getPaths(from);
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String to : topology.nodes().keySet()) {
                var path = paths.getPath(to);
                if (path != null) row.put(to, path.getLength());
            }
            matrix.put(from, row);
        }
        return matrix;
    }

    private static void addEdge(Graph<String, DefaultEdge> g, String a, String b) {
        if (!a.equals(b) && g.containsVertex(a) && g.containsVertex(b)) g.addEdge(a, b);
    }
}
