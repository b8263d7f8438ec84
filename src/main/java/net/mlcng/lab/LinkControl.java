package net.mlcng.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.mlcng.error.UsageException;
import net.mlcng.hostnet.EgressShaping;
import net.mlcng.hostnet.EgressState;
import net.mlcng.hostnet.PairImpairment;
import net.mlcng.topology.Link;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Topology;
import net.mlcng.topology.Units;

/**
 * Changes a running lab's links live (what the old {@code mlc_link_set} did): impairments per
 * direction, down and up. Only the kernel state of the link's two namespaces (or its medium's
 * bridge table) is rewritten, nothing is restarted; the lab's stored topology and down links are
 * updated so that inspect shows the change and a node restart re-applies it.
 */
public final class LinkControl {
    private final LabEngine engine;

    public LinkControl(LabEngine engine) {
        this.engine = engine;
    }

    /**
     * The link between {@code from} and {@code to}: the pair on {@code medium} when given, else
     * their point-to-point link, else their pair on the one medium that has it.
     */
    public LinkRef resolve(String lab, String from, String to, String medium) {
        Topology t = stored(lab).topology();
        checkNode(t, from);
        checkNode(t, to);
        List<LinkRef> found = new ArrayList<>();
        for (LinkRef r : links(t)) {
            boolean joins = (r.a().equals(from) && r.b().equals(to)) || (r.a().equals(to) && r.b().equals(from));
            if (joins && (medium == null || medium.equals(r.medium()))) found.add(r);
        }
        if (found.isEmpty()) {
            throw new UsageException("lab " + lab + " has no link between " + from + " and " + to
                    + (medium == null ? "" : " on medium " + medium) + " (its links: " + abbreviated(links(t)) + ")");
        }
        if (medium == null) {
            for (LinkRef r : found) if (r.medium() == null) return r;
        }
        if (found.size() > 1) {
            throw new UsageException(from + " and " + to + " are pairs on several media (" + abbreviated(found)
                    + "); choose one with --medium NAME");
        }
        return found.get(0);
    }

    private static void checkNode(Topology t, String node) {
        if (!t.nodes().containsKey(node)) {
            throw new UsageException("lab " + t.name() + " has no node " + node + " (its nodes: " + String.join(", ", t.nodes().keySet()) + ")");
        }
    }

    /** Every link of the lab: point-to-point links, then medium pairs. */
    public List<LinkRef> links(String lab) {
        return links(stored(lab).topology());
    }

    static List<LinkRef> links(Topology t) {
        List<LinkRef> refs = new ArrayList<>();
        for (Link l : t.links()) refs.add(new LinkRef(null, l.a(), l.b()));
        for (Medium m : t.media()) for (MediumPair p : m.pairs()) refs.add(new LinkRef(m.name(), p.a(), p.b()));
        return refs;
    }

    /**
     * Applies {@code change} to the directions a-&gt;b and/or b-&gt;a of {@code link} (a and b in
     * the ref's order). Checked first: what cannot be emulated changes nothing. Returns the time
     * the kernel took.
     */
    public Duration change(String lab, LinkRef link, boolean aToB, boolean bToA, LinkChange change) {
        LabStore.StoredLab stored = stored(lab);
        Topology next = withProps(stored.topology(), link, aToB, bToA, change);
        LinkShaping.check(engine.shaper(), next);
        Duration took = applyKernel(next, link, engine.linkState().down(lab));
        engine.store().save(new LabStore.StoredLab(next, stored.topologyHash()));
        return took;
    }

    /** Sets the link down (every frame both ways dropped, interfaces stay up) or up again. */
    public Duration setDown(String lab, LinkRef link, boolean down) {
        LabStore.StoredLab stored = stored(lab);
        Set<String> keys = engine.linkState().down(lab);
        if (down) keys.add(link.key());
        else keys.remove(link.key());
        Duration took = applyKernel(stored.topology(), link, keys);
        engine.linkState().saveDown(lab, keys);
        return took;
    }

    /** One direction as stored and as the kernel holds it ({@code kernel}: a readable summary). */
    public record DirectionStatus(String from, String to, String where, LinkProps props, String kernel) {}

    public record LinkStatus(LinkRef link, boolean down, List<DirectionStatus> directions) {}

