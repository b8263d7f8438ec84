package net.mlcng.hostnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import net.mlcng.error.EnvironmentException;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Units;

/**
 * Impairs interface egress with what this kernel offers: loss and "down" with an nftables netdev
 * table (egress hook, {@code numgen random}), rate with a tbf qdisc, delay and jitter with netem
 * (rate then goes into a tbf under it). Per namespace one {@code nft -f} replaces the whole
 * table atomically, and at most two {@code tc} processes (read, then one batch) touch qdiscs.
 */
public final class KernelLinkShaper implements LinkShaper {
    /** The netdev table every node namespace with impairments holds. */
    public static final String TABLE = "mlcng_links";
    /** Our root qdisc's handle; root qdiscs with another handle are not ours and left alone. */
    private static final String ROOT = "1:";
    /** tbf latency: how long a packet may wait for tokens before tbf drops it (TCP needs some queue). */
    private static final String TBF_LATENCY = "50ms";
    private static final long MIN_BURST_BYTES = 16 * 1024;

    private final HostNet net;
    private final Supplier<KernelFacts> facts;

    /** {@code facts} is asked only when delay or jitter is wanted (probing costs a namespace). */
    public KernelLinkShaper(HostNet net, Supplier<KernelFacts> facts) {
        this.net = net;
        this.facts = facts;
    }

    @Override
    public void check(Collection<LinkProps> wanted) {
        boolean needsNetem = wanted.stream().anyMatch(KernelLinkShaper::needsNetem);
        if (!needsNetem) return;
        KernelFacts.Feature netem = facts.get().netem();
        if (!netem.present()) {
            throw new EnvironmentException("link delay/jitter needs the netem qdisc (kernel module sch_netem, "
                    + "CONFIG_NET_SCH_NETEM), which this kernel lacks (" + netem.detail() + "); nothing was created or changed",
                    "drop delay/jitter from the topology or command (loss and rate work without netem), "
                            + "or run on a kernel built with CONFIG_NET_SCH_NETEM (modprobe sch_netem)");
        }
    }

    @Override
    public void apply(Map<String, List<EgressShaping>> byNamespace) {
        net.forEachParallel(List.copyOf(byNamespace.entrySet()), e -> applyIn(e.getKey(), e.getValue()));
    }

    private void applyIn(String ns, List<EgressShaping> shapings) {
        Map<String, EgressShaping> byIface = new HashMap<>();
        for (EgressShaping s : shapings) if (s.impairs()) byIface.put(s.iface(), s);
        applyQdiscs(ns, byIface);
        net.nftIn(ns, egressTable(byIface.values()), false);
    }

    private void applyQdiscs(String ns, Map<String, EgressShaping> wanted) {
        boolean anyWanted = wanted.values().stream().anyMatch(s -> s.props().rateBitsPerSecond() != null || needsNetem(s.props()));
        Map<String, String> ourRoots = new HashMap<>();
        for (JsonNode q : net.qdiscsIn(ns)) {
            if (q.path("root").asBoolean() && ROOT.equals(q.path("handle").asText())) ourRoots.put(q.path("dev").asText(), q.path("kind").asText());
        }
        if (!anyWanted && ourRoots.isEmpty()) return;
        StringBuilder batch = new StringBuilder();
        for (var e : ourRoots.entrySet()) {
            EgressShaping s = wanted.get(e.getKey());
            String kind = s == null ? null : rootKind(s.props());
            // tbf changes in place; anything else (netem with its child, or a change of kind) is rebuilt.
            if (kind == null || !kind.equals("tbf") || !e.getValue().equals("tbf")) {
                batch.append("qdisc del dev ").append(e.getKey()).append(" root\n");
            }
        }
        for (EgressShaping s : wanted.values()) {
            LinkProps p = s.props();
            String kind = rootKind(p);
            if (kind == null) continue;
            if (kind.equals("tbf")) {
                batch.append("qdisc replace dev ").append(s.iface()).append(" root handle ").append(ROOT).append(' ')
                        .append(tbf(p.rateBitsPerSecond())).append('\n');
            } else {
                batch.append("qdisc add dev ").append(s.iface()).append(" root handle ").append(ROOT).append(" netem delay ")
                        .append(micros(p.delay() == null ? Duration.ZERO : p.delay())).append(p.jitter() == null ? "" : " " + micros(p.jitter())).append('\n');
                if (p.rateBitsPerSecond() != null) {
                    batch.append("qdisc add dev ").append(s.iface()).append(" parent 1:1 handle 10: ")
                            .append(tbf(p.rateBitsPerSecond())).append('\n');
                }
            }
        }
        net.tcBatch(ns, batch.toString());
    }

