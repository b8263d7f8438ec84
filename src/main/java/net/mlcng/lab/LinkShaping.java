package net.mlcng.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.mlcng.error.UsageException;
import net.mlcng.hostnet.EgressShaping;
import net.mlcng.hostnet.KernelLinkShaper;
import net.mlcng.hostnet.LinkShaper;
import net.mlcng.hostnet.PairImpairment;
import net.mlcng.topology.Link;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Topology;

/**
 * The impairments a topology (plus its down links) asks of the kernel. A direction is impaired
 * where it starts: a-&gt;b on node a's interface facing b (point-to-point), or in the medium's
 * bridge table for frames from a's port to b's (shared media).
 */
final class LinkShaping {
    private LinkShaping() {}

    /** Refuses, before anything is created or changed, what this kernel or mlc-ng cannot emulate. */
    static void check(LinkShaper shaper, Topology topology) {
        List<LinkProps> all = new ArrayList<>();
        for (Link l : topology.links()) {
            all.add(l.aToB());
            all.add(l.bToA());
        }
        for (Medium m : topology.media()) {
            for (MediumPair p : m.pairs()) checkMediumPair(m, p);
        }
        shaper.check(all);
    }

    /** Shared media impair in the bridge (nft loss and down, htb rate on the out port), not with netem. */
    static void checkMediumPair(Medium m, MediumPair p) {
        for (LinkProps props : List.of(p.aToB(), p.bToA())) {
            if (props.delay() != null || props.jitter() != null) {
                throw new UsageException("medium " + m.name() + ", pair " + p.a() + "-" + p.b()
                        + ": shared-medium pairs support loss, rate and down, not delay or jitter; use a point-to-point link for those");
            }
        }
    }

    /** Every node's egress impairments (an empty list: nothing on any of its interfaces). */
    static Map<String, List<EgressShaping>> egress(Topology topology, Set<String> down) {
        Map<String, List<EgressShaping>> byNode = new LinkedHashMap<>();
        for (String n : topology.nodes().keySet()) byNode.put(n, new ArrayList<>());
        for (Link l : topology.links()) {
            boolean isDown = down.contains(new LinkRef(null, l.a(), l.b()).key());
            add(byNode.get(l.a()), new EgressShaping(LabNames.linkInterface(l.b()), l.aToB(), isDown));
            add(byNode.get(l.b()), new EgressShaping(LabNames.linkInterface(l.a()), l.bToA(), isDown));
        }
        return byNode;
    }

    private static void add(List<EgressShaping> list, EgressShaping s) {
        if (s.impairs()) list.add(s);
    }

    /**
     * The impaired ordered port pairs of every medium. Rated pairs get htb class numbers in
     * topology order, unique in the lab.
     */
    static List<PairImpairment> media(Topology topology, LabNames names, Set<String> down) {
        List<PairImpairment> result = new ArrayList<>();
        int[] rated = {0};
        for (Medium m : topology.media()) {
            for (MediumPair p : m.pairs()) {
                boolean isDown = down.contains(new LinkRef(m.name(), p.a(), p.b()).key());
                String a = names.bridgePort(m.name(), p.a()), b = names.bridgePort(m.name(), p.b());
                addPair(result, a, b, p.aToB(), isDown, rated);
                addPair(result, b, a, p.bToA(), isDown, rated);
            }
        }
        return result;
    }

    private static void addPair(List<PairImpairment> result, String in, String out, LinkProps props, boolean down, int[] rated) {
        Long rate = props.rateBitsPerSecond();
        int rateClass = rate == null ? 0 : ++rated[0];
        PairImpairment p = new PairImpairment(in, out, KernelLinkShaper.lossPerMille(props), down, rate, rateClass);
        if (p.drops() || rate != null) result.add(p);
    }

    /** Every bridge port of the topology's media (where pair rates may live). */
    static List<String> bridgePorts(Topology topology, LabNames names) {
        List<String> ports = new ArrayList<>();
        for (Medium m : topology.media()) for (String member : m.members()) ports.add(names.bridgePort(m.name(), member));
        return ports;
    }
}
