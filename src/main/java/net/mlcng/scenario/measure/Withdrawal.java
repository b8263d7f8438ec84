package net.mlcng.scenario.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Route withdrawal: after a node disappeared at {@code from}, the time until no other node holds a
 * forwarding route covering its address. Per node: zero when it had no such route at {@code from},
 * null when the route is still there at the end of the events. Global: the largest, null if any is.
 */
public record Withdrawal(Map<String, Duration> perNode, Duration global) {
    public Withdrawal {
        perNode = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perNode));
    }

    public static Withdrawal compute(Map<String, List<RouteEvent>> events, String goneAddress, Instant from) {
        byte[] gone = Prefixes.bytes(goneAddress);
        Map<String, Duration> perNode = new LinkedHashMap<>();
        events.forEach((node, list) -> {
            List<RouteEvent> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(RouteEvent::at));
            RouteTables t = new RouteTables();
            int i = 0;
            for (; i < sorted.size() && sorted.get(i).at().isBefore(from); i++) t.apply(sorted.get(i));
            Duration withdrawn = t.reaches(gone) ? null : Duration.ZERO;
            for (; withdrawn == null && i < sorted.size(); i++) {
                t.apply(sorted.get(i));
                if (!t.reaches(gone)) withdrawn = Duration.between(from, sorted.get(i).at());
            }
            perNode.put(node, withdrawn);
        });
        Duration global = perNode.values().stream().anyMatch(d -> d == null)
                ? null
                : perNode.values().stream().max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        return new Withdrawal(perNode, global);
    }
}
