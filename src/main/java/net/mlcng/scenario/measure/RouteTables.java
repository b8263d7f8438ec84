package net.mlcng.scenario.measure;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A node's forwarding routes rebuilt by replaying its route events in order; routes are keyed by
 * table and destination, so a replace overwrites and a delete removes.
 */
final class RouteTables {
    private final Map<String, RouteEvent> routes = new HashMap<>();

    void apply(RouteEvent e) {
        if (!e.isForwarding() || e.destination().equals("default")) return;
        String key = e.table() + " " + e.destination();
        if (e.deleted()) routes.remove(key);
        else routes.put(key, e);
    }

    boolean reaches(String address) {
        for (RouteEvent r : routes.values()) {
            if (Prefixes.covers(r.destination(), address)) return true;
        }
        return false;
    }

    boolean reachesAll(Collection<String> addresses) {
        for (String a : addresses) if (!reaches(a)) return false;
        return true;
    }

    int size() {
        return routes.size();
    }
}
