package net.mlcng.scenario.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.mlcng.topology.HopDistances;

/**
 * Path stretch: for every ordered pair with a routed hop count, routed hops divided by the
 * topology's shortest hop distance (1.0 = shortest path). Pairs the topology connects but that have
 * no route are counted in {@code unrouted}, not hidden.
 */
public record Stretch(List<Double> hops, List<Double> stretch, int unrouted) {
    /** @param routedHops per source node, per destination node, the hop count the routing reports */
    public static Stretch compute(Map<String, Map<String, Integer>> routedHops, HopDistances shortest) {
        List<Double> hops = new ArrayList<>();
        List<Double> stretch = new ArrayList<>();
        int unrouted = 0;
        for (String from : shortest.names()) {
            for (String to : shortest.names()) {
                int best = shortest.between(from, to);
                if (from.equals(to) || best == HopDistances.UNREACHABLE) continue;
                Integer routed = routedHops.getOrDefault(from, Map.of()).get(to);
                if (routed == null) {
                    unrouted++;
                    continue;
                }
                hops.add((double) routed);
                stretch.add((double) routed / best);
            }
        }
        return new Stretch(hops, stretch, unrouted);
    }
}
