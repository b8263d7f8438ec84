package net.mlcng.topology.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.mlcng.topology.Link;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Node;
import net.mlcng.topology.NodeDefaults;
import net.mlcng.topology.Position;
import net.mlcng.topology.Topology;

/** The shape a generator produced: node names in order, undirected edges, and drawing positions. */
public record GeneratedGraph(List<String> nodes, List<Edge> edges, Map<String, Position> layout) {
    public record Edge(String a, String b) {}

    public GeneratedGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        layout = Collections.unmodifiableMap(new LinkedHashMap<>(layout));
    }

    /** A topology of this shape: every node from {@code nodeDefaults}, every link with {@code link} both ways. */
    public Topology toTopology(String name, NodeDefaults nodeDefaults, LinkProps link) {
        Map<String, Node> nodeMap = new LinkedHashMap<>();
        for (String n : nodes) nodeMap.put(n, nodeDefaults.node(n));
        List<Link> links = new ArrayList<>();
        for (Edge e : edges) links.add(new Link(e.a(), e.b(), link, link));
        return new Topology(name, nodeMap, links, List.of(), layout);
    }
}
