package net.mlcng.wireguard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.mlcng.error.UsageException;

/** Which nodes get a tunnel to which: named pairs, a hub with spokes, or a full mesh. */
public sealed interface TunnelShape {
    /** The tunnels among {@code nodes}, each once, {@code a} before {@code b} in node order. */
    List<NodePair> tunnels(List<String> nodes);

    record NodePair(String a, String b) {}

    record Pairs(List<NodePair> pairs) implements TunnelShape {
        public Pairs {
            pairs = List.copyOf(pairs);
        }

        /** {@code a b c d} = tunnels a-b and c-d: how the CLI and scenarios name pairs in one flat list. */
        public static Pairs consecutive(List<String> nodes) {
            if (nodes.size() % 2 != 0) {
                throw new UsageException("pairs need an even number of nodes (a b c d = tunnels a-b and c-d), got " + nodes.size());
            }
            List<NodePair> pairs = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i += 2) pairs.add(new NodePair(nodes.get(i), nodes.get(i + 1)));
            return new Pairs(pairs);
        }

        @Override
        public List<NodePair> tunnels(List<String> nodes) {
            Set<NodePair> out = new LinkedHashSet<>();
            for (NodePair p : pairs) {
                requireMember(nodes, p.a());
                requireMember(nodes, p.b());
                if (p.a().equals(p.b())) {
                    throw new UsageException("a tunnel needs two different nodes, got " + p.a() + " twice");
                }
                out.add(nodes.indexOf(p.a()) < nodes.indexOf(p.b()) ? p : new NodePair(p.b(), p.a()));
            }
            return List.copyOf(out);
        }
    }

    /** Every other node gets one tunnel to the hub; spokes reach each other through it. */
    record Hub(String hub) implements TunnelShape {
        @Override
        public List<NodePair> tunnels(List<String> nodes) {
            requireMember(nodes, hub);
            List<NodePair> out = new ArrayList<>();
            for (String n : nodes) {
                if (!n.equals(hub)) {
                    out.add(nodes.indexOf(hub) < nodes.indexOf(n) ? new NodePair(hub, n) : new NodePair(n, hub));
                }
            }
            return List.copyOf(out);
        }
    }

    record FullMesh() implements TunnelShape {
        @Override
        public List<NodePair> tunnels(List<String> nodes) {
            List<NodePair> out = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    out.add(new NodePair(nodes.get(i), nodes.get(j)));
                }
            }
            return List.copyOf(out);
        }
    }

    private static void requireMember(List<String> nodes, String node) {
        if (!nodes.contains(node)) {
            throw new UsageException("tunnel node '" + node + "' is not among the tunnel endpoints: " + String.join(", ", nodes));
        }
    }
}
