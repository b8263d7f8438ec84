package net.mlcng.daemon;

import java.util.List;

/**
 * The daemon's own view of the mesh: the nodes it knows (by the address or name it reports),
 * its direct neighbours, and (bmx7) how many of the known nodes it has resolved; null for daemons
 * without that distinction.
 */
public record DaemonView(List<String> knownNodes, List<String> neighbours, Integer resolvedNodes) {
    public DaemonView {
        knownNodes = List.copyOf(knownNodes);
        neighbours = List.copyOf(neighbours);
    }

    public DaemonView(List<String> knownNodes, List<String> neighbours) {
        this(knownNodes, neighbours, null);
    }

    /** Alive but alone: the daemon sees no neighbour. */
    public boolean isolated() {
        return neighbours.isEmpty();
    }
}
