package net.mlcng.scenario;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.mlcng.cli.VersionProvider;
import net.mlcng.daemon.DaemonState;
import net.mlcng.error.EnvironmentException;
import net.mlcng.error.MlcException;
import net.mlcng.error.UsageException;
import net.mlcng.scenario.RunResult.AssertOutcome;
import net.mlcng.scenario.RunResult.ConvergenceTrace;
import net.mlcng.scenario.RunResult.FailureCause;
import net.mlcng.scenario.RunResult.MetricValue;
import net.mlcng.scenario.RunResult.OutageTrace;
import net.mlcng.scenario.RunResult.Repetition;
import net.mlcng.scenario.Step.NodePair;
import net.mlcng.scenario.measure.Convergence;
import net.mlcng.scenario.measure.CounterSample;
import net.mlcng.scenario.measure.HostLoad;
import net.mlcng.scenario.measure.Outage;
import net.mlcng.scenario.measure.PingSeries;
import net.mlcng.scenario.measure.RouteEvent;
import net.mlcng.scenario.measure.RouteMonitorParser;
import net.mlcng.scenario.measure.Stretch;
import net.mlcng.scenario.measure.Summary;
import net.mlcng.scenario.measure.Withdrawal;
import net.mlcng.topology.Topology;
import net.mlcng.topology.TopologyGraph;
import net.mlcng.util.Plural;
import net.mlcng.wireguard.TunnelShape;

/**
 * Runs a scenario's repetitions against a {@link ScenarioEnvironment}: executes the steps in
 * order, measures, classifies a failed repetition (daemon crashed, node isolated, timeout, no
 * reply, error) and goes on with the next one, always destroying what it deployed. Asserts are
 * evaluated once at the end over the successful repetitions' values. Bad input (unknown nodes,
 * a topology that does not load or an unknown daemon) fails before anything is deployed.
 */
public final class ScenarioRunner {
    /** How often wait_converged re-reads the route events; the measured time comes from event timestamps, not from this. */
    static final Duration POLL = Duration.ofMillis(200);
    /** Ping interval for data-plane convergence and first replies over tunnels: their resolution. */
    static final Duration PROBE_INTERVAL = Duration.ofMillis(100);

    private final ScenarioEnvironment env;
    private final ScenarioClock clock;
    private final HostProbe host;
    private final Consumer<String> progress;

    public ScenarioRunner(ScenarioEnvironment env, ScenarioClock clock, HostProbe host, Consumer<String> progress) {
        this.env = env;
        this.clock = clock;
        this.host = host;
        this.progress = progress;
    }

    public RunResult run(Scenario scenario) {
        Topology topology = TopologySources.load(scenario.topology(), scenario.daemon());
        ScenarioLoader.checkNodes(scenario, topology.nodes().keySet());
        if (topology.nodes().size() < 2) {
            throw new UsageException(scenario.file() + ": topology " + topology.name() + " has fewer than two nodes: nothing to measure");
        }
        Map<String, String> facts = env.hostFacts();
        Instant started = clock.now();
        List<Repetition> reps = new ArrayList<>();
        List<MetricValue> values = new ArrayList<>();
        List<ConvergenceTrace> convergence = new ArrayList<>();
        List<OutageTrace> outages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String stat0 = host.procStat();
        for (int i = 1; i <= scenario.repetitions(); i++) {
            Repetition rep = new RepetitionRun(scenario, topology, i).run(values, convergence, outages);
            reps.add(rep);
            progress.accept(String.format(Locale.ROOT, "repetition %d/%d: %s (%.1f s)", i, scenario.repetitions(),
                    rep.ok() ? "ok" : "FAILED " + rep.cause().name().toLowerCase(Locale.ROOT) + ": " + rep.message(), rep.seconds()));
        }
        HostLoad load = HostLoad.of(stat0, host.procStat(), host.loadavg(), host.cores());
        if (load.saturated()) warnings.add(load.warning());
        int failed = (int) reps.stream().filter(r -> !r.ok()).count();
        values.add(new MetricValue("failed_repetitions", 0, "", failed));
        values.add(new MetricValue("host_busy_percent", 0, "", 100 * load.busyFraction()));
        Map<String, Summary> stats = statistics(values, reps);
        List<AssertOutcome> asserts = scenario.asserts().stream().map(a -> evaluate(a, stats)).toList();
        return new RunResult(scenario.name(), scenario.file().toString(), scenario.daemon(), scenario.topology().describe(),
                topologyHash(scenario.topology()), topology, VersionProvider.version(), facts, started, clock.now(),
                reps, values, stats, asserts, warnings, convergence, outages);
    }

