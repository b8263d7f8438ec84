package net.mlcng.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.mlcng.daemon.DaemonConfig;
import net.mlcng.daemon.DaemonState;
import net.mlcng.daemon.DaemonView;
import net.mlcng.daemon.NodeExec;
import net.mlcng.daemon.RoutingDaemon;
import net.mlcng.daemon.health.CoreFiles;
import net.mlcng.daemon.health.CrashCapture;
import net.mlcng.daemon.health.DaemonHealth;
import net.mlcng.daemon.health.GdbBacktrace;
import net.mlcng.daemon.health.NeighbourCheck;
import net.mlcng.daemon.health.ProcessEnd;
import net.mlcng.error.MlcException;
import net.mlcng.error.OperationFailedException;
import net.mlcng.error.UsageException;
import net.mlcng.runtime.ContainerInfo;
import net.mlcng.topology.Topology;
import net.mlcng.topology.TopologyGraph;

/**
 * A lab's routing daemons, per node: their health (running, or how they ended; isolated; a crash's
 * core and backtrace, captured once into {@code <lab state dir>/crashes/<node>/<time>/} on the host) and
 * their control (start, stop, restart by PID inside the node, through the driver's supervisor).
 */
public final class LabDaemons {
    /** Frames of a crash's backtrace shown with the health. */
    private static final int CRASH_SITE_FRAMES = 5;
    private static final DateTimeFormatter CRASH_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final LabEngine engine;

    public LabDaemons(LabEngine engine) {
        this.engine = engine;
    }

    public enum Action {
        STATUS, START, STOP, RESTART;

        /** From the verb's lower-case word; anything else is a usage error listing the choices. */
        public static Action parse(String word) {
            for (Action a : values()) if (a.name().toLowerCase(Locale.ROOT).equals(word)) return a;
            throw new UsageException("unknown daemon action '" + word + "': use status, start, stop or restart");
        }
    }

    /** Where the crashes of one node of a lab are kept on the host, one directory per crash named by its time. */
    public Path crashDir(String lab, String node) {
        return engine.store().directory(lab).resolve("crashes").resolve(node);
    }

    /**
     * Acts on one node's daemon and returns its health afterwards. A crashed daemon's core is
     * captured before it is started again (a new start makes the old core look stale).
     */
    public DaemonHealth control(String lab, String node, Action action) {
        Topology topology = engine.store().load(lab).orElseThrow(() -> LabEngine.noSuchLab(lab)).topology();
        if (!topology.nodes().containsKey(node)) {
            throw new UsageException("lab " + lab + " has no node " + node + " (nodes: " + String.join(", ", topology.nodes().keySet()) + ")");
        }
        RoutingDaemon daemon = LabEngine.daemonOf(topology.node(node));
        if (daemon == null) throw new UsageException("node " + node + " of lab " + lab + " runs no routing daemon");
        ContainerInfo c = engine.containersByNode(lab).get(node);
        if (c == null || !c.running()) {
            throw new OperationFailedException("node " + node + " of lab " + lab + " is not running; start it with `mlc-ng node " + lab + " " + node + " start`");
        }
        NodeExec exec = engine.exec(c.id(), node);
        LabNames names = new LabNames(lab);
        DaemonHealth before = health(lab, topology, exec, daemon);
        if (action == Action.STATUS) return before;
        if (action != Action.START) daemon.stop(exec, LabEngine.daemonConfig(topology, names, node));
        if (action != Action.STOP) daemon.start(exec, engine.daemonStartConfig(topology, names, node));
        return health(lab, topology, exec, daemon);
    }

    /**
     * Health of every daemon of the lab whose node runs, by node, e.g. for a scenario's results
     * after a run (nodes whose container is down are {@code inspect}'s business).
     */
    public Map<String, DaemonHealth> health(String lab) {
        Topology topology = engine.store().load(lab).orElseThrow(() -> LabEngine.noSuchLab(lab)).topology();
        Map<String, ContainerInfo> containers = engine.containersByNode(lab);
        List<String> nodes = topology.nodes().keySet().stream()
                .filter(n -> containers.containsKey(n) && containers.get(n).running() && LabEngine.daemonOf(topology.node(n)) != null)
                .toList();
        return health(lab, topology, containers, nodes);
    }

    /** Health of the daemons of the given nodes (running containers with a daemon), concurrently. */
    Map<String, DaemonHealth> health(String lab, Topology topology, Map<String, ContainerInfo> containers, List<String> nodes) {
        return engine.pool().map(nodes, n -> health(lab, topology, engine.exec(containers.get(n).id(), n),
                LabEngine.daemonOf(topology.node(n))), () -> {});
    }

    private DaemonHealth health(String lab, Topology topology, NodeExec exec, RoutingDaemon daemon) {
        String node = exec.node();
        DaemonConfig config = LabEngine.daemonConfig(topology, new LabNames(lab), node);
        DaemonState state = daemon.state(exec, config);
        List<String> notes = new ArrayList<>();
        if (state.running()) {
            Boolean isolated = null;
            try {
                DaemonView view = daemon.view(exec, config);
                isolated = NeighbourCheck.of(node, view, TopologyGraph.of(topology).degreeOf(node)).isolated();
            } catch (MlcException e) {
                notes.add("no view from " + daemon.name() + ": " + e.getMessage());
            }
            return new DaemonHealth(daemon.name(), true, state.pid(), null, isolated, null, null, null, null, notes);
        }
        ProcessEnd ended = state.signal() == null && state.exitCode() == null ? null
                : new ProcessEnd(state.exitCode(), state.signal(), state.stoppedAt());
        if (ended == null && state.pid() != null) notes.add(daemon.name() + " vanished without its supervisor recording an end");
        Path core = null;
        GdbBacktrace backtrace = null;
        if (ended != null && ended.crashed()) {
            // PIDs repeat in fresh containers: the end time keeps one crash's files from passing for another's.
            Path dir = crashDir(lab, node).resolve(CRASH_TIME.format(ended.at()));
            core = dir.resolve(CoreFiles.capturedName(node, daemon.name(), state.pid()));
            if (Files.isRegularFile(core)) {
                backtrace = readBacktrace(CrashCapture.backtraceFile(core));
            } else {
                try {
                    CrashCapture.CrashReport report = CrashCapture.capture(exec, daemon.supervisor(config), state, dir);
                    core = report.core();
                    backtrace = report.backtrace();
                    notes.addAll(report.notes());
                } catch (MlcException e) {
                    core = null;
                    notes.add("capturing the crash failed: " + e.getMessage());
                }
            }
        }
        Path backtraceFile = core == null ? null : CrashCapture.backtraceFile(core);
        return new DaemonHealth(daemon.name(), false, state.pid(), ended, null,
                core == null ? null : core.toString(),
                backtraceFile != null && Files.isRegularFile(backtraceFile) ? backtraceFile.toString() : null,
                backtrace == null ? null : backtrace.frames().stream().limit(CRASH_SITE_FRAMES).map(GdbBacktrace.Frame::toString).toList(),
                state.lastLogLines(), notes);
    }

    private static GdbBacktrace readBacktrace(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return GdbBacktrace.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable backtrace " + file, e);
        }
    }
}
