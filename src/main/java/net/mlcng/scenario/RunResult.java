package net.mlcng.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.mlcng.scenario.measure.Convergence.TimelinePoint;
import net.mlcng.scenario.measure.Summary;
import net.mlcng.topology.Topology;

/**
 * Everything a scenario run produced: what ran (scenario, topology and its hash, mlc-ng version,
 * host), every repetition's outcome, every raw metric value, statistics per metric over the
 * successful repetitions, assert outcomes, warnings, and the traces the report plots.
 */
public record RunResult(
        String scenario,
        String scenarioFile,
        String daemon,
        String topologySource,
        String topologyHash,
        Topology topology,
        String version,
        Map<String, String> hostFacts,
        Instant started,
        Instant finished,
        List<Repetition> repetitions,
        List<MetricValue> values,
        Map<String, Summary> statistics,
        List<AssertOutcome> asserts,
        List<String> warnings,
        List<ConvergenceTrace> convergenceTraces,
        List<OutageTrace> outageTraces) {

    /** One raw measurement: which metric, in which repetition (1-based), about what (node, pair or "" for the whole lab). */
    public record MetricValue(String metric, int repetition, String subject, double value) {}

    /** Why a repetition failed; it is recorded and counted, never dropped. */
    public enum FailureCause { DAEMON_CRASHED, NODE_ISOLATED, TIMEOUT, NO_REPLY, ERROR }

    /** A repetition's outcome; cause, message and line (the scenario step that failed) are null when it succeeded. */
    public record Repetition(int index, boolean ok, FailureCause cause, String message, Integer line, double seconds) {}

    /** An assert's outcome; value is null when the metric had no values. */
    public record AssertOutcome(String assertion, int line, Double value, boolean passed, String message) {}

    /** Nodes with a full table over time after one event, for the convergence plot. */
    public record ConvergenceTrace(int repetition, String metric, int nodes, List<TimelinePoint> timeline) {}

    /**
     * A ping across a failure for the outage timeline: reply times and the outage window in seconds
     * since the ping started; eventSeconds is the failure step's time (null when none).
     */
    public record OutageTrace(int repetition, String pair, List<Double> replySeconds, Double eventSeconds,
            double outageStartSeconds, double outageEndSeconds, int lostPackets) {}

    public int failedRepetitions() {
        return (int) repetitions.stream().filter(r -> !r.ok()).count();
    }

    public List<AssertOutcome> failedAsserts() {
        return asserts.stream().filter(a -> !a.passed()).toList();
    }
}