    /** Repetition N of a scenario runs as lab PREFIX + N (lab names are at most 20 characters). */
    public static String labPrefix(Scenario scenario) {
        String base = scenario.name().length() > 15 ? scenario.name().substring(0, 15) : scenario.name();
        return (base + "-r").replaceAll("-+", "-");
    }

    /** Statistics per metric over the successful repetitions (run-wide values, repetition 0, always count). */
    static Map<String, Summary> statistics(List<MetricValue> values, List<Repetition> reps) {
        java.util.Set<Integer> ok = reps.stream().filter(Repetition::ok).map(Repetition::index).collect(Collectors.toSet());
        Map<String, List<Double>> byMetric = new TreeMap<>();
        for (MetricValue v : values) {
            if (v.repetition() == 0 || ok.contains(v.repetition())) {
                byMetric.computeIfAbsent(v.metric(), k -> new ArrayList<>()).add(v.value());
            }
        }
        Map<String, Summary> stats = new LinkedHashMap<>();
        byMetric.forEach((m, v) -> stats.put(m, Summary.of(v)));
        return stats;
    }

    static AssertOutcome evaluate(Step.Assert a, Map<String, Summary> stats) {
        Summary s = stats.get(a.metric());
        if (s == null) {
            return new AssertOutcome(a.describe(), a.line(), null, false,
                    "metric " + a.metric() + " has no values (known: " + String.join(", ", stats.keySet()) + ")");
        }
        double v = switch (a.stat()) {
            case MIN -> s.min();
            case MEDIAN -> s.median();
            case P95 -> s.p95();
            case MAX -> s.max();
            case MEAN -> s.mean();
        };
        boolean ok = a.op().holds(v, a.bound());
        String msg = String.format(Locale.ROOT, "%s: was %s", a.describe(), Summary.format(v));
        return new AssertOutcome(a.describe(), a.line(), v, ok, msg);
    }

