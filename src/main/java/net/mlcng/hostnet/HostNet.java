package net.mlcng.hostnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.mlcng.error.EnvironmentException;
import net.mlcng.topology.Units;
import net.mlcng.util.Processes;
import net.mlcng.util.WorkerPool;

/**
 * The only code that runs {@code ip} and {@code nft}. Kernel work is batched: one {@code ip -batch}
 * (or {@code nft -f}) per stage, or one per namespace where the tool cannot switch namespace
 * inside a batch; never one process per link or per interface.
 */
public final class HostNet implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HTB_CLASS = Pattern.compile("class htb 1:([0-9a-f]+) .*?rate (\\S+)");

    /** Where {@code ip netns} keeps its named namespace handles. */
    private static final String NETNS_DIR = "/run/netns";

    private final WorkerPool pool;

    /** {@code workers}: how many per-namespace {@code ip} processes may run at once. */
    public HostNet(int workers) {
        this.pool = new WorkerPool(workers);
    }

    /** Names the namespaces of the given processes, then creates the veth pairs between them: one batch. */
    public void wire(List<NetnsHandle> handles, List<VethPair> veths) {
        StringBuilder batch = new StringBuilder();
        for (NetnsHandle h : handles) {
            batch.append("netns attach ").append(h.name()).append(' ').append(h.pid()).append('\n');
        }
        for (VethPair v : veths) {
            batch.append("link add ").append(v.ifA()).append(" netns ").append(v.nsA()).append(" address ").append(v.macA())
                    .append(" type veth peer name ").append(v.ifB()).append(" netns ").append(v.nsB())
                    .append(" address ").append(v.macB()).append('\n');
        }
        ipBatch(null, batch.toString(), false);
    }

    /**
     * Turns IPv6 on, gives each interface its link-local address, brings interfaces up and adds
     * loopback addresses: one process per namespace, in parallel. IPv6 is switched on here although
     * the container's sysctls ask for it: Docker's network hook switches it off again when the OCI
     * runtime (crun) applies sysctls before hooks. Writing "all" also sets "default" and every
     * interface already there (the veths). The link-local address is the one the kernel would make
     * (EUI-64 of the MAC), but made now: the kernel waits for the peer's carrier, which reaches it
     * through linkwatch up to a second later, and babeld started before then never uses the
     * interface ("has no link-local address"). The kernel still makes its own after a later
     * down/up (which flushes this one), as on any host.
     */
    public void setUp(List<NamespaceSetup> setups) {
        forEachParallel(setups, s -> {
            StringBuilder batch = new StringBuilder("link set lo up\n");
            for (String a : s.loopbackAddresses()) batch.append("addr replace ").append(a).append("/128 dev lo\n");
            s.interfaceMacs().forEach((i, mac) -> batch.append("addr replace ").append(linkLocal(mac)).append("/64 dev ").append(i).append(" nodad\n")
                    .append("link set ").append(i).append(" up\n"));
            // nsenter, not `ip netns exec`: /proc/sys/net follows the network namespace alone, no remount needed.
            run(List.of("nsenter", "--net=" + NETNS_DIR + "/" + s.ns(), "sh", "-c",
                    "printf 0 > /proc/sys/net/ipv6/conf/all/disable_ipv6 && exec ip -batch -"), batch.toString(), "ip", false);
        });
    }

    /** The modified EUI-64 link-local address of a MAC (RFC 4291 appendix A), as the kernel makes it. */
    static String linkLocal(String mac) {
        String[] b = mac.split(":");
        if (b.length != 6) throw new IllegalArgumentException("not a MAC: " + mac);
        int first = Integer.parseInt(b[0], 16) ^ 0x02;
        return String.format("fe80::%x:%x:%x:%x", first << 8 | Integer.parseInt(b[1], 16), Integer.parseInt(b[2], 16) << 8 | 0xff,
                0xfe00 | Integer.parseInt(b[3], 16), Integer.parseInt(b[4], 16) << 8 | Integer.parseInt(b[5], 16));
    }

    /** Deletes interfaces in one namespace (their veth peers go with them); missing ones are fine. */
    public void deleteInterfaces(String ns, Collection<String> interfaces) {
        if (interfaces.isEmpty()) return;
        StringBuilder batch = new StringBuilder();
        for (String i : interfaces) batch.append("link del ").append(i).append('\n');
        ipBatch(ns, batch.toString(), true);
    }

    /** Creates bridges (no host addresses on them; {@code aliases} by bridge name) and attaches the ports: one batch. */
    public void createBridges(Map<String, String> aliases, List<BridgePort> ports) {
        StringBuilder batch = new StringBuilder();
        for (var b : aliases.entrySet()) {
            // No multicast snooping: like radio, every frame reaches every port and the pair filter decides.
            batch.append("link add ").append(b.getKey()).append(" type bridge mcast_snooping 0\n");
            batch.append("link set ").append(b.getKey()).append(" alias ").append(b.getValue()).append('\n');
            batch.append("link set ").append(b.getKey()).append(" addrgenmode none up\n");
        }
        appendPorts(batch, ports);
        ipBatch(null, batch.toString(), false);
    }

    private static void appendPorts(StringBuilder batch, List<BridgePort> ports) {
        for (BridgePort p : ports) {
            batch.append("link add ").append(p.hostIf()).append(" type veth peer name ").append(p.nodeIf())
                    .append(" netns ").append(p.ns()).append(" address ").append(p.mac()).append('\n');
            batch.append("link set ").append(p.hostIf()).append(" alias ").append(p.alias()).append('\n');
            batch.append("link set ").append(p.hostIf()).append(" master ").append(p.bridge())
                    .append(" addrgenmode none up\n");
        }
    }

    /**
     * Installs (or replaces) a bridge-family table that lets frames between two ports pass only when
     * the ordered pair {@code (in, out)} is in its set, and drops everything else entering a port
     * named {@code portPrefix*}. A set keeps the lookup O(1) however many pairs a lab has.
     * Impaired pairs are looked up in a verdict map (also O(1)) that drops them (down) or jumps to
     * the chain of their loss level: one chain per distinct level, not per pair.
     */
    public void installPairFilter(String table, String portPrefix, List<String[]> allowedPairs, List<PairImpairment> impairments) {
        StringBuilder rules = new StringBuilder();
        // Declaring then deleting makes the replace work whether or not the table exists.
        rules.append("table bridge ").append(table).append(" {}\n");
        rules.append("delete table bridge ").append(table).append('\n');
        rules.append("table bridge ").append(table).append(" {\n");
        rules.append("  set pairs {\n    type ifname . ifname\n");
        if (!allowedPairs.isEmpty()) {
            rules.append("    elements = { ");
            for (int i = 0; i < allowedPairs.size(); i++) {
                String[] p = allowedPairs.get(i);
                if (i > 0) rules.append(", ");
                rules.append('"').append(p[0]).append("\" . \"").append(p[1]).append('"');
            }
            rules.append(" }\n");
        }
        rules.append("  }\n");
        SortedSet<Integer> levels = new TreeSet<>();
        List<String> verdicts = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (PairImpairment p : impairments) {
            String key = '"' + p.in() + "\" . \"" + p.out() + "\" : ";
            if (p.rateBitsPerSecond() != null) marks.add(key + "1:" + Integer.toHexString(p.rateClass()));
            if (!p.drops()) continue;
            if (!p.down()) levels.add(p.lossPerMille());
            verdicts.add(key + (p.down() ? "drop" : "jump " + lossChain(p.lossPerMille())));
        }
        for (int level : levels) {
            rules.append("  chain ").append(lossChain(level)).append(" {\n    numgen random mod 1000 < ").append(level)
                    .append(" counter drop\n  }\n");
        }
        if (!verdicts.isEmpty()) {
            rules.append("  map impaired {\n    type ifname . ifname : verdict\n    elements = { ")
                    .append(String.join(", ", verdicts)).append(" }\n  }\n");
        }
        if (!marks.isEmpty()) {
            rules.append("  map rated {\n    type ifname . ifname : classid\n    elements = { ")
                    .append(String.join(", ", marks)).append(" }\n  }\n");
        }
        rules.append("  chain forward {\n    type filter hook forward priority 0; policy accept;\n");
        if (!verdicts.isEmpty()) rules.append("    iifname . oifname vmap @impaired\n");
        // The priority names the frame's htb class on the out port, which htb honours without a
        // filter (this kernel has no fw/basic classifier; see shapeBridgePorts).
        if (!marks.isEmpty()) rules.append("    meta priority set iifname . oifname map @rated\n");
        rules.append("    iifname . oifname @pairs accept\n");
        rules.append("    iifname \"").append(portPrefix).append("*\" drop\n  }\n}\n");
        run(List.of("nft", "-f", "-"), rules.toString(), "nft", false);
    }

    /**
     * Rate limits of shared-medium pairs: on each out port with rated pairs, an htb root (handle
     * {@code 1:}, unclassified frames pass unshaped) with one class per pair, chosen by the
     * priority the bridge table set. Our roots on {@code ports} that are no longer wanted go.
     * One {@code tc} read and one {@code tc -batch} on the host.
     */
    public void shapeBridgePorts(Collection<String> ports, List<PairImpairment> impairments) {
        Map<String, List<PairImpairment>> byPort = new TreeMap<>();
        for (PairImpairment p : impairments) {
            if (p.rateBitsPerSecond() != null) byPort.computeIfAbsent(p.out(), k -> new ArrayList<>()).add(p);
        }
        Set<String> ours = new HashSet<>();
        Set<String> portSet = new HashSet<>(ports);
        for (JsonNode q : parse(run(List.of("tc", "-j", "qdisc", "show"), null, "tc", false).stdout())) {
            String dev = q.path("dev").asText();
            if (portSet.contains(dev) && q.path("root").asBoolean() && "1:".equals(q.path("handle").asText())) ours.add(dev);
        }
        StringBuilder batch = new StringBuilder();
        // Rebuilt whole: an htb with its classes and filters has no atomic replace.
        for (String dev : ours) batch.append("qdisc del dev ").append(dev).append(" root\n");
        for (var e : byPort.entrySet()) {
            String dev = e.getKey();
            batch.append("qdisc add dev ").append(dev).append(" root handle 1: htb\n");
            for (PairImpairment p : e.getValue()) {
                long burst = Math.max(16 * 1024, p.rateBitsPerSecond() / 8 / 50);
                batch.append("class add dev ").append(dev).append(" parent 1: classid 1:").append(Integer.toHexString(p.rateClass()))
                        .append(" htb rate ").append(p.rateBitsPerSecond()).append("bit burst ").append(burst).append('\n');
            }
        }
        if (batch.length() > 0) run(List.of("tc", "-batch", "-"), batch.toString(), "tc", false);
    }

    /** Rate classes on a host bridge port, as "class minor -> bits per second" (tc 6.1 has no JSON for htb classes). */
    public Map<Integer, Long> bridgePortRates(String port) {
        Map<Integer, Long> rates = new TreeMap<>();
        Processes.Result r = run(List.of("tc", "class", "show", "dev", port), null, "tc", true);
        if (!r.ok()) return rates;
        Matcher m = HTB_CLASS.matcher(r.stdout());
        while (m.find()) {
            Long bits = Units.parseRate(m.group(2));
            if (bits != null) rates.put(Integer.parseInt(m.group(1), 16), bits);
        }
        return rates;
    }

    private static String lossChain(int perMille) {
        return "loss_" + perMille;
    }

    /** The bridge table's impaired pairs as the kernel holds them: "in . out" -> "drop" or "loss N/1000". */
    public Map<String, String> pairImpairments(String table) {
        Processes.Result r = run(List.of("nft", "-j", "list", "map", "bridge", table, "impaired"), null, "nft", true);
        Map<String, String> result = new TreeMap<>();
        if (!r.ok()) return result;
        for (JsonNode n : parse(r.stdout()).path("nftables")) {
            for (JsonNode e : n.path("map").path("elem")) {
                JsonNode key = e.get(0).path("concat");
                JsonNode verdict = e.get(1);
                String v = verdict.has("drop") ? "drop"
                        : "loss " + verdict.path("jump").path("target").asText().substring("loss_".length()) + "/1000";
                result.put(key.get(0).asText() + " . " + key.get(1).asText(), v);
            }
        }
        return result;
    }

    public List<String> bridgeTables() {
        Processes.Result r = run(List.of("nft", "-j", "list", "tables", "bridge"), null, "nft", false);
        List<String> names = new ArrayList<>();
        for (JsonNode n : parse(r.stdout()).path("nftables")) {
            if (n.has("table")) names.add(n.get("table").get("name").asText());
        }
        return names;
    }

    public void deleteBridgeTable(String table) {
        run(List.of("nft", "delete", "table", "bridge", table), null, "nft", true);
    }

    /** The nft table in a node that counts the routing protocols' packets the node sends. */
    public static final String PROTOCOL_COUNTER_TABLE = "mlcng_overhead";

    /**
     * Installs, in each namespace, a named counter of the UDP packets the node sends to the
     * routing-protocol {@code ports} (bmx7 6270, babel 6696): the overhead measurement's source.
     */
    public void installProtocolCounters(Collection<String> namespaces, Collection<Integer> ports) {
        String set = ports.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        String rules = "table inet " + PROTOCOL_COUNTER_TABLE + " {}\n"
                + "delete table inet " + PROTOCOL_COUNTER_TABLE + "\n"
                + "table inet " + PROTOCOL_COUNTER_TABLE + " {\n"
                + "  counter proto {}\n"
                + "  chain out {\n    type filter hook output priority 0; policy accept;\n"
                + "    udp dport { " + set + " } counter name proto\n  }\n}\n";
        forEachParallel(List.copyOf(namespaces),
                ns -> run(List.of("ip", "netns", "exec", ns, "nft", "-f", "-"), rules, "nft", false));
    }

    /** The protocol counter of one namespace: {packets, bytes}. */
    public long[] protocolCounter(String ns) {
        Processes.Result r = run(List.of("ip", "netns", "exec", ns, "nft", "-j", "list", "counter", "inet",
                PROTOCOL_COUNTER_TABLE, "proto"), null, "nft", false);
        for (JsonNode n : parse(r.stdout()).path("nftables")) {
            if (n.has("counter")) return new long[] {n.get("counter").path("packets").asLong(), n.get("counter").path("bytes").asLong()};
        }
        throw new HostNetException("no protocol counter in namespace " + ns);
    }

    /** Names of the network namespace handles in /run/netns. */
    public List<String> netnsHandles() {
        Processes.Result r = run(List.of("ip", "netns", "list"), null, "ip", false);
        List<String> names = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.isBlank()) names.add(line.trim().split("\\s+")[0]);
        }
        return names;
    }

    /** Deletes namespace handles; the namespace itself goes when nothing else holds it. Missing ones are fine. */
    public void deleteNetnsHandles(Collection<String> names) {
        if (names.isEmpty()) return;
        StringBuilder batch = new StringBuilder();
        for (String n : names) batch.append("netns delete ").append(n).append('\n');
        ipBatch(null, batch.toString(), true);
    }

    /** Host interfaces whose names start with {@code prefix}, with their aliases (no addresses). */
    public List<InterfaceInfo> hostInterfaces(String prefix) {
        return query(null, "link").stream().filter(i -> i.name().startsWith(prefix)).toList();
    }

    /** Deletes host interfaces (bridges, veth host ends); missing ones are fine. */
    public void deleteHostInterfaces(Collection<String> names) {
        if (names.isEmpty()) return;
        StringBuilder batch = new StringBuilder();
        for (String n : names) batch.append("link del ").append(n).append('\n');
        ipBatch(null, batch.toString(), true);
    }

    /** Interfaces of a namespace with state and addresses (no aliases: {@code ip addr} does not report them). */
    public List<InterfaceInfo> interfaces(String ns) {
        return query(ns, "addr");
    }

    /** {@code ip -j link show} (aliases) or {@code ip -j addr show} (addresses) in a namespace, null: the host. */
    private List<InterfaceInfo> query(String ns, String object) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        if (ns != null) cmd.addAll(List.of("-n", ns));
        cmd.addAll(List.of("-j", object, "show"));
        Processes.Result r = run(cmd, null, "ip", false);
        List<InterfaceInfo> result = new ArrayList<>();
        for (JsonNode i : parse(r.stdout())) {
            List<String> addrs = new ArrayList<>();
            for (JsonNode a : i.path("addr_info")) addrs.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt());
            boolean up = false;
            for (JsonNode f : i.path("flags")) if ("UP".equals(f.asText())) up = true;
            result.add(new InterfaceInfo(i.path("ifname").asText(), up, i.path("ifalias").asText(null), addrs));
        }
        return result;
    }

    /** Interfaces of many namespaces, one process each, in parallel; a namespace gone yields an empty list. */
    public Map<String, List<InterfaceInfo>> interfacesOf(Collection<String> namespaces) {
        Map<String, List<InterfaceInfo>> result = new ConcurrentHashMap<>();
        forEachParallel(List.copyOf(namespaces), ns -> {
            try {
                result.put(ns, interfaces(ns));
            } catch (HostNetException gone) {
                result.put(ns, List.of());
            }
        });
        return result;
    }

    /** Runs {@code nft -f -} inside namespace {@code ns} (nft cannot switch namespace by itself). */
    Processes.Result nftIn(String ns, String rules, boolean tolerateFailure) {
        return run(List.of("ip", "netns", "exec", ns, "nft", "-f", "-"), rules, "nft", tolerateFailure);
    }

    /** One table of namespace {@code ns} as nft JSON; an empty array when the table does not exist. */
    JsonNode nftTableIn(String ns, String family, String table) {
        Processes.Result r = run(List.of("ip", "netns", "exec", ns, "nft", "-j", "list", "table", family, table), null, "nft", true);
        return r.ok() ? parse(r.stdout()).path("nftables") : parse("[]");
    }

    /** Runs a {@code tc -batch} inside namespace {@code ns}. */
    void tcBatch(String ns, String batch) {
        if (batch.isEmpty()) return;
        run(List.of("tc", "-n", ns, "-batch", "-"), batch, "tc", false);
    }

    /** Every qdisc of namespace {@code ns} as tc JSON. */
    JsonNode qdiscsIn(String ns) {
        return parse(run(List.of("tc", "-n", ns, "-j", "qdisc", "show"), null, "tc", false).stdout());
    }

    private void ipBatch(String ns, String batch, boolean force) {
        if (batch.isEmpty()) return;
        List<String> cmd = new ArrayList<>(List.of("ip"));
        if (ns != null) cmd.addAll(List.of("-n", ns));
        // -force keeps going past errors (used where "already gone" is the expected error).
        if (force) cmd.add("-force");
        cmd.addAll(List.of("-batch", "-"));
        run(cmd, batch, "ip", force);
    }

    private static Processes.Result run(List<String> cmd, String stdin, String tool, boolean tolerateFailure) {
        Processes.Result r = Processes.run(cmd, stdin, TIMEOUT);
        if (r.exitCode() == 127) {
            throw new EnvironmentException(tool + " is not installed on this host",
                    "apt-get install --no-install-recommends iproute2 nftables");
        }
        if (!r.ok() && !tolerateFailure) {
            throw new HostNetException(String.join(" ", cmd) + " failed: " + r.stderr().strip());
        }
        return r;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json.isBlank() ? "[]" : json);
        } catch (IOException e) {
            throw new HostNetException("unreadable JSON from ip/nft: " + e.getMessage());
        }
    }

    <T> void forEachParallel(List<T> items, Consumer<T> action) {
        pool.forEach(items, action, () -> {});
    }

    @Override
    public void close() {
        pool.close();
    }
}
