package net.mlcng.scenario.measure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's forwarding routes rebuilt by replaying its route events in order; routes are keyed by
 * table and destination, so a replace overwrites and a delete removes.
 */
final class RouteTables {
    private final Map<String, Prefixes.Prefix> routes = new HashMap<>();

    void apply(RouteEvent e) {
        if (!e.isForwarding() || e.destination().equals("default")) return;
        String key = e.table() + " " + e.destination();
        if (e.deleted()) routes.remove(key);
        else routes.computeIfAbsent(key, k -> Prefixes.Prefix.parse(e.destination()));
    }

    boolean reaches(byte[] address) {
        for (Prefixes.Prefix p : routes.values()) {
            if (p.covers(address)) return true;
        }
        return false;
    }

    boolean reachesAll(List<byte[]> addresses) {
        for (byte[] a : addresses) if (!reaches(a)) return false;
        return true;
    }
}
