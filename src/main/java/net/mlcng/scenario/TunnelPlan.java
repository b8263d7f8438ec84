package net.mlcng.scenario;

import java.util.ArrayList;
import java.util.List;
import net.mlcng.scenario.Step.NodePair;
import net.mlcng.scenario.Step.TunnelMode;

/** Which tunnels a wireguard_up step asks for: consecutive pairs, a hub (the first node) to all others, or a full mesh. */
public final class TunnelPlan {
    private TunnelPlan() {}

    public static List<NodePair> pairs(TunnelMode mode, List<String> nodes) {
        List<NodePair> pairs = new ArrayList<>();
        switch (mode) {
            case PAIRS -> {
                for (int i = 0; i + 1 < nodes.size(); i += 2) pairs.add(new NodePair(nodes.get(i), nodes.get(i + 1)));
            }
            case HUB -> {
                for (int i = 1; i < nodes.size(); i++) pairs.add(new NodePair(nodes.get(0), nodes.get(i)));
            }
            case FULL_MESH -> {
                for (int i = 0; i < nodes.size(); i++) {
                    for (int j = i + 1; j < nodes.size(); j++) pairs.add(new NodePair(nodes.get(i), nodes.get(j)));
                }
            }
        }
        return pairs;
    }
}