    /** The whole netdev table of a namespace, replaced in one transaction (declared first so delete never fails). */
    static String egressTable(Collection<EgressShaping> shapings) {
        StringBuilder rules = new StringBuilder();
        rules.append("table netdev ").append(TABLE).append(" {}\n");
        rules.append("delete table netdev ").append(TABLE).append('\n');
        List<EgressShaping> dropping = shapings.stream().filter(s -> s.down() || lossPerMille(s.props()) > 0)
                .sorted(Comparator.comparing(EgressShaping::iface)).toList();
        if (dropping.isEmpty()) return rules.toString();
        rules.append("table netdev ").append(TABLE).append(" {\n");
        for (EgressShaping s : dropping) {
            rules.append("  chain ").append(chainOf(s.iface())).append(" {\n")
                    .append("    type filter hook egress device \"").append(s.iface()).append("\" priority 0; policy accept;\n");
            if (s.down()) rules.append("    counter drop\n");
            else rules.append("    numgen random mod 1000 < ").append(lossPerMille(s.props())).append(" counter drop\n");
            rules.append("  }\n");
        }
        rules.append("}\n");
        return rules.toString();
    }

    @Override
    public List<EgressState> show(String ns) {
        Map<String, Integer> loss = new TreeMap<>();
        Map<String, Boolean> dropAll = new TreeMap<>();
        Map<String, Long> dropped = new TreeMap<>();
        for (JsonNode n : net.nftTableIn(ns, "netdev", TABLE)) {
            JsonNode rule = n.path("rule");
            if (rule.isMissingNode()) continue;
            String iface = ifaceOf(rule.path("chain").asText());
            for (JsonNode x : rule.path("expr")) {
                if (x.has("match") && x.path("match").path("left").has("numgen")) loss.put(iface, x.path("match").path("right").asInt());
                if (x.has("counter")) dropped.put(iface, x.path("counter").path("packets").asLong());
            }
            if (!loss.containsKey(iface)) dropAll.put(iface, true);
        }
        Map<String, List<String>> qdiscs = new TreeMap<>();
        for (JsonNode q : net.qdiscsIn(ns)) {
            String kind = q.path("kind").asText();
            if (kind.equals("noqueue") || (q.path("root").asBoolean() && !ROOT.equals(q.path("handle").asText()))) continue;
            qdiscs.computeIfAbsent(q.path("dev").asText(), d -> new ArrayList<>()).add(describe(q));
        }
        SortedSet<String> ifaces = new TreeSet<>(dropped.keySet());
        ifaces.addAll(qdiscs.keySet());
        List<EgressState> states = new ArrayList<>();
        for (String i : ifaces) {
            states.add(new EgressState(i, loss.get(i), dropAll.getOrDefault(i, false), dropped.getOrDefault(i, 0L),
                    qdiscs.getOrDefault(i, List.of())));
        }
        return states;
    }

    private static String describe(JsonNode q) {
        String kind = q.path("kind").asText();
        if (kind.equals("tbf")) return "tbf rate " + Units.formatRate(q.path("options").path("rate").asLong() * 8);
        return kind + " " + q.path("options");
    }

    static boolean needsNetem(LinkProps p) {
        return p.delay() != null || p.jitter() != null;
    }

    private static String rootKind(LinkProps p) {
        if (needsNetem(p)) return "netem";
        return p.rateBitsPerSecond() != null ? "tbf" : null;
    }

    /** Loss as the per-mille threshold of a {@code numgen random mod 1000} rule. */
    public static int lossPerMille(LinkProps p) {
        return p.lossPercent() == null ? 0 : (int) Math.round(p.lossPercent() * 10);
    }

    /** A bucket of at least 16 KiB, or 20 ms worth of the rate when that is more (fast links need deeper buckets). */
    private static String tbf(long bitsPerSecond) {
        long burst = Math.max(MIN_BURST_BYTES, bitsPerSecond / 8 / 50);
        return "tbf rate " + bitsPerSecond + "bit burst " + burst + " latency " + TBF_LATENCY;
    }

    private static String micros(Duration d) {
        return (d.toNanos() / 1_000) + "us";
    }

    /** Interface names may hold '-', nft chain names get '_' instead (node names never contain '_'). */
    static String chainOf(String iface) {
        return "out_" + iface.replace('-', '_');
    }

    private static String ifaceOf(String chain) {
        return chain.substring("out_".length()).replace('_', '-');
    }
}
