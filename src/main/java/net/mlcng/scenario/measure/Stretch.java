package net.mlcng.scenario.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Path stretch: for every ordered pair with a routed hop count, routed hops divided by the
 * topology's shortest hop distance (1.0 = shortest path). Pairs without a route are counted in
 * {@code unrouted}, not hidden.
 */
public record Stretch(List<Double> hops, List<Double> stretch, int unrouted) {
    /** @param routedHops per source node, per destination node, the hop count the routing reports */
    public static Stretch compute(Map<String, Map<String, Integer>> routedHops, Map<String, Map<String, Integer>> shortest) {
        List<Double> hops = new ArrayList<>();
        List<Double> stretch = new ArrayList<>();
        int unrouted = 0;
        for (var row : shortest.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                if (cell.getKey().equals(row.getKey())) continue;
                Integer routed = routedHops.getOrDefault(row.getKey(), Map.of()).get(cell.getKey());
                if (routed == null) {
                    unrouted++;
                    continue;
                }
                hops.add((double) routed);
                stretch.add((double) routed / cell.getValue());
            }
        }
        return new Stretch(hops, stretch, unrouted);
    }
}
