package net.mlcng.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.mlcng.daemon.DaemonState;
import net.mlcng.scenario.Step.NodePair;
import net.mlcng.scenario.measure.CounterSample;
import net.mlcng.topology.Topology;

/**
 * TEST DOUBLE: an in-memory lab on a virtual clock. It behaves like a routing mesh by script:
 * after start_daemons every node learns a route to every other node after its own delay and
 * prints it as {@code ip -ts monitor route} would; pings answer once both ends have routes and no
 * scripted outage covers the send time. Per repetition it can crash a daemon or isolate a node.
 * Everything it was asked to do is logged in {@link #calls} for sequencing assertions.
 */
public class ScriptedEnvironment implements ScenarioEnvironment {
    /** What a repetition does differently from a healthy one. */
    enum Trouble { NONE, CRASH, ISOLATE }

    /** ip -ts prints local time with microseconds. */
    static final java.time.format.DateTimeFormatter IP_TS = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    public final VirtualClock clock = new VirtualClock();
    Topology topology;
    final List<String> calls = new ArrayList<>();
    final Map<Integer, Trouble> troubles = new HashMap<>();
    /** Per node, how long after start_daemons its table is full (default 1 s + 0.1 s per node index). */
    final Map<String, Duration> convergeAfter = new LinkedHashMap<>();
    Duration outageAfterLinkDown = Duration.ofMillis(1500);
    Duration withdrawalAfterStop = Duration.ofMillis(2500);
    Duration handshakeAfterApply = Duration.ofMillis(1300);
    public int deployments;
    int destroys;

    @Override
    public LabSession deploy(String labName, Topology t, String daemon) {
        deployments++;
        calls.add("deploy " + labName + " " + t.nodes().size() + " nodes " + daemon);
        topology = t;
        int i = 0;
        for (String n : t.nodes().keySet()) convergeAfter.putIfAbsent(n, Duration.ofMillis(1000 + 100L * i++));
        return new Lab(troubles.getOrDefault(deployments, Trouble.NONE));
    }

    @Override
    public Map<String, String> hostFacts() {
        return Map.of("kernel", "test", "cores", "2");
    }

