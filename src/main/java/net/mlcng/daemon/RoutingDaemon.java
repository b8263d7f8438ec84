package net.mlcng.daemon;

import java.util.List;

/**
 * One routing daemon (babeld, bmx7, ...) as mlc-ng drives it inside a node. One implementation per
 * daemon, registered in {@link DaemonRegistry}. Drivers stop their daemon by PID inside the node,
 * never by process name across the host.
 */
public interface RoutingDaemon {
    /** The name topology files use in {@code daemon:}. */
    String name();

    /** Starts the daemon in the node and returns once it runs (or throws OperationFailedException). */
    void start(NodeExec node, DaemonConfig config);

    /** Stops the daemon by its PID (its supervisor's record); does nothing when it does not run. */
    default void stop(NodeExec node, DaemonConfig config) {
        supervisor(config).stop(node);
    }

    /** Whether the daemon runs, or how it ended, from its supervisor's record. */
    default DaemonState state(NodeExec node, DaemonConfig config) {
        return supervisor(config).probe(node);
    }

    /** The address the daemon announces for this node (babeld: the loopback ULA; bmx7: its primary IP). */
    String announcedAddress(NodeExec node, DaemonConfig config);

    /** Routes the daemon installed in the kernel. */
    List<Route> routes(NodeExec node, DaemonConfig config);

    /** The daemon's own view of the graph. */
    DaemonView view(NodeExec node, DaemonConfig config);

    /**
     * The supervisor the daemon runs under (one mechanism for every daemon): its PID, log, how it
     * ended, and its working directory, where a core lands for {@link net.mlcng.daemon.health.CrashCapture}.
     */
    Supervisor supervisor(DaemonConfig config);
}
