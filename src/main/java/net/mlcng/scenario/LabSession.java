package net.mlcng.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import net.mlcng.daemon.DaemonState;
import net.mlcng.scenario.Step.NodePair;
import net.mlcng.scenario.measure.CounterSample;

/**
 * One deployed lab as the scenario runner drives it. Methods block until the action is applied
 * (a link change is in the kernel, a node is stopped), except {@link #ping}, which starts a ping
 * and returns a handle. Runtime failures are MlcExceptions (OperationFailedException: the
 * repetition fails with that message; EnvironmentException: the whole run stops).
 */
public interface LabSession {
    void startDaemons();

    /** Everything {@code ip -ts monitor route} printed so far, per node (both families, all tables). */
    Map<String, String> routeMonitorOutput();

    /** Time zone of the nodes' clocks, in which ip monitor prints its timestamps. */
    default ZoneId nodeClockZone() {
        return java.time.ZoneOffset.UTC;
    }

    /** The address each node announces over the mesh: what every other node must have a route to. */
    Map<String, String> meshAddresses();

    /** Each node's WireGuard tunnel address (nodes without a tunnel are absent). */
    Map<String, String> tunnelAddresses();

    /** Each node's daemon: running, or how it stopped (exit code / signal, last log lines). */
    Map<String, DaemonState> daemonStates();

    /**
     * Starts {@code ping -D -i INTERVAL -c COUNT [-w DEADLINE] TARGET} in node {@code from}. With a
     * deadline, ping stops after COUNT replies or at the deadline, whichever comes first.
     */
    PingRun ping(String from, String target, int count, Duration interval, Duration deadline);

    /** A started ping; {@link #output} waits for it to end and returns what it printed. */
    interface PingRun {
        String output();
    }

    /** Applies a link step's changes (loss, rate, delay, up/down; per direction) live. */
    void changeLink(Step.Link change);

    /**
     * Stops, starts or restarts a node's container. A node that starts again comes back with its
     * links, impairments and daemon running, and its route monitor restarted (appending to the same
     * {@link #routeMonitorOutput} text), so convergence after its return can be measured.
     */
    void nodeAction(String node, Step.NodeAction action);

    /** Configures and brings up WireGuard tunnels between the given pairs; returns once applied. */
    void wireguardUp(List<NodePair> tunnels);

    /** Latest handshake per tunnel pair ({@code wg show latest-handshakes}: whole seconds); absent = none yet. */
    Map<NodePair, Instant> latestHandshakes();

    /** Runs iperf3 from {@code from} to {@code to}'s mesh address; returns the received bits per second. */
    double iperf(String from, String to, Duration duration);

    /** Per source node, per destination node, the hop count of the routed path (daemon view or traceroute). */
    Map<String, Map<String, Integer>> routedHops();

    /** Cumulative routing-protocol traffic, CPU time and memory per node, read now. */
    Map<String, CounterSample> counters();

    /** Removes the lab and everything it created. Called exactly once per deploy, also after failures. */
    void destroy();
}
