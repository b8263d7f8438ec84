package net.mlcng.scenario.measure;

import java.time.Instant;

/**
 * One route change seen by {@code ip monitor route} in a node: added/replaced or deleted, with the
 * kernel's timestamp. {@code table} is "main" unless the line names one; {@code type} is the route
 * type ("unicast" unless given, e.g. "local", "multicast", "unreachable").
 */
public record RouteEvent(String node, Instant at, boolean deleted, String destination, String table, String proto, String type) {
    /** A route that forwards to another node, as opposed to the kernel's own local/connected entries. */
    public boolean isForwarding() {
        return type.equals("unicast") && !table.equals("local") && !"kernel".equals(proto);
    }
}