    /** The link's state: stored properties beside what the kernel actually has in place. */
    public LinkStatus show(String lab, LinkRef link) {
        Topology t = stored(lab).topology();
        LabNames names = new LabNames(lab);
        boolean down = engine.linkState().down(lab).contains(link.key());
        LinkProps[] props = propsOf(t, link);
        List<DirectionStatus> dirs = new ArrayList<>();
        if (link.medium() == null) {
            Set<String> live = Set.copyOf(engine.net().netnsHandles());
            for (int i = 0; i < 2; i++) {
                String from = i == 0 ? link.a() : link.b(), to = i == 0 ? link.b() : link.a();
                String iface = LabNames.linkInterface(to);
                String kernel = "node not running";
                if (live.contains(names.netns(from))) {
                    kernel = engine.shaper().show(names.netns(from)).stream().filter(s -> s.iface().equals(iface))
                            .findFirst().map(LinkControl::describe).orElse("clean (no rule, no qdisc)");
                }
                dirs.add(new DirectionStatus(from, to, from + ":" + iface, props[i], kernel));
            }
        } else {
            Map<String, String> verdicts = engine.net().pairImpairments(names.nftTable());
            List<PairImpairment> wanted = LinkShaping.media(t, names, engine.linkState().down(lab));
            for (int i = 0; i < 2; i++) {
                String from = i == 0 ? link.a() : link.b(), to = i == 0 ? link.b() : link.a();
                String in = names.bridgePort(link.medium(), from), out = names.bridgePort(link.medium(), to);
                List<String> parts = new ArrayList<>();
                if (verdicts.containsKey(in + " . " + out)) parts.add(verdicts.get(in + " . " + out));
                wanted.stream().filter(p -> p.in().equals(in) && p.out().equals(out) && p.rateBitsPerSecond() != null).findFirst()
                        .map(p -> engine.net().bridgePortRates(out).get(p.rateClass()))
                        .ifPresent(bits -> parts.add("htb rate " + Units.formatRate(bits) + " on port " + out));
                dirs.add(new DirectionStatus(from, to, "bridge " + names.bridge(link.medium()) + " " + in + " . " + out, props[i],
                        parts.isEmpty() ? "clean (not in the impaired map, no rate class)" : String.join(", ", parts)));
            }
        }
        return new LinkStatus(link, down, dirs);
    }

    private static String describe(EgressState s) {
        List<String> parts = new ArrayList<>();
        if (s.dropAll()) parts.add("drop all (nft, " + s.dropped() + " dropped)");
        if (s.lossPerMille() != null) {
            parts.add("loss " + Units.formatLoss(s.lossPerMille() / 10.0) + " (nft numgen, " + s.dropped() + " dropped)");
        }
        parts.addAll(s.qdiscs());
        return String.join(", ", parts);
    }

    /** Re-applies the kernel state of one link from {@code topology} and {@code down}. */
    private Duration applyKernel(Topology topology, LinkRef link, Set<String> down) {
        long t0 = System.nanoTime();
        LabNames names = new LabNames(topology.name());
        if (link.medium() == null) {
            Map<String, List<EgressShaping>> all = LinkShaping.egress(topology, down);
            Set<String> live = Set.copyOf(engine.net().netnsHandles());
            Map<String, List<EgressShaping>> apply = new LinkedHashMap<>();
            // A stopped node has no namespace; the stored state reaches it when it starts again.
            Map<String, List<EgressShaping>> applied = new LinkedHashMap<>();
            for (String n : List.of(link.a(), link.b())) {
                if (!live.contains(names.netns(n))) continue;
                apply.put(names.netns(n), all.get(n));
                applied.put(n, all.get(n));
            }
            engine.shaper().apply(apply);
            engine.linkState().saveShaped(topology.name(), applied);
        } else {
            engine.applyPairFilter(topology, names, down);
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static LinkProps[] propsOf(Topology t, LinkRef ref) {
        if (ref.medium() == null) {
            for (Link l : t.links()) if (l.a().equals(ref.a()) && l.b().equals(ref.b())) return new LinkProps[] {l.aToB(), l.bToA()};
        } else {
            for (Medium m : t.media()) {
                if (!m.name().equals(ref.medium())) continue;
                for (MediumPair p : m.pairs()) if (p.a().equals(ref.a()) && p.b().equals(ref.b())) return new LinkProps[] {p.aToB(), p.bToA()};
            }
        }
        throw new UsageException("lab " + t.name() + " has no link " + ref);
    }

    static Topology withProps(Topology t, LinkRef ref, boolean aToB, boolean bToA, LinkChange c) {
        propsOf(t, ref);
        List<Link> links = new ArrayList<>();
        for (Link l : t.links()) {
            boolean hit = ref.medium() == null && l.a().equals(ref.a()) && l.b().equals(ref.b());
            links.add(hit ? new Link(l.a(), l.b(), aToB ? c.applyTo(l.aToB()) : l.aToB(), bToA ? c.applyTo(l.bToA()) : l.bToA()) : l);
        }
        List<Medium> media = new ArrayList<>();
        for (Medium m : t.media()) {
            List<MediumPair> pairs = new ArrayList<>();
            for (MediumPair p : m.pairs()) {
                boolean hit = m.name().equals(ref.medium()) && p.a().equals(ref.a()) && p.b().equals(ref.b());
                pairs.add(hit ? new MediumPair(p.a(), p.b(), aToB ? c.applyTo(p.aToB()) : p.aToB(), bToA ? c.applyTo(p.bToA()) : p.bToA()) : p);
            }
            media.add(new Medium(m.name(), m.members(), pairs));
        }
        return new Topology(t.name(), t.nodes(), links, media, t.layout());
    }

    private LabStore.StoredLab stored(String lab) {
        return engine.store().load(lab).orElseThrow(() -> LabEngine.noSuchLab(lab));
    }

    private static String abbreviated(List<LinkRef> refs) {
        List<String> s = refs.stream().limit(10).map(LinkRef::toString).toList();
        return String.join(", ", s) + (refs.size() > 10 ? ", ..." : "");
    }
}
