package net.mlcng.daemon;

import java.time.Duration;
import java.util.List;

/** Runs commands inside one node; how (docker exec, nsenter) is the lab's business, not a driver's. */
public interface NodeExec {
    /** The node's name in the topology. */
    String node();

    ExecResult exec(List<String> command, Duration timeout);

    /** Result of a command run in a node. */
    record ExecResult(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }
}
