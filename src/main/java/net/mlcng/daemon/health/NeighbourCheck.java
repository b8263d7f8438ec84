package net.mlcng.daemon.health;

import java.util.List;
import net.mlcng.daemon.DaemonView;

/**
 * A running daemon compared with the topology: how many neighbours it should have and which it
 * sees. Isolated means alive and given links, yet alone (seen after some bmx7 starts here).
 */
public record NeighbourCheck(String node, int expected, List<String> seen) {
    public NeighbourCheck {
        seen = List.copyOf(seen);
    }

    public static NeighbourCheck of(String node, DaemonView view, int topologyNeighbours) {
        return new NeighbourCheck(node, topologyNeighbours, view.neighbours());
    }

    public boolean isolated() {
        return expected > 0 && seen.isEmpty();
    }

    /** Sees some but not all of its topology neighbours. */
    public boolean partial() {
        return !seen.isEmpty() && seen.size() < expected;
    }

    public String describe() {
        if (isolated()) {
            return node + " is isolated: its daemon runs but sees none of its " + expected + " neighbours";
        }
        return node + " sees " + seen.size() + " of " + expected + " neighbours" + (seen.isEmpty() ? "" : ": " + String.join(", ", seen));
    }
}
