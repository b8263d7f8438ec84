package net.mlcng.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.mlcng.daemon.DaemonState;
import net.mlcng.daemon.NodeExec;
import net.mlcng.error.MlcException;
import net.mlcng.error.OperationFailedException;
import net.mlcng.hostnet.RouteMonitor;
import net.mlcng.scenario.LabSession;
import net.mlcng.scenario.Step;
import net.mlcng.scenario.Step.NodePair;
import net.mlcng.scenario.measure.CounterSample;
import net.mlcng.topology.Topology;
import net.mlcng.wireguard.TunnelShape;
import net.mlcng.wireguard.WgDump;
import net.mlcng.wireguard.WireGuardPlan;

/**
 * One scenario repetition's lab on the real engine. Deploy leaves the daemons stopped and starts
 * {@code ip -timestamp -6 monitor route} for every node first (from the host, in the node's
 * namespace), so that every route event after start_daemons is seen with its kernel timestamp.
 * Pings, iperf3 and traceroute run inside the nodes; links change through the lab's link control.
 */
final class LabScenarioSession implements LabSession {
    /** Routing-protocol ports whose sent packets count as overhead: bmx7, babel. */
    static final List<Integer> PROTOCOL_PORTS = List.of(6270, 6696);
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * ping, retried while it fails before sending (no route yet: "connect: Network is
     * unreachable") until the deadline; without a deadline, one plain run.
     */
    private static final String PING = """
            t=$1; c=$2; i=$3; d=$4
            [ -n "$d" ] || exec ping -D -n -c "$c" -i "$i" "$t"
            end=$(( $(date +%s) + d ))
            while :; do
              left=$(( end - $(date +%s) ))
              [ "$left" -gt 0 ] || exit 1
              ping -D -n -c "$c" -i "$i" -w "$left" "$t" && exit 0
              [ $? -eq 1 ] && exit 1
              sleep "$i"
            done
            """;
    /**
     * Per target, traceroute's last line (hop number, then the answering addresses). Two probes per
     * hop with a 2 s wait: ICMPv6 errors are rate-limited and the host may be busy, and one lost
     * reply from the target itself would read as an unrouted pair.
     */
    private static final String TRACEROUTE = """
            for t in "$@"; do
              echo "$t $(traceroute -n -q 2 -w 2 -m 16 "$t" 2>/dev/null | tail -n +2 | tail -n 1)"
            done
            """;
    /** CPU time (ns) and memory (bytes) of the node's cgroup, v2 or v1. */
    private static final String CGROUP = """
            if [ -r /sys/fs/cgroup/cpu.stat ]; then
              echo cpu_ns $(( $(awk '/^usage_usec/ {print $2}' /sys/fs/cgroup/cpu.stat) * 1000 ))
              echo mem $(cat /sys/fs/cgroup/memory.current)
            else
              echo cpu_ns $(cat /sys/fs/cgroup/cpuacct/cpuacct.usage)
              echo mem $(cat /sys/fs/cgroup/memory/memory.usage_in_bytes)
            fi
            """;

    private final LabEngine engine;
    private final Topology topology;
    private final String lab;
    private final LabNames names;
    private final LabWireGuard wireguard;
    private final Map<String, List<RouteMonitor>> monitors = new ConcurrentHashMap<>();
    private final Map<String, String> meshAddresses = new ConcurrentHashMap<>();
    /** pings and iperf run long: their own threads, not the engine's workers. */
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scenario-probe");
        t.setDaemon(true);
        return t;
    });
    private List<String> daemonsPending;
    private WireGuardPlan tunnels;
    private boolean destroyed;

    private LabScenarioSession(LabEngine engine, Topology topology) {
        this.engine = engine;
        this.topology = topology;
        this.lab = topology.name();
        this.names = new LabNames(lab);
        this.wireguard = new LabWireGuard(engine);
    }

    /** Deploys without starting daemons, then watches routes and counts protocol packets in every node. */
    static LabScenarioSession deploy(LabEngine engine, Topology topology) {
        LabScenarioSession s = new LabScenarioSession(engine, topology);
        try {
            s.daemonsPending = engine.deploy(topology, LabNames.hex(LabStore.canonicalJson(topology)), false).daemonsPending();
            List<String> nodes = List.copyOf(topology.nodes().keySet());
            engine.net().installProtocolCounters(nodes.stream().map(s.names::netns).toList(), PROTOCOL_PORTS);
            engine.pool().forEach(nodes, s::watch, () -> {});
            return s;
        } catch (RuntimeException e) {
            s.destroy();
            throw e;
        }
    }

    private void watch(String node) {
        monitors.computeIfAbsent(node, n -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(RouteMonitor.start(names.netns(node)));
    }

    @Override
    public void startDaemons() {
        engine.startDaemons(lab, daemonsPending);
        daemonsPending = List.of();
    }

    @Override
    public Map<String, String> routeMonitorOutput() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : topology.nodes().keySet()) {
            StringBuilder b = new StringBuilder();
            for (RouteMonitor m : monitors.getOrDefault(n, List.of())) b.append(m.output());
            out.put(n, b.toString());
        }
        return out;
    }

    @Override
    public ZoneId nodeClockZone() {
        return RouteMonitor.ZONE;
    }

    /** Asked of each daemon once and kept: a node's announced address does not change within a run. */
    @Override
    public Map<String, String> meshAddresses() {
        List<String> missing = topology.nodes().keySet().stream().filter(n -> !meshAddresses.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            Map<String, NodeExec> execs = execs();
            meshAddresses.putAll(engine.pool().map(missing.stream().filter(execs::containsKey).toList(),
                    n -> LabWireGuard.meshAddress(topology, names, n, execs.get(n)), () -> {}));
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String n : topology.nodes().keySet()) if (meshAddresses.containsKey(n)) ordered.put(n, meshAddresses.get(n));
        return ordered;
    }

    @Override
    public Map<String, String> tunnelAddresses() {
        Map<String, String> out = new LinkedHashMap<>();
        if (tunnels != null) tunnels.nodes().forEach(n -> out.put(n.node(), n.address()));
        return out;
    }

    @Override
    public Map<String, DaemonState> daemonStates() {
        Map<String, NodeExec> execs = execs();
        List<String> nodes = topology.nodes().keySet().stream().filter(n -> LabEngine.daemonOf(topology.node(n)) != null).toList();
        return engine.pool().map(nodes, n -> {
            NodeExec x = execs.get(n);
            if (x == null) return new DaemonState(false, null, null, null, null, List.of("node " + n + " is not running"));
            return LabEngine.daemonOf(topology.node(n)).state(x, LabEngine.daemonConfig(topology, names, n));
        }, () -> {});
    }

    @Override
    public PingRun ping(String from, String target, int count, Duration interval, Duration deadline) {
        NodeExec x = exec(from);
        String seconds = String.format(Locale.ROOT, "%.3f", interval.toNanos() / 1e9);
        String deadlineSeconds = deadline == null ? "" : Long.toString(Math.max(1, (deadline.toMillis() + 999) / 1000));
        Duration timeout = interval.multipliedBy(count).plus(deadline == null ? Duration.ZERO : deadline).plus(EXEC_TIMEOUT);
        CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
            NodeExec.ExecResult r = x.exec(List.of("sh", "-c", PING, "ping", target, Integer.toString(count), seconds, deadlineSeconds), timeout);
            return r.stdout() + r.stderr();
        }, background);
        return run::join;
    }

    /** Impairments first, then down/up, through the lab's link control (the same path as `mlc-ng link`). */
    @Override
    public void changeLink(Step.Link change) {
        LinkControl links = new LinkControl(engine);
        LinkRef ref = links.resolve(lab, change.a(), change.b(), null);
        LinkChange impairment = new LinkChange(change.lossPercent(), change.rateBitsPerSecond(), change.delay(), null);
        if (!impairment.isEmpty()) {
            // The step names the link a-b; the lab's reference may hold the two ends the other way round.
            boolean sameOrder = ref.a().equals(change.a());
            boolean forward = change.direction() != Step.Direction.B_TO_A;
            boolean backward = change.direction() != Step.Direction.A_TO_B;
            links.change(lab, ref, sameOrder ? forward : backward, sameOrder ? backward : forward, impairment);
        }
        if (change.state() != null) links.setDown(lab, ref, change.state() == Step.LinkState.DOWN);
    }

    /**
     * Stop: the node's container stops (its links go with its namespace). Start: the lab
     * re-creates its links, a fresh route monitor watches its new namespace, and then the daemons
     * whose interfaces came back start (the node's and its neighbours').
     */
    @Override
    public void nodeAction(String node, Step.NodeAction action) {
        LabEngine.NodeAction a = LabEngine.NodeAction.valueOf(action.name());
        List<String> pending = engine.node(lab, node, a, false);
        if (a == LabEngine.NodeAction.STOP) return;
        watch(node);
        engine.startDaemons(lab, pending);
    }

    @Override
    public void wireguardUp(List<NodePair> pairs) {
        List<TunnelShape.NodePair> shape = pairs.stream().map(p -> new TunnelShape.NodePair(p.from(), p.to())).toList();
        List<String> nodes = topology.nodes().keySet().stream()
                .filter(n -> pairs.stream().anyMatch(p -> p.from().equals(n) || p.to().equals(n))).toList();
        tunnels = wireguard.up(lab, new TunnelShape.Pairs(shape), nodes).plan();
    }

    @Override
    public Map<NodePair, Instant> latestHandshakes() {
        Map<NodePair, Instant> out = new LinkedHashMap<>();
        if (tunnels == null) return out;
        Map<String, String> keyOf = new LinkedHashMap<>();
        tunnels.nodes().forEach(n -> keyOf.put(n.keys().publicKey(), n.node()));
        Map<String, NodeExec> execs = execs();
        Map<WireGuardPlan.NodeTunnels, WgDump> dumps = engine.pool().map(
                tunnels.nodes().stream().filter(n -> execs.containsKey(n.node())).toList(),
                n -> net.mlcng.wireguard.WireGuardNode.show(execs.get(n.node()), n.interfaceName()), () -> {});
        dumps.forEach((n, dump) -> {
            for (WgDump.Peer p : dump.peers()) {
                String peer = keyOf.get(p.publicKey());
                if (peer != null && p.latestHandshake() != null) out.put(new NodePair(n.node(), peer), p.latestHandshake());
            }
        });
        return out;
    }

    /** iperf3 server in {@code to} for one test, client in {@code from}; the client retries while the server is not listening yet. */
    @Override
    public double iperf(String from, String to, Duration duration) {
        String target = meshAddresses().get(to);
        long seconds = Math.max(1, duration.toSeconds());
        NodeExec.ExecResult server = exec(to).exec(List.of("iperf3", "-s", "-1", "-D"), EXEC_TIMEOUT);
        if (!server.ok()) throw new OperationFailedException("iperf3 server in node " + to + " did not start: " + server.stderr().strip());
        String client = """
                i=0
                while :; do
                  out=$(iperf3 -J -c "$1" -t "$2" 2>&1) && { echo "$out"; exit 0; }
                  i=$((i+1)); [ $i -lt 20 ] || { echo "$out"; exit 1; }
                  sleep 0.2
                done
                """;
        NodeExec.ExecResult r = exec(from).exec(List.of("sh", "-c", client, "iperf", target, Long.toString(seconds)),
                Duration.ofSeconds(seconds).plus(EXEC_TIMEOUT));
        try {
            JsonNode json = JSON.readTree(r.stdout());
            if (!r.ok() || json.has("error")) {
                throw new OperationFailedException("iperf3 " + from + " -> " + to + " failed: " + json.path("error").asText(r.stderr().strip()));
            }
            return json.path("end").path("sum_received").path("bits_per_second").asDouble();
        } catch (IOException e) {
            throw new OperationFailedException("iperf3 " + from + " -> " + to + " printed no JSON: " + r.stdout().strip(), e);
        }
    }

    /** Hops of the routed path per ordered pair, by traceroute from every node at once; unrouted pairs are left out. */
    @Override
    public Map<String, Map<String, Integer>> routedHops() {
        Map<String, String> addresses = meshAddresses();
        Map<String, String> nodeOf = new LinkedHashMap<>();
        addresses.forEach((n, a) -> nodeOf.put(a, n));
        Map<String, NodeExec> execs = execs();
        List<String> sources = addresses.keySet().stream().filter(execs::containsKey).toList();
        return engine.pool().map(sources, n -> {
            List<String> cmd = new ArrayList<>(List.of("sh", "-c", TRACEROUTE, "traceroute"));
            addresses.forEach((other, a) -> {
                if (!other.equals(n)) cmd.add(a);
            });
            NodeExec.ExecResult r = execs.get(n).exec(cmd, EXEC_TIMEOUT.multipliedBy(4));
            Map<String, Integer> hops = new LinkedHashMap<>();
            for (String line : r.stdout().split("\n")) {
                // "TARGET HOP ADDRESS RTT ms [ADDRESS RTT ms | *]": routed when the target answered the last hop.
                List<String> f = List.of(line.trim().split("\\s+"));
                if (f.size() > 2 && f.get(1).matches("\\d+") && f.subList(2, f.size()).contains(f.get(0))) {
                    hops.put(nodeOf.get(f.get(0)), Integer.parseInt(f.get(1)));
                }
            }
            return hops;
        }, () -> {});
    }

    @Override
    public Map<String, CounterSample> counters() {
        Map<String, NodeExec> execs = execs();
        List<String> nodes = topology.nodes().keySet().stream().filter(execs::containsKey).toList();
        return engine.pool().map(nodes, n -> {
            long[] proto = engine.net().protocolCounter(names.netns(n));
            NodeExec.ExecResult r = execs.get(n).exec(List.of("sh", "-c", CGROUP), EXEC_TIMEOUT);
            long cpu = 0, mem = 0;
            for (String line : r.stdout().split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2 && f[1].matches("\\d+")) {
                    if (f[0].equals("cpu_ns")) cpu = Long.parseLong(f[1]);
                    else if (f[0].equals("mem")) mem = Long.parseLong(f[1]);
                }
            }
            return new CounterSample(Instant.now(), proto[1], proto[0], Duration.ofNanos(cpu), mem);
        }, () -> {});
    }

    @Override
    public void destroy() {
        if (destroyed) return;
        destroyed = true;
        background.shutdownNow();
        monitors.values().forEach(list -> list.forEach(RouteMonitor::close));
        try {
            engine.destroy(lab);
        } catch (MlcException e) {
            throw new OperationFailedException("destroying lab " + lab + " failed: " + e.getMessage() + "; run ./mlc-ng destroy " + lab, e);
        }
    }

    private NodeExec exec(String node) {
        NodeExec x = execs().get(node);
        if (x == null) throw new OperationFailedException("node " + node + " of lab " + lab + " is not running");
        return x;
    }

    private Map<String, NodeExec> execs() {
        return engine.runningNodes(lab);
    }
}
