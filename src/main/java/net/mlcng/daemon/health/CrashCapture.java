package net.mlcng.daemon.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.mlcng.daemon.DaemonState;
import net.mlcng.daemon.NodeExec;
import net.mlcng.daemon.NodeFiles;
import net.mlcng.daemon.Supervisor;
import net.mlcng.error.OperationFailedException;

/**
 * After a daemon died, copies its core out of the node into the run's output and, where gdb is in
 * the node, a backtrace beside it. Whatever cannot be had (no core: core limit or a piping
 * core_pattern; no gdb) is said in {@link CrashReport#notes()}, never silently skipped.
 */
public final class CrashCapture {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private CrashCapture() {}

    /** What was captured for one dead daemon; {@code core} and {@code backtrace} are null when not had. */
    public record CrashReport(String node, String daemon, DaemonState state, Path core, GdbBacktrace backtrace, List<String> notes) {
        public CrashReport {
            notes = List.copyOf(notes);
        }
    }

    /** Captures for the daemon {@code supervisor} ran, which ended as {@code state}. Writes into {@code outputDir}. */
    public static CrashReport capture(NodeExec node, Supervisor supervisor, DaemonState state, Path outputDir) {
        String daemon = supervisor.name();
        if (state.running() || state.pid() == null) {
            throw new IllegalArgumentException(daemon + " in node " + node.node() + " has not died; nothing to capture");
        }
        List<String> notes = new ArrayList<>();
        String pattern = read(node, CoreFiles.CORE_PATTERN_FILE);
        boolean usesPid = read(node, CoreFiles.CORE_USES_PID_FILE).strip().equals("1");
        int signal = state.signal() == null ? 0 : signalNumber(state.signal());
        CoreFiles.Location where = CoreFiles.locate(pattern, usesPid, supervisor.stateDir(), state.pid(), daemon, signal);
        if (!where.capturable()) {
            notes.add("kernel.core_pattern pipes cores to " + where.pipeProgram() + " on the host; set it to 'core' to capture them");
            return new CrashReport(node.node(), daemon, state, null, null, notes);
        }
        Optional<String> coreInNode = exec(node, where.findCommand(supervisor.pidFile())).stdout().lines().findFirst();
        if (coreInNode.isEmpty()) {
            notes.add("no core matching " + where.glob() + " newer than this start (was the core size limit 0, or did the daemon exit without a dump signal?)");
            return new CrashReport(node.node(), daemon, state, null, null, notes);
        }
        String name = CoreFiles.capturedName(node.node(), daemon, state.pid());
        Path core = outputDir.resolve(name);
        byte[] content = NodeFiles.read(node, coreInNode.get())
                .orElseThrow(() -> new OperationFailedException("core " + coreInNode.get() + " vanished from node " + node.node()));
        write(core, content);
        GdbBacktrace backtrace = null;
        NodeExec.ExecResult binary = exec(node, GdbBacktrace.binaryCommand(daemon));
        NodeExec.ExecResult gdb = exec(node, List.of("sh", "-c", "command -v gdb"));
        if (!gdb.ok()) {
            notes.add("no gdb in the node image: no backtrace");
        } else if (!binary.ok()) {
            notes.add("binary of " + daemon + " not found in the node: no backtrace");
        } else {
            NodeExec.ExecResult bt = exec(node, GdbBacktrace.command(binary.stdout().strip(), coreInNode.get()));
            write(backtraceFile(core), (bt.stdout() + bt.stderr()).getBytes(StandardCharsets.UTF_8));
            backtrace = GdbBacktrace.parse(bt.stdout());
        }
        return new CrashReport(node.node(), daemon, state, core, backtrace, notes);
    }

    /** Where gdb's output for a captured core is written: beside it. */
    public static Path backtraceFile(Path core) {
        return core.resolveSibling(core.getFileName() + ".backtrace.txt");
    }

    private static int signalNumber(String signal) {
        for (int n = 1; n < 65; n++) {
            if (ProcessEnd.signalName(n).equals(signal)) {
                return n;
            }
        }
        return 0;
    }

    private static String read(NodeExec node, String file) {
        NodeExec.ExecResult r = exec(node, List.of("cat", file));
        if (!r.ok()) {
            throw new OperationFailedException("reading " + file + " in node " + node.node() + " failed: " + r.stderr().strip());
        }
        return r.stdout();
    }

    private static NodeExec.ExecResult exec(NodeExec node, List<String> cmd) {
        return node.exec(cmd, TIMEOUT);
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new OperationFailedException("writing " + file + " failed: " + e.getMessage(), e);
        }
    }
}
