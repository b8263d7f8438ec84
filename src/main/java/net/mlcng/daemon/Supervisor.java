package net.mlcng.daemon;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    private static final Pattern SAFE_FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final int LOG_LINES = 20;
    private static final long POLL_MILLIS = 10;

    /** Prints the probe record (see {@link #parseProbe}) of daemon $n in directory $d with $lines log lines. */
    private static final String PROBE_FUNCTION = """
            probe() {
              [ -s "$d/$n.pid" ] || { echo never; return 0; }
              read -r pid <"$d/$n.pid"; echo "pid $pid"
              if [ ! -e "$d/$n.exit" ] && [ -d "/proc/$pid" ]; then echo running; return 0; fi
              echo "ended $(cat "$d/$n.exit" 2>/dev/null)"
              echo log
              tail -n "$lines" "$d/$n.log" 2>/dev/null
            }
            """;
    private static final String PROBE = PROBE_FUNCTION + """
            d=$1; n=$2; lines=$3
            probe
            """;
    /**
     * One exec does the whole start, because each exec costs a round trip through the engine:
     * writes the files, launches the daemon under a subshell that records its PID and how it ended,
     * then polls the ready check (run in $d) every 10 ms (babeld is ready ~2 ms after launch: a
     * coarser poll would be most of its start). Prints a status line (running: it was already;
     * ready; ended; not-ready), the probe record, and for not-ready the check's last output.
     */
    private static final String START = PROBE_FUNCTION + """
            d=$1; n=$2; lines=$3; ready=$4; polls=$5; nfiles=$6; shift 6
            mkdir -p "$d" && cd "$d" || exit 1
            alive() { [ -s "$n.pid" ] && [ ! -e "$n.exit" ] && read -r p <"$n.pid" && [ -d "/proc/$p" ]; }
            if alive; then echo running; probe; exit 0; fi
            stale="$n.exit $n.pid"
            while [ "$nfiles" -gt 0 ]; do
              case "$1" in -*) stale="$stale ${1#-}" ;; *) printf '%s' "$2" >"$1" ;; esac
              shift 2; nfiles=$((nfiles-1))
            done
            rm -f $stale  # unquoted on purpose: state file names hold no blanks (Launch checks them)
            echo "--- started by mlc-ng at $(date +%s)" >>"$n.log"
            ulimit -c unlimited 2>/dev/null
            ( "$@" >>"$n.log" 2>&1 </dev/null & echo $! >"$n.pid"; wait $!; echo "$? $(date +%s)" >"$n.exit" ) >/dev/null 2>&1 </dev/null &
            i=0
            until [ -s "$n.pid" ] && { [ -e "$n.exit" ] || eval "$ready" >/dev/null 2>&1; }; do
              [ "$i" -ge "$polls" ] && break
              sleep 0.01; i=$((i+1))
            done
            if ! alive; then echo ended; probe
            elif eval "$ready" >/dev/null 2>&1; then echo ready; probe
            else echo not-ready; probe; echo check; eval "$ready" 2>&1 | tail -n 3
            fi
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

    /**
     * How to start a daemon: its foreground command line; files to write into the state directory
     * first (name to content) and stale ones to remove (e.g. a pid file the daemon opens exclusively);
     * and a shell condition, run in the state directory, that holds once the daemon is ready.
     */
    public record Launch(List<String> argv, Map<String, String> files, List<String> staleFiles, String readyCheck, Duration readyWithin) {
        public Launch {
            argv = List.copyOf(argv);
            files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
            staleFiles = List.copyOf(staleFiles);
            // A leading '-' marks a stale file for the start script: names never start with one.
            Stream.concat(files.keySet().stream(), staleFiles.stream()).filter(f -> !SAFE_FILE.matcher(f).matches()).findFirst()
                    .ifPresent(f -> {
                        throw new IllegalArgumentException("state file name '" + f + "' must match " + SAFE_FILE);
                    });
        }

        /** Just the command, ready as soon as it runs. */
        public static Launch of(List<String> argv) {
            return new Launch(argv, Map.of(), List.of(), "true", Duration.ofSeconds(5));
        }
    }

    /** A start's result: the daemon's PID, and whether it was running already (then nothing was started). */
    public record Started(int pid, boolean wasRunning) {}

    /**
     * Starts the daemon unless it runs already, and returns once it is ready; throws, saying how it
     * ended with its last log lines, when it ends first or is not ready in time. One exec.
     */
    public Started start(NodeExec node, Launch launch) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", START, "sh", stateDir, name, Integer.toString(LOG_LINES),
                launch.readyCheck(), Long.toString(Math.max(1, launch.readyWithin().toMillis() / POLL_MILLIS)),
                Integer.toString(launch.files().size() + launch.staleFiles().size())));
        launch.files().forEach((file, content) -> cmd.addAll(List.of(file, content)));
        launch.staleFiles().forEach(file -> cmd.addAll(List.of("-" + file, "")));
        cmd.addAll(launch.argv());
        NodeExec.ExecResult r = node.exec(cmd, launch.readyWithin().plus(TIMEOUT));
        List<String> lines = r.stdout().lines().toList();
        if (!r.ok() || lines.isEmpty()) {
            throw new OperationFailedException("starting " + name + " in node " + node.node() + " failed"
                    + (r.stderr().isBlank() ? "" : ": " + r.stderr().strip()));
        }
        String status = lines.get(0);
        int check = lines.indexOf("check");
        DaemonState state = parseProbe(String.join("\n", lines.subList(1, check < 0 ? lines.size() : check)));
        switch (status) {
            case "running", "ready" -> {
                if (state.running()) return new Started(state.pid(), status.equals("running"));
            }
            case "not-ready" -> {
                String why = check < 0 ? "" : String.join("\n", lines.subList(check + 1, lines.size())).strip();
                String within = BigDecimal.valueOf(launch.readyWithin().toMillis(), 3).stripTrailingZeros().toPlainString();
                throw new OperationFailedException(name + " in node " + node.node() + " runs (pid " + state.pid() + ") but was not ready within "
                        + within + " s (" + launch.readyCheck() + (why.isEmpty() ? "" : ": " + why) + ")");
            }
            default -> { }
        }
        throw new OperationFailedException(name + " in node " + node.node() + " ended while starting: " + state.describe());
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
