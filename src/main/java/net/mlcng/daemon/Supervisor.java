package net.mlcng.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.mlcng.daemon.health.ProcessEnd;
import net.mlcng.error.OperationFailedException;

/**
 * Runs one daemon in the foreground under a small shell supervisor inside a node, so that mlc-ng
 * always knows its PID and how it ended. In {@code stateDir} it keeps {@code <name>.pid},
 * {@code <name>.log} (the daemon's stdout and stderr, each start marked), {@code <name>.exit} (written when the daemon
 * ends: {@code "<shell status> <epoch seconds>"}, see {@link ProcessEnd#parseRecord}) and, as the
 * daemon's working directory, any core file it dumps. Stopping goes by that PID, inside the node.
 */
public record Supervisor(String name, String stateDir) {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final int LOG_LINES = 20;

    // Waits (up to 5 s) for the background supervisor to record the PID, so launch() can return it.
    private static final String LAUNCH = """
            d=$1; n=$2; shift 2
            mkdir -p "$d" && cd "$d" || exit 1
            rm -f "$n.exit" "$n.pid"
            echo "--- started by mlc-ng at $(date +%s)" >>"$n.log"
            ulimit -c unlimited 2>/dev/null
            ( "$@" >>"$n.log" 2>&1 </dev/null & echo $! >"$n.pid"; wait $!; echo "$? $(date +%s)" >"$n.exit" ) >/dev/null 2>&1 </dev/null &
            i=0; while [ ! -s "$n.pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
            cat "$n.pid"
            """;
    private static final String PROBE = """
            d=$1; n=$2
            [ -s "$d/$n.pid" ] || { echo never; exit 0; }
            pid=$(cat "$d/$n.pid"); echo "pid $pid"
            if [ ! -e "$d/$n.exit" ] && [ -d "/proc/$pid" ]; then echo running; exit 0; fi
            echo "ended $(cat "$d/$n.exit" 2>/dev/null)"
            echo log
            tail -n "$3" "$d/$n.log" 2>/dev/null
            exit 0
            """;
    // TERM first; KILL only if the daemon is still there after 5 s.
    private static final String STOP = """
            pid=$1
            kill -TERM "$pid" 2>/dev/null || exit 0
            i=0; while [ -d "/proc/$pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
            if [ -d "/proc/$pid" ]; then kill -KILL "$pid"; fi
            exit 0
            """;

    public Supervisor {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("supervisor name '" + name + "' must match " + SAFE_NAME);
        }
    }

    public String pidFile() {
        return stateDir + "/" + name + ".pid";
    }

    public String logFile() {
        return stateDir + "/" + name + ".log";
    }

    /** Starts {@code argv} (a foreground daemon) in the background and returns its PID. */
    public int launch(NodeExec node, List<String> argv) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", LAUNCH, "sh", stateDir, name));
        cmd.addAll(argv);
        NodeExec.ExecResult r = node.exec(cmd, TIMEOUT);
        String pid = r.stdout().strip();
        if (!r.ok() || !pid.matches("\\d+")) {
            throw new OperationFailedException("starting " + name + " in node " + node.node() + " failed"
                    + (r.stderr().isBlank() ? "" : ": " + r.stderr().strip()));
        }
        return Integer.parseInt(pid);
    }

    /** Whether the daemon runs; if it ended, how and when, with the last lines of its log. */
    public DaemonState probe(NodeExec node) {
        NodeExec.ExecResult r = node.exec(List.of("sh", "-c", PROBE, "sh", stateDir, name, Integer.toString(LOG_LINES)), TIMEOUT);
        if (!r.ok()) {
            throw new OperationFailedException("checking " + name + " in node " + node.node() + " failed: " + r.stderr().strip());
        }
        return parseProbe(r.stdout());
    }

    /** Stops the daemon by its recorded PID; does nothing when it does not run. */
    public void stop(NodeExec node) {
        DaemonState state = probe(node);
        if (!state.running()) {
            return;
        }
        NodeExec.ExecResult r = node.exec(List.of("sh", "-c", STOP, "sh", Integer.toString(state.pid())), TIMEOUT);
        if (!r.ok()) {
            throw new OperationFailedException("stopping " + name + " (pid " + state.pid() + ") in node " + node.node()
                    + " failed: " + r.stderr().strip());
        }
    }

    static DaemonState parseProbe(String stdout) {
        List<String> lines = stdout.lines().toList();
        if (lines.isEmpty() || lines.get(0).equals("never")) {
            return new DaemonState(false, null, null, null, null, List.of());
        }
        if (lines.size() < 2 || !lines.get(0).startsWith("pid ")) {
            throw new OperationFailedException("unexpected supervisor probe output: " + stdout.strip());
        }
        int pid = Integer.parseInt(lines.get(0).substring(4).strip());
        if (lines.get(1).equals("running")) {
            return DaemonState.running(pid);
        }
        String record = lines.get(1).replaceFirst("^ended ?", "");
        int logStart = lines.indexOf("log") + 1;
        List<String> log = logStart == 0 ? List.of() : lines.subList(logStart, lines.size());
        if (record.isBlank()) {
            // The daemon vanished without its supervisor recording an end (e.g. the supervisor was killed too).
            return new DaemonState(false, pid, null, null, null, log);
        }
        ProcessEnd end = ProcessEnd.parseRecord(record);
        return new DaemonState(false, pid, end.exitCode(), end.signal(), end.at(), log);
    }
}