    /** sha256 of the topology file (as lab labels carry it), or of the generator description. */
    static String topologyHash(TopologySource source) {
        try {
            byte[] content = source.file() != null
                    ? java.nio.file.Files.readAllBytes(source.file())
                    : source.describe().getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.io.IOException e) {
            throw new UsageException("cannot read topology file " + source.file() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** The state of one repetition while its steps run. */
    private final class RepetitionRun {
        final Scenario scenario;
        final Topology topology;
        final int index;
        final List<MetricValue> values = new ArrayList<>();
        final List<ConvergenceTrace> convergence = new ArrayList<>();
        final List<OutageTrace> outages = new ArrayList<>();
        final List<BackgroundPing> background = new ArrayList<>();
        LabSession lab;
        Instant lastEvent;
        String lastEventNode;
        Instant lastFailure;
        Map<String, CounterSample> countersAtStart;
        Step current;

        RepetitionRun(Scenario scenario, Topology topology, int index) {
            this.scenario = scenario;
            this.topology = topology;
            this.index = index;
        }

        Repetition run(List<MetricValue> allValues, List<ConvergenceTrace> allConvergence, List<OutageTrace> allOutages) {
            Instant start = clock.now();
            Repetition outcome;
            try {
                for (Step step : scenario.repetitionSteps()) {
                    current = step;
                    execute(step);
                }
                outcome = new Repetition(index, true, null, null, null, seconds(Duration.between(start, clock.now())));
            } catch (RepetitionFailed f) {
                outcome = failed(f.cause, f.getMessage(), start);
            } catch (EnvironmentException | UsageException e) {
                throw e; // the host or the input is wrong: every further repetition would fail the same way
            } catch (MlcException e) {
                outcome = failed(FailureCause.ERROR, e.getMessage(), start);
            } finally {
                if (lab != null) {
                    LabSession l = lab;
                    lab = null;
                    l.destroy();
                }
            }
            // Values of a failed repetition are kept (with its index) but left out of the statistics.
            allValues.addAll(values);
            allConvergence.addAll(convergence);
            allOutages.addAll(outages);
            return outcome;
        }

        private Repetition failed(FailureCause cause, String message, Instant start) {
            return new Repetition(index, false, cause, message, current == null ? null : current.line(),
                    seconds(Duration.between(start, clock.now())));
        }

        private void record(String metric, String subject, double value) {
            values.add(new MetricValue(metric, index, subject, value));
        }

        private void execute(Step step) {
            if (step instanceof Step.Deploy) {
                lab = env.deploy(labName(), topology, scenario.daemon());
            } else if (step instanceof Step.StartDaemons) {
                countersAtStart = lab.counters();
                markEvent(null);
                lab.startDaemons();
            } else if (step instanceof Step.WaitConverged w) {
                waitConverged(w);
            } else if (step instanceof Step.WireguardUp w) {
                wireguardUp(w);
            } else if (step instanceof Step.Ping p) {
                ping(p);
            } else if (step instanceof Step.Link l) {
                markEvent(null);
                if (l.state() == Step.LinkState.DOWN) lastFailure = lastEvent;
                lab.changeLink(l);
            } else if (step instanceof Step.Node n) {
                markEvent(n.name());
                if (n.action() != Step.NodeAction.START) lastFailure = lastEvent;
                lab.nodeAction(n.name(), n.action());
            } else if (step instanceof Step.Wait w) {
                clock.sleep(w.duration());
            } else if (step instanceof Step.Traffic t) {
                record("throughput_bps", new NodePair(t.from(), t.to()).toString(), lab.iperf(t.from(), t.to(), t.duration()));
            } else if (step instanceof Step.Measure m) {
                measure(m.what());
            } else if (step instanceof Step.Destroy) {
                LabSession l = lab;
                lab = null;
                l.destroy();
            }
        }

        private String labName() {
            return labPrefix(scenario) + index;
        }

        private void markEvent(String node) {
            lastEvent = clock.now();
            lastEventNode = node;
        }

        private Map<String, List<RouteEvent>> routeEvents() {
            Map<String, List<RouteEvent>> events = new LinkedHashMap<>();
            lab.routeMonitorOutput().forEach((node, text) -> events.put(node, RouteMonitorParser.parse(node, text, lab.nodeClockZone())));
            return events;
        }

        private void waitConverged(Step.WaitConverged w) {
            Instant from = lastEvent == null ? clock.now() : lastEvent;
            Instant deadline = clock.now().plus(w.timeout());
            Map<String, String> addresses = lab.meshAddresses();
            Map<NodePair, LabSession.PingRun> sample = new LinkedHashMap<>();
            for (NodePair p : samplePairs(w.pingSample())) {
                sample.put(p, lab.ping(p.from(), addresses.get(p.to()), 1, PROBE_INTERVAL, Duration.between(clock.now(), deadline)));
            }
            Convergence c;
            while (true) {
                c = Convergence.compute(routeEvents(), addresses, from);
                if (c.global() != null) break;
                if (!clock.now().isBefore(deadline)) {
                    convergence.add(new ConvergenceTrace(index, w.metric(), addresses.size(), c.timeline()));
                    throw notConverged(c, w.timeout());
                }
                clock.sleep(POLL);
            }
            convergence.add(new ConvergenceTrace(index, w.metric(), addresses.size(), c.timeline()));
            record(w.metric() + "_control_s", "", seconds(c.global()));
            c.perNode().forEach((node, d) -> record(w.metric() + "_node_s", node, seconds(d)));
            Duration data = Duration.ZERO;
            List<String> silent = new ArrayList<>();
            for (var e : sample.entrySet()) {
                PingSeries.Reply first = PingSeries.parse(e.getValue().output()).firstReply();
                if (first == null) silent.add(e.getKey().toString());
                else if (Duration.between(from, first.at()).compareTo(data) > 0) data = Duration.between(from, first.at());
            }
            if (!silent.isEmpty()) {
                throw new RepetitionFailed(FailureCause.NO_REPLY, "routes converged but no ping reply within "
                        + w.timeout().toSeconds() + " s for " + String.join(", ", silent));
            }
            if (!sample.isEmpty()) record(w.metric() + "_data_s", "", seconds(data));
        }

        /** Evenly spread ordered pairs: deterministic, so repetitions probe the same paths. */
        private List<NodePair> samplePairs(int n) {
            List<NodePair> all = allPairs();
            if (n >= all.size()) return all;
            List<NodePair> pick = new ArrayList<>();
            for (int i = 0; i < n; i++) pick.add(all.get((int) ((long) i * all.size() / n)));
            return pick;
        }

        private List<NodePair> allPairs() {
            List<NodePair> all = new ArrayList<>();
            for (String a : topology.nodes().keySet()) {
                for (String b : topology.nodes().keySet()) if (!a.equals(b)) all.add(new NodePair(a, b));
            }
            return all;
        }

        /** Says why the lab did not converge: a dead daemon beats an isolated node beats a plain timeout. */
        private RepetitionFailed notConverged(Convergence c, Duration timeout) {
            Map<String, DaemonState> states = lab.daemonStates();
            List<String> dead = new ArrayList<>();
            states.forEach((node, s) -> {
                if (!s.running()) dead.add(node + describeStop(s));
            });
            if (!dead.isEmpty()) return new RepetitionFailed(FailureCause.DAEMON_CRASHED, "daemon not running on " + String.join("; ", dead));
            int others = c.reachedAtEnd().size() - 1;
            List<String> isolated = c.reachedAtEnd().entrySet().stream()
                    .filter(e -> e.getValue() == 0 && hasLinks(e.getKey())).map(Map.Entry::getKey).toList();
            if (!isolated.isEmpty()) {
                return new RepetitionFailed(FailureCause.NODE_ISOLATED, "node " + String.join(", ", isolated)
                        + " alive but reaches none of the other " + Plural.of(others, "node"));
            }
            String missing = c.reachedAtEnd().entrySet().stream().filter(e -> e.getValue() < others)
                    .map(e -> e.getKey() + " reaches " + e.getValue() + "/" + others).collect(Collectors.joining(", "));
            return new RepetitionFailed(FailureCause.TIMEOUT, "not converged after " + timeout.toSeconds() + " s: " + missing);
        }

        private String describeStop(DaemonState s) {
            StringBuilder b = new StringBuilder();
            if (s.signal() != null) b.append(" (killed by ").append(s.signal()).append(')');
            else if (s.exitCode() != null) b.append(" (exit ").append(s.exitCode()).append(')');
            if (!s.lastLogLines().isEmpty()) b.append(", last log: ").append(s.lastLogLines().get(s.lastLogLines().size() - 1));
            return b.toString();
        }

        private boolean hasLinks(String node) {
            return TopologyGraph.of(topology).degreeOf(node) > 0;
        }

        private void wireguardUp(Step.WireguardUp w) {
            List<String> nodes = w.nodes().isEmpty() ? List.copyOf(topology.nodes().keySet()) : w.nodes();
            List<NodePair> pairs = shape(w.mode(), nodes).tunnels(nodes).stream().map(t -> new NodePair(t.a(), t.b())).toList();
            Instant applied = clock.now();
            lab.wireguardUp(pairs);
            Map<String, String> tunnel = lab.tunnelAddresses();
            Map<NodePair, LabSession.PingRun> runs = new LinkedHashMap<>();
            for (NodePair p : pairs) runs.put(p, lab.ping(p.from(), tunnel.get(p.to()), 1, PROBE_INTERVAL, w.timeout()));
            List<String> silent = new ArrayList<>();
            for (var e : runs.entrySet()) {
                PingSeries.Reply first = PingSeries.parse(e.getValue().output()).firstReply();
                if (first == null) silent.add(e.getKey().toString());
                else record("tunnel_ping_s", e.getKey().toString(), seconds(Duration.between(applied, first.at())));
            }
            Map<NodePair, Instant> handshakes = lab.latestHandshakes();
            for (NodePair p : pairs) {
                Instant h = handshakes.get(p);
                // wg reports whole seconds: a handshake in the second the config was applied reads as before it.
                if (h != null) record("tunnel_handshake_s", p.toString(), Math.max(0, seconds(Duration.between(applied, h))));
            }
            if (!silent.isEmpty()) {
                throw new RepetitionFailed(FailureCause.NO_REPLY, "no reply over the tunnel within "
                        + w.timeout().toSeconds() + " s for " + String.join(", ", silent));
            }
        }

        /** Pairs: consecutive nodes; hub: the first node is the hub. */
        private static TunnelShape shape(Step.TunnelMode mode, List<String> nodes) {
            return switch (mode) {
                case PAIRS -> TunnelShape.Pairs.consecutive(nodes);
                case HUB -> new TunnelShape.Hub(nodes.get(0));
                case FULL_MESH -> new TunnelShape.FullMesh();
            };
        }

        private void ping(Step.Ping p) {
            List<NodePair> pairs = p.allPairs() ? allPairs() : p.pairs();
            Map<String, String> addresses = p.over() == Step.Over.TUNNEL ? lab.tunnelAddresses() : lab.meshAddresses();
            Map<NodePair, LabSession.PingRun> runs = new LinkedHashMap<>();
            for (NodePair pair : pairs) {
                String target = addresses.get(pair.to());
                if (target == null) {
                    throw new RepetitionFailed(FailureCause.ERROR, "node " + pair.to() + " has no "
                            + p.over().name().toLowerCase(Locale.ROOT) + " address (is wireguard_up before this ping?)");
                }
                runs.put(pair, lab.ping(pair.from(), target, p.count(), p.interval(), null));
            }
            if (p.background()) {
                Instant started = clock.now();
                runs.forEach((pair, run) -> background.add(new BackgroundPing(pair, started, run)));
                return;
            }
            runs.forEach((pair, run) -> {
                PingSeries s = PingSeries.parse(run.output());
                record("ping_loss_percent", pair.toString(), s.lossPercent());
                s.replies().forEach(r -> record("ping_rtt_ms", pair.toString(), r.rttMillis()));
            });
        }

        private void measure(Step.Measurement what) {
            switch (what) {
                case OUTAGE -> measureOutage();
                case WITHDRAWAL -> measureWithdrawal();
                case HOPS -> {
                    Stretch s = Stretch.compute(lab.routedHops(), TopologyGraph.hopDistances(topology));
                    s.hops().forEach(h -> record("hops", "", h));
                    s.stretch().forEach(x -> record("stretch", "", x));
                    record("unrouted_pairs", "", s.unrouted());
                }
                case OVERHEAD, RESOURCES -> measureCounters(what);
            }
        }

        private void measureOutage() {
            if (background.isEmpty()) throw new RepetitionFailed(FailureCause.ERROR, "measure outage needs a ping with background: true before it");
            for (BackgroundPing b : background) {
                PingSeries s = PingSeries.parse(b.run.output());
                Outage o = Outage.of(s, lastFailure);
                if (o == null) {
                    throw new RepetitionFailed(FailureCause.NO_REPLY, "ping " + b.pair + " got " + s.received() + " replies: no outage to measure");
                }
                record("outage_s", b.pair.toString(), seconds(o.duration()));
                record("outage_lost_packets", b.pair.toString(), o.lostPackets());
                record("ping_loss_percent", b.pair.toString(), s.lossPercent());
                outages.add(new OutageTrace(index, b.pair.toString(),
                        s.replies().stream().map(r -> seconds(Duration.between(b.started, r.at()))).toList(),
                        lastFailure == null ? null : seconds(Duration.between(b.started, lastFailure)),
                        seconds(Duration.between(b.started, o.lastBefore())), seconds(Duration.between(b.started, o.firstAfter())),
                        o.lostPackets()));
            }
            background.clear();
        }

        private void measureWithdrawal() {
            if (lastFailure == null || lastEventNode == null) {
                throw new RepetitionFailed(FailureCause.ERROR, "measure withdrawal needs a node stop or restart step before it");
            }
            String gone = lab.meshAddresses().get(lastEventNode);
            Map<String, List<RouteEvent>> events = routeEvents();
            events.remove(lastEventNode);
            Withdrawal w = Withdrawal.compute(events, gone, lastFailure);
            if (w.global() == null) {
                String still = w.perNode().entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                        .collect(Collectors.joining(", "));
                throw new RepetitionFailed(FailureCause.TIMEOUT, "route to stopped node " + lastEventNode + " still present on " + still);
            }
            record("withdrawal_s", "", seconds(w.global()));
            w.perNode().forEach((node, d) -> record("withdrawal_node_s", node, seconds(d)));
        }

        private void measureCounters(Step.Measurement what) {
            if (countersAtStart == null) throw new RepetitionFailed(FailureCause.ERROR, "measure " + what + " needs start_daemons before it");
            Map<String, CounterSample> now = lab.counters();
            now.forEach((node, sample) -> {
                CounterSample before = countersAtStart.get(node);
                if (before == null) return;
                CounterSample.Rates r = sample.ratesSince(before);
                if (what == Step.Measurement.OVERHEAD) {
                    record("overhead_bytes_per_s", node, r.bytesPerSecond());
                    record("overhead_packets_per_s", node, r.packetsPerSecond());
                } else {
                    record("cpu_percent", node, r.cpuPercent());
                    record("memory_bytes", node, r.memoryBytes());
                }
            });
        }
    }

    private record BackgroundPing(NodePair pair, Instant started, LabSession.PingRun run) {}
}
