package net.mlcng.daemon.health;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import net.mlcng.error.OperationFailedException;

/**
 * How a supervised daemon ended: its exit code, or the signal that killed it, and when.
 * Exactly one of {@code exitCode} and {@code signal} is set.
 */
public record ProcessEnd(Integer exitCode, String signal, Instant at) {
    private static final Pattern RECORD = Pattern.compile("(\\d+) (\\d+)");
    /** Linux signal numbers (x86-64, arm64 alike for these). */
    private static final Map<Integer, String> SIGNALS = Map.ofEntries(
            Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"),
            Map.entry(5, "SIGTRAP"), Map.entry(6, "SIGABRT"), Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"),
            Map.entry(9, "SIGKILL"), Map.entry(10, "SIGUSR1"), Map.entry(11, "SIGSEGV"), Map.entry(12, "SIGUSR2"),
            Map.entry(13, "SIGPIPE"), Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"));

    public ProcessEnd {
        if ((exitCode == null) == (signal == null)) {
            throw new IllegalArgumentException("a process ends by exit code or by signal, not both or neither");
        }
    }

    /**
     * Reads the supervisor's record {@code "<shell status> <epoch seconds>"}. A POSIX shell reports a
     * child killed by signal N as status 128+N, so statuses above 128 are read as signals; a daemon
     * that itself exits with such a code would be misread, which no routing daemon we drive does.
     */
    public static ProcessEnd parseRecord(String record) {
        var m = RECORD.matcher(record.strip());
        if (!m.matches()) {
            throw new OperationFailedException("supervisor record '" + record.strip() + "' is not '<status> <epoch seconds>'");
        }
        return fromShellStatus(Integer.parseInt(m.group(1)), Instant.ofEpochSecond(Long.parseLong(m.group(2))));
    }

    public static ProcessEnd fromShellStatus(int status, Instant at) {
        if (status > 128 && status < 128 + 65) {
            return new ProcessEnd(null, signalName(status - 128), at);
        }
        return new ProcessEnd(status, null, at);
    }

    /** {@code SIGSEGV} for 11; {@code SIG<n>} for numbers without a common name. */
    public static String signalName(int number) {
        return SIGNALS.getOrDefault(number, "SIG" + number);
    }

    /** A crash, as opposed to being stopped (TERM, INT, KILL) or exiting on its own. */
    public boolean crashed() {
        return signal != null && switch (signal) {
            case "SIGSEGV", "SIGABRT", "SIGBUS", "SIGFPE", "SIGILL", "SIGTRAP" -> true;
            default -> false;
        };
    }

    public String describe() {
        return (signal != null ? "killed by " + signal : "exited with status " + exitCode) + " at " + at;
    }
}
