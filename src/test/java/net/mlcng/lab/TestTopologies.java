package net.mlcng.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.mlcng.image.NodeImages;
import net.mlcng.topology.Link;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Node;
import net.mlcng.topology.Topology;

/** Small topologies built in code for the lab tests (independent of the topology file loader). */
public final class TestTopologies {
    private TestTopologies() {}

    public static Node node(String name, String daemon) {
        return new Node(name, daemon, NodeImages.DEFAULT_TAG, Map.of(), List.of());
    }

    /** A rows x cols grid, nodes n1..n(rows*cols) row by row, each linked to its right and lower neighbour. */
    public static Topology grid(String lab, int rows, int cols, String daemon) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                String n = "n" + (r * cols + c + 1);
                nodes.put(n, node(n, daemon));
                if (c + 1 < cols) links.add(link(n, "n" + (r * cols + c + 2)));
                if (r + 1 < rows) links.add(link(n, "n" + ((r + 1) * cols + c + 1)));
            }
        }
        return new Topology(lab, nodes, links, List.of(), Map.of());
    }

    public static Link link(String a, String b) {
        return new Link(a, b, LinkProps.NONE, LinkProps.NONE);
    }

    /** Nodes on one shared medium where only the consecutive pairs hear each other (a line over radio). */
    public static Topology mediumLine(String lab, String medium, int count, String daemon) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<MediumPair> pairs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.put("r" + i, node("r" + i, daemon));
            if (i > 1) pairs.add(new MediumPair("r" + (i - 1), "r" + i, LinkProps.NONE, LinkProps.NONE));
        }
        Medium m = new Medium(medium, List.copyOf(nodes.keySet()), pairs);
        return new Topology(lab, nodes, List.of(), List.of(m), Map.of());
    }

    public static Topology withNodes(Topology t, Map<String, Node> nodes, List<Link> links) {
        return new Topology(t.name(), nodes, links, t.media(), t.layout());
    }
}
