package net.mlcng.scenario.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Control-plane convergence from timestamped route events. A node's table is <em>full</em> when,
 * for every other node's address, it holds a forwarding route (not local, not kernel-connected,
 * not default) whose prefix covers that address. Per node: time from {@code from} until its table
 * first becomes full (zero when already full at {@code from}; null when never). Global: the
 * largest per-node time, null when any node never got full. Resolution: the kernel's event
 * timestamps (microseconds); the clocks compared are the host's, shared by all containers.
 *
 * @param timeline nodes with a full table over time: (seconds since from, count), one point per change
 * @param reachedAtEnd per node, how many of the other nodes' addresses its table covers after the last event
 */
public record Convergence(Map<String, Duration> perNode, Duration global, List<TimelinePoint> timeline, Map<String, Integer> reachedAtEnd) {
    public Convergence {
        perNode = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perNode));
        reachedAtEnd = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reachedAtEnd));
        timeline = List.copyOf(timeline);
    }

    public record TimelinePoint(double seconds, int nodesFull) {}

    /**
     * @param events every node's route events (from before {@code from} too: they give the table's state at {@code from})
     * @param addresses each node's own address, the destinations every other node must reach
     */
    public static Convergence compute(Map<String, List<RouteEvent>> events, Map<String, String> addresses, Instant from) {
        Map<String, RouteTables> tables = new LinkedHashMap<>();
        Map<String, List<byte[]>> expected = new LinkedHashMap<>();
        for (String node : addresses.keySet()) {
            tables.put(node, new RouteTables());
            expected.put(node, addresses.entrySet().stream().filter(e -> !e.getKey().equals(node))
                    .map(e -> Prefixes.bytes(e.getValue())).toList());
        }
        List<RouteEvent> all = new ArrayList<>();
        events.forEach((node, list) -> {
            if (tables.containsKey(node)) all.addAll(list);
        });
        all.sort(Comparator.comparing(RouteEvent::at));

        Map<String, Duration> perNode = new LinkedHashMap<>();
        for (String node : addresses.keySet()) perNode.put(node, null);
        List<TimelinePoint> timeline = new ArrayList<>();
        int i = 0;
        for (; i < all.size() && all.get(i).at().isBefore(from); i++) tables.get(all.get(i).node()).apply(all.get(i));
        int full = 0;
        for (String node : tables.keySet()) {
            if (tables.get(node).reachesAll(expected.get(node))) {
                perNode.put(node, Duration.ZERO);
                full++;
            }
        }
        timeline.add(new TimelinePoint(0, full));
        for (; i < all.size(); i++) {
            RouteEvent e = all.get(i);
            RouteTables t = tables.get(e.node());
            boolean before = t.reachesAll(expected.get(e.node()));
            t.apply(e);
            boolean after = t.reachesAll(expected.get(e.node()));
            if (before == after) continue;
            full += after ? 1 : -1;
            Duration since = Duration.between(from, e.at());
            if (after && perNode.get(e.node()) == null) perNode.put(e.node(), since);
            timeline.add(new TimelinePoint(since.toNanos() / 1e9, full));
        }
        Duration global = perNode.values().stream().anyMatch(d -> d == null)
                ? null
                : perNode.values().stream().max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        Map<String, Integer> reached = new LinkedHashMap<>();
        tables.forEach((node, t) -> reached.put(node, (int) expected.get(node).stream().filter(t::reaches).count()));
        return new Convergence(perNode, global, timeline, reached);
    }

    /** Nodes whose table never became full. */
    public List<String> unconverged() {
        return perNode.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }
}
