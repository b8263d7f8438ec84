package net.mlcng.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import net.mlcng.image.NodeImages;
import net.mlcng.topology.Link;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Node;
import net.mlcng.topology.NodeDefaults;
import net.mlcng.topology.Topology;
import net.mlcng.topology.generate.GridGenerator;

/** Small topologies built in code for the lab tests (independent of the topology file loader). */
public final class TestTopologies {
    /** Differs per test JVM: other worktrees run these same tests on the same engine at the same time. */
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);

    private TestTopologies() {}

    /** A lab name unique to this test run, e.g. {@code t1-k3x9qz}. */
    public static String lab(String id) {
        return id + "-" + RUN;
    }

    public static Node node(String name, String daemon) {
        return new Node(name, daemon, NodeImages.DEFAULT_TAG, Map.of(), List.of());
    }

    /** A rows x cols grid from the topology generator, nodes n1.. row by row, every node running babeld. */
    public static Topology grid(String lab, int rows, int cols) {
        return new GridGenerator(rows, cols, false, false, false).generate().toTopology(lab, NodeDefaults.BUILT_IN, LinkProps.NONE);
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
