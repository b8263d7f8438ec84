package net.mlcng.daemon;

import java.util.List;

/**
 * The daemon's own view of the mesh: the nodes it knows (by the address or name it reports),
 * its direct neighbours, and (bmx7) how many of the known nodes it has resolved.
 */
public record DaemonView(List<String> knownNodes, List<String> neighbours) {
    public DaemonView {
        knownNodes = List.copyOf(knownNodes);
        neighbours = List.copyOf(neighbours);
    }

    /** Alive but alone: the daemon sees no neighbour. */
    public boolean isolated() {
        return neighbours.isEmpty();
    }
}
