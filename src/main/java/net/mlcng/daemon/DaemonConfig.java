package net.mlcng.daemon;

import java.nio.file.Path;
import java.util.List;

/**
 * What a driver needs to start its daemon in one node: the node's mesh interfaces (veths and
 * shared-medium interfaces, in topology order), the stable address mlc-ng put on the node's
 * loopback (IPv6 ULA, without prefix length), and the topology's extra daemon arguments.
 * {@code stateDir} is a directory inside the node that survives daemon restarts (keys, logs, cores).
 * {@code identityDir} is a directory on the host where the lab keeps this node's daemon identity
 * (e.g. bmx7's key) across redeploys, see {@link NodeIdentity}; null when the lab keeps none.
 */
public record DaemonConfig(
        String node, List<String> meshInterfaces, String loopbackAddress, List<String> extraArgs, String stateDir, Path identityDir) {
    public DaemonConfig {
        meshInterfaces = List.copyOf(meshInterfaces);
        extraArgs = List.copyOf(extraArgs);
    }

    /** A configuration without kept identity: the daemon makes a new one on each deploy. */
    public DaemonConfig(String node, List<String> meshInterfaces, String loopbackAddress, List<String> extraArgs, String stateDir) {
        this(node, meshInterfaces, loopbackAddress, extraArgs, stateDir, null);
    }
}
