package net.mlcng.daemon.health;

import java.util.List;

/**
 * Where a crashed daemon's core file lands, from the kernel's {@code core_pattern} (host-wide, not
 * namespaced: mlc-ng reads it, never changes it) and {@code core_uses_pid}. A relative pattern is
 * relative to the daemon's working directory, which the {@link net.mlcng.daemon.Supervisor} sets to
 * the daemon's state directory; a pattern starting with {@code |} hands cores to a host program,
 * out of mlc-ng's reach.
 */
public final class CoreFiles {
    public static final String CORE_PATTERN_FILE = "/proc/sys/kernel/core_pattern";
    public static final String CORE_USES_PID_FILE = "/proc/sys/kernel/core_uses_pid";
    /** The kernel truncates a process's comm ({@code %e}) to 15 characters. */
    private static final int COMM_LENGTH = 15;

    private CoreFiles() {}

    /** Where to look; exactly one of {@code glob} and {@code pipeProgram} is set. */
    public record Location(String glob, String pipeProgram) {
        public boolean capturable() {
            return glob != null;
        }

        /**
         * Lists matching cores in the node, newest first, that are newer than {@code startMarker}
         * (the supervisor's pid file, written at launch): a core left by an earlier run never
         * passes for this one's.
         */
        public List<String> findCommand(String startMarker) {
            if (glob == null) {
                throw new IllegalStateException("cores go to " + pipeProgram + " on the host, not into the node");
            }
            // $1 unquoted on purpose: the shell expands the glob.
            return List.of("sh", "-c", "ls -1t -- $1 2>/dev/null | while read -r f; do [ \"$f\" -nt \"$2\" ] && echo \"$f\"; done; exit 0",
                    "sh", glob, startMarker);
        }
    }

    /**
     * The glob that matches the core of process {@code pid} (comm {@code comm}, killed by signal
     * {@code signal}) run in {@code workDir}. Pattern fields whose values mlc-ng cannot know (time,
     * host PID, thread id, ...) become {@code *}.
     */
    public static Location locate(String corePattern, boolean coreUsesPid, String workDir, int pid, String comm, int signal) {
        String pattern = corePattern.strip();
        if (pattern.startsWith("|")) {
            return new Location(null, pattern.substring(1).strip().split("\\s+")[0]);
        }
        StringBuilder glob = new StringBuilder();
        boolean hasPid = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                glob.append(c);
                continue;
            }
            char spec = pattern.charAt(++i);
            switch (spec) {
                case '%' -> glob.append('%');
                case 'p' -> {
                    glob.append(pid);
                    hasPid = true;
                }
                case 'e' -> glob.append(comm.length() > COMM_LENGTH ? comm.substring(0, COMM_LENGTH) : comm);
                case 's' -> glob.append(signal);
                default -> glob.append('*');
            }
        }
        // core_uses_pid=1 makes the kernel append ".PID" when the pattern has no %p.
        if (coreUsesPid && !hasPid) {
            glob.append('.').append(pid);
        }
        String path = glob.charAt(0) == '/' ? glob.toString() : workDir + "/" + glob;
        return new Location(path, null);
    }

    /** The file name a captured core gets in the run's output, unique per node, daemon and process. */
    public static String capturedName(String node, String daemon, int pid) {
        return "core." + node + "." + daemon + "." + pid;
    }
}
