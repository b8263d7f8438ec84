package net.mlcng.daemon.health;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A backtrace from a core, made by gdb inside the node (where binary and libraries match the core),
 * and read back into frames so a report can show where the daemon died.
 */
public record GdbBacktrace(String signal, List<Frame> frames) {
    private static final Pattern FRAME = Pattern.compile("^#(\\d+)\\s+(?:0x[0-9a-f]+ in )?(\\S+) \\(.*$");
    private static final Pattern AT = Pattern.compile(" (?:at|from) (\\S+)$");
    private static final Pattern SIGNAL = Pattern.compile("^Program terminated with signal (SIG[A-Z0-9]+)");

    public GdbBacktrace {
        frames = List.copyOf(frames);
    }

    /** One stack frame; {@code function} is {@code ??} without symbols, {@code location} file:line or library, or null. */
    public record Frame(int index, String function, String location) {
        @Override
        public String toString() {
            return "#" + index + " " + function + (location == null ? "" : " at " + location);
        }
    }

    /** Finds the daemon's binary in the node, for gdb. */
    public static List<String> binaryCommand(String daemon) {
        return List.of("sh", "-c", "command -v \"$1\"", "sh", daemon);
    }

    /** gdb without init files or pager, every thread's stack. */
    public static List<String> command(String binary, String core) {
        return List.of("gdb", "-batch", "-nx", "-ex", "set pagination off", "-ex", "thread apply all bt", binary, core);
    }

    /** Reads gdb's output: the signal and the first listed thread's frames (the crashing one). */
    public static GdbBacktrace parse(String gdbOutput) {
        List<String> lines = gdbOutput.lines().toList();
        String signal = null;
        for (String l : lines) {
            var m = SIGNAL.matcher(l);
            if (m.find()) {
                signal = m.group(1);
                break;
            }
        }
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Thread ")) {
                start = i + 1;
                break;
            }
        }
        List<Frame> frames = new ArrayList<>();
        for (int i = start; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("Thread ")) {
                break;
            }
            var m = FRAME.matcher(l);
            if (!m.matches()) {
                continue;
            }
            int index = Integer.parseInt(m.group(1));
            if (index == 0) {
                frames.clear(); // without a "Thread" line, gdb's crash-site line precedes the full stack
            }
            var at = AT.matcher(l);
            frames.add(new Frame(index, m.group(2), at.find() ? at.group(1) : null));
        }
        return new GdbBacktrace(signal, frames);
    }

    /** The top frames on one line each, for reports. */
    public String summary(int maxFrames) {
        StringBuilder s = new StringBuilder(signal == null ? "backtrace" : signal);
        frames.stream().limit(maxFrames).forEach(f -> s.append("\n  ").append(f));
        return s.toString();
    }
}
