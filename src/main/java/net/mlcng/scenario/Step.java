package net.mlcng.scenario;

import java.time.Duration;
import java.util.List;

/**
 * One step of a scenario, as written in the file. Every step keeps the line it came from so that
 * run-time messages (a timeout, a failed assert) can point back into the scenario file.
 */
public sealed interface Step {
    int line();

    /** The step's name as written in scenario files, e.g. {@code wait_converged}. */
    String keyword();

    /** The node names this step refers to, checked against the topology before deploying. */
    default List<String> nodesNamed() {
        return List.of();
    }

    /** Over which addresses pings travel: the routed mesh or the WireGuard tunnels. */
    enum Over { MESH, TUNNEL }

    enum TunnelMode { PAIRS, HUB, FULL_MESH }

    enum NodeAction { STOP, START, RESTART }

    enum Direction { BOTH, A_TO_B, B_TO_A }

    enum LinkState { UP, DOWN }

    /** What a measure step samples; convergence is measured by every wait_converged. */
    enum Measurement { OUTAGE, WITHDRAWAL, HOPS, OVERHEAD, RESOURCES }

    /** Which statistic of a metric's values an assert compares. */
    enum Stat { MIN, MEDIAN, P95, MAX, MEAN }

    enum Op {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("==");

        public final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public boolean holds(double value, double bound) {
            return switch (this) {
                case LT -> value < bound;
                case LE -> value <= bound;
                case GT -> value > bound;
                case GE -> value >= bound;
                case EQ -> value == bound;
            };
        }

        public static Op fromSymbol(String s) {
            for (Op op : values()) if (op.symbol.equals(s)) return op;
            return null;
        }
    }

    /** An ordered pair of node names; pings go from {@code from} to {@code to}. */
    record NodePair(String from, String to) {
        @Override
        public String toString() {
            return from + "->" + to;
        }
    }

    record Deploy(int line) implements Step {
        public String keyword() {
            return "deploy";
        }
    }

    record StartDaemons(int line) implements Step {
        public String keyword() {
            return "start_daemons";
        }
    }

    /**
     * Waits until every node has a route to every other node's address (control plane) and a
     * sample of end-to-end pings answers (data plane); records both times under {@code metric}
     * (e.g. {@code convergence_control_s}), measured from the latest event step.
     */
    record WaitConverged(Duration timeout, int pingSample, String metric, int line) implements Step {
        public String keyword() {
            return "wait_converged";
        }
    }

    /** Brings WireGuard tunnels up among {@code nodes} (empty = all nodes) and measures tunnel setup. */
    record WireguardUp(TunnelMode mode, List<String> nodes, Duration timeout, int line) implements Step {
        public WireguardUp {
            nodes = List.copyOf(nodes);
        }

        public String keyword() {
            return "wireguard_up";
        }

        @Override
        public List<String> nodesNamed() {
            return nodes;
        }
    }

    /**
     * Pings each pair ({@code allPairs} = every ordered pair of nodes). A background ping runs while
     * later steps run; a later {@code measure: {what: outage}} collects it.
     */
    record Ping(List<NodePair> pairs, boolean allPairs, int count, Duration interval, Over over, boolean background, int line)
            implements Step {
        public Ping {
            pairs = List.copyOf(pairs);
        }

        public String keyword() {
            return "ping";
        }

        @Override
        public List<String> nodesNamed() {
            return pairs.stream().flatMap(p -> java.util.stream.Stream.of(p.from(), p.to())).toList();
        }
    }

    /** Changes a link live; null fields are left as they are. */
    record Link(String a, String b, Double lossPercent, Long rateBitsPerSecond, Duration delay, LinkState state,
            Direction direction, int line) implements Step {
        public String keyword() {
            return "link";
        }

        @Override
        public List<String> nodesNamed() {
            return List.of(a, b);
        }
    }

    record Node(String name, NodeAction action, int line) implements Step {
        public String keyword() {
            return "node";
        }

        @Override
        public List<String> nodesNamed() {
            return List.of(name);
        }
    }

    record Wait(Duration duration, int line) implements Step {
        public String keyword() {
            return "wait";
        }
    }

    record Traffic(String from, String to, Duration duration, int line) implements Step {
        public String keyword() {
            return "traffic";
        }

        @Override
        public List<String> nodesNamed() {
            return List.of(from, to);
        }
    }

    record Measure(Measurement what, int line) implements Step {
        public String keyword() {
            return "measure";
        }
    }

    /** Compares statistic {@code stat} of {@code metric} over all successful repetitions with {@code bound}. */
    record Assert(String metric, Stat stat, Op op, double bound, int line) implements Step {
        public String keyword() {
            return "assert";
        }

        /** e.g. {@code convergence_control_s p95 < 30}. */
        public String describe() {
            return metric + " " + stat.name().toLowerCase(java.util.Locale.ROOT) + " " + op.symbol + " " + net.mlcng.scenario.measure.Summary.format(bound);
        }
    }

    record Destroy(int line) implements Step {
        public String keyword() {
            return "destroy";
        }
    }
}
