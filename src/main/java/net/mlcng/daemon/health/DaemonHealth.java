package net.mlcng.daemon.health;

import java.util.List;

/**
 * Why a node's daemon is or is not doing its job, for {@code inspect} and scenario results:
 * running with its PID; or how it {@code ended} (signal or exit status, when) with its last log
 * lines and, after a crash, the captured {@code core} and gdb {@code backtrace} files (host paths)
 * with the top frames as {@code crashSite}; {@code isolated} when it runs but sees none of the
 * neighbours the topology gives it (null when not known). {@code notes} say what could not be had.
 */
public record DaemonHealth(
        String name, boolean running, Integer pid, ProcessEnd ended, Boolean isolated, String core, String backtrace,
        List<String> crashSite, List<String> lastLogLines, List<String> notes) {
    public DaemonHealth {
        crashSite = crashSite == null ? List.of() : List.copyOf(crashSite);
        lastLogLines = lastLogLines == null ? List.of() : List.copyOf(lastLogLines);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** One line for tables: "running", "isolated", "SIGSEGV at ...", "exit 1 at ...". */
    public String summary() {
        if (running) return Boolean.TRUE.equals(isolated) ? "ISOLATED" : "running";
        if (ended == null) return pid == null ? "not started" : "gone (no exit recorded)";
        return (ended.signal() != null ? ended.signal() : "exit " + ended.exitCode()) + (ended.at() == null ? "" : " at " + ended.at());
    }
}
