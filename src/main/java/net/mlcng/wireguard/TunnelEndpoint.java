package net.mlcng.wireguard;

/**
 * A node that takes part in tunnels and the address its peers reach it at over the routed mesh
 * (bmx7: its primary IP; babeld: its loopback address), so tunnels ride over the mesh.
 */
public record TunnelEndpoint(String node, String meshAddress) {
    public TunnelEndpoint {
        if (node == null || node.isBlank() || meshAddress == null || meshAddress.isBlank()) {
            throw new IllegalArgumentException("a tunnel endpoint needs a node name and a mesh address");
        }
    }

    /** {@code [v6]:port} or {@code v4:port}, as WireGuard's Endpoint wants it. */
    public String socket(int port) {
        return (meshAddress.contains(":") ? "[" + meshAddress + "]" : meshAddress) + ":" + port;
    }
}
