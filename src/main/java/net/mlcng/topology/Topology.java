package net.mlcng.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated mesh topology with all defaults resolved: the contract between topology files or
 * generators and everything that deploys or measures. Node order is the file's order.
 * {@code layout} holds the positions that generators know (may be empty).
 */
public record Topology(
        String name, Map<String, Node> nodes, List<Link> links, List<Medium> media, Map<String, Position> layout) {
    public Topology {
        nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        links = List.copyOf(links);
        media = List.copyOf(media);
        layout = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layout));
    }

    public Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) throw new IllegalArgumentException("no node named " + name + " in topology " + this.name);
        return n;
    }
}