    public static final class VirtualClock implements ScenarioClock {
        Instant now = Instant.parse("2026-11-25T03:00:00Z");

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            now = now.plus(d);
        }
    }

    static final class HostStub implements HostProbe {
        int reads;

        @Override
        public String procStat() {
            reads++;
            return "cpu  " + (100 * reads) + " 0 0 " + (900 * reads) + " 0 0 0 0\n";
        }

        @Override
        public String loadavg() {
            return "0.50 0.40 0.30 1/100 1";
        }

        @Override
        public int cores() {
            return 2;
        }
    }

    final class Lab implements LabSession {
        final Trouble trouble;
        final Map<String, List<Map.Entry<Instant, String>>> monitor = new LinkedHashMap<>();
        final Map<String, String> addresses = new LinkedHashMap<>();
        final Map<String, String> tunnel = new LinkedHashMap<>();
        Instant daemonsStarted;
        Instant linkDown;
        Instant wgApplied;
        String victim;

        Lab(Trouble trouble) {
            this.trouble = trouble;
            int i = 1;
            for (String n : topology.nodes().keySet()) {
                monitor.put(n, new ArrayList<>());
                addresses.put(n, "10.0.0." + i++);
            }
            victim = topology.nodes().keySet().iterator().next();
        }

        private void print(String node, Instant at, String line) {
            monitor.get(node).add(Map.entry(at, "[" + IP_TS.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)) + "] " + line + "\n"));
        }

        private boolean learns(String node, String dest) {
            if (trouble == Trouble.CRASH && node.equals(victim)) return false;
            return !(trouble == Trouble.ISOLATE && (node.equals(victim) || dest.equals(victim)));
        }

        @Override
        public void startDaemons() {
            calls.add("startDaemons");
            daemonsStarted = clock.now;
            for (String node : topology.nodes().keySet()) {
                Instant at = daemonsStarted.plus(convergeAfter.get(node));
                for (String other : topology.nodes().keySet()) {
                    if (!other.equals(node) && learns(node, other)) {
                        print(node, at, addresses.get(other) + " via 10.9.0.1 dev e" + other + " proto babel metric 1024 ");
                    }
                }
            }
        }

        /** Only what was printed up to now on the virtual clock, like a live monitor. */
        @Override
        public Map<String, String> routeMonitorOutput() {
            Map<String, String> out = new LinkedHashMap<>();
            monitor.forEach((node, lines) -> out.put(node, lines.stream()
                    .filter(l -> !l.getKey().isAfter(clock.now)).map(Map.Entry::getValue).collect(java.util.stream.Collectors.joining())));
            return out;
        }

        @Override
        public Map<String, String> meshAddresses() {
            return addresses;
        }

        @Override
        public Map<String, String> tunnelAddresses() {
            return tunnel;
        }

        @Override
        public Map<String, DaemonState> daemonStates() {
            Map<String, DaemonState> s = new LinkedHashMap<>();
            for (String n : topology.nodes().keySet()) {
                s.put(n, trouble == Trouble.CRASH && n.equals(victim)
                        ? new DaemonState(false, null, null, "SIGSEGV", daemonsStarted, List.of("assertion failed in dh link key"))
                        : DaemonState.running(100));
            }
            return s;
        }

        private Instant reachableSince(String from, String target) {
            if (tunnel.containsValue(target)) return wgApplied.plus(handshakeAfterApply);
            String to = addresses.entrySet().stream().filter(e -> e.getValue().equals(target)).findFirst().orElseThrow().getKey();
            if (daemonsStarted == null || !learns(from, to) || !learns(to, from)) return null;
            Duration d = convergeAfter.get(from).compareTo(convergeAfter.get(to)) > 0 ? convergeAfter.get(from) : convergeAfter.get(to);
            return daemonsStarted.plus(d);
        }

        @Override
        public PingRun ping(String from, String target, int count, Duration interval, Duration deadline) {
            calls.add("ping " + from + " " + target + " c" + count + (deadline == null ? "" : " w"));
            Instant start = clock.now;
            Instant since = reachableSince(from, target);
            return () -> {
                StringBuilder out = new StringBuilder("PING " + target + " 56(84) bytes of data.\n");
                int sent = 0;
                int received = 0;
                for (int seq = 1; ; seq++) {
                    Instant t = start.plus(interval.multipliedBy(seq - 1));
                    if (deadline != null ? !t.isBefore(start.plus(deadline)) : seq > count) break;
                    sent++;
                    boolean out1 = linkDown != null && !t.isBefore(linkDown) && t.isBefore(linkDown.plus(outageAfterLinkDown));
                    if (since != null && !t.isBefore(since) && !out1) {
                        received++;
                        Instant at = t.plusNanos(50_000);
                        out.append(String.format(Locale.ROOT, "[%d.%06d] 64 bytes from %s: icmp_seq=%d ttl=63 time=0.050 ms%n",
                                at.getEpochSecond(), at.getNano() / 1000, target, seq));
                        if (deadline != null && received >= count) break;
                    }
                }
                // Like a real ping, waiting for the output takes until ping ended.
                Instant end = start.plus(interval.multipliedBy(sent));
                if (end.isAfter(clock.now)) clock.now = end;
                out.append(String.format(Locale.ROOT, "%n--- %s ping statistics ---%n%d packets transmitted, %d received%n", target, sent, received));
                return out.toString();
            };
        }

        @Override
        public void changeLink(Step.Link change) {
            calls.add("link " + change.a() + " " + change.b() + " " + change.state());
            if (change.state() == Step.LinkState.DOWN) linkDown = clock.now;
        }

        @Override
        public void nodeAction(String node, Step.NodeAction action) {
            calls.add("node " + node + " " + action);
            Instant now = clock.now;
            if (action != Step.NodeAction.START) {
                // Its neighbours notice after a while; its own table goes with it at once.
                for (String other : topology.nodes().keySet()) {
                    if (other.equals(node)) continue;
                    print(other, now.plus(withdrawalAfterStop), "Deleted " + addresses.get(node) + " via 10.9.0.1 dev ex proto babel metric 1024 ");
                    print(node, now, "Deleted " + addresses.get(other) + " via 10.9.0.1 dev ex proto babel metric 1024 ");
                }
            }
            if (action != Step.NodeAction.STOP) {
                Instant back = now.plus(convergeAfter.get(node));
                for (String other : topology.nodes().keySet()) {
                    if (other.equals(node)) continue;
                    print(other, back, addresses.get(node) + " via 10.9.0.1 dev ex proto babel metric 1024 ");
                    print(node, back, addresses.get(other) + " via 10.9.0.1 dev ex proto babel metric 1024 ");
                }
            }
        }

        @Override
        public void wireguardUp(List<NodePair> tunnels) {
            calls.add("wireguardUp " + tunnels);
            wgApplied = clock.now;
            int i = 1;
            for (NodePair p : tunnels) {
                for (String n : List.of(p.from(), p.to())) if (!tunnel.containsKey(n)) tunnel.put(n, "fd77::" + i++);
            }
        }

        @Override
        public Map<NodePair, Instant> latestHandshakes() {
            Map<NodePair, Instant> h = new HashMap<>();
            Instant whole = Instant.ofEpochSecond(wgApplied.plus(handshakeAfterApply).getEpochSecond());
            for (String a : tunnel.keySet()) for (String b : tunnel.keySet()) if (!a.equals(b)) h.put(new NodePair(a, b), whole);
            return h;
        }

        @Override
        public double iperf(String from, String to, Duration duration) {
            calls.add("iperf " + from + " " + to);
            clock.sleep(duration);
            return 9.5e6;
        }

        @Override
        public Map<String, Map<String, Integer>> routedHops() {
            Map<String, Map<String, Integer>> hops = new LinkedHashMap<>();
            List<String> names = List.copyOf(topology.nodes().keySet());
            int n = names.size();
            for (int i = 0; i < n; i++) {
                Map<String, Integer> row = new LinkedHashMap<>();
                for (int j = 0; j < n; j++) if (i != j) row.put(names.get(j), Math.min(Math.abs(i - j), n - Math.abs(i - j)));
                hops.put(names.get(i), row);
            }
            hops.get(names.get(0)).put(names.get(1), 2); // one detour: stretch 2 for n1->n2
            return hops;
        }

        @Override
        public Map<String, CounterSample> counters() {
            double s = Duration.between(Instant.parse("2026-11-25T03:00:00Z"), clock.now).toMillis() / 1000.0;
            Map<String, CounterSample> c = new LinkedHashMap<>();
            for (String n : topology.nodes().keySet()) c.put(n, new CounterSample(clock.now, Math.round(200 * s), Math.round(2 * s), Duration.ofMillis(Math.round(50 * s)), 8_000_000));
            return c;
        }

        @Override
        public void destroy() {
            destroys++;
            calls.add("destroy");
        }
    }
}
