package net.mlcng.daemon;

import java.time.Instant;
import java.util.List;

/**
 * Whether a node's daemon runs, and if it stopped, how: exit status or signal, when, and its last
 * log lines, so a failed run says why. {@code exitCode} and {@code signal} are null while running
 * or when unknown.
 */
public record DaemonState(
        boolean running, Integer pid, Integer exitCode, String signal, Instant stoppedAt, List<String> lastLogLines) {
    public DaemonState {
        lastLogLines = lastLogLines == null ? List.of() : List.copyOf(lastLogLines);
    }

    public static DaemonState running(int pid) {
        return new DaemonState(true, pid, null, null, null, List.of());
    }

    /** "running (pid N)", or how it ended (signal or exit status, when) followed by its last log lines. */
    public String describe() {
        if (running) return "running (pid " + pid + ")";
        String how = signal != null ? "killed by " + signal : exitCode != null ? "exit status " + exitCode : "no exit recorded";
        return how + (stoppedAt == null ? "" : " at " + stoppedAt)
                + (lastLogLines.isEmpty() ? "" : "; last log lines:\n  " + String.join("\n  ", lastLogLines));
    }
}
