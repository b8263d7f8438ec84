package net.mlcng.daemon;

import java.util.List;

/**
 * What a driver needs to start its daemon in one node: the node's mesh interfaces (veths and
 * shared-medium interfaces, in topology order), the stable address mlc-ng put on the node's
 * loopback (IPv6 ULA, without prefix length), and the topology's extra daemon arguments.
 * {@code stateDir} is a directory inside the node that survives daemon restarts (keys, logs, cores).
 */
public record DaemonConfig(String node, List<String> meshInterfaces, String loopbackAddress, List<String> extraArgs, String stateDir) {
    public DaemonConfig {
        meshInterfaces = List.copyOf(meshInterfaces);
        extraArgs = List.copyOf(extraArgs);
    }
}
