package net.mlcng.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.mlcng.error.OperationFailedException;

/**
 * Reads a node's IPv6 kernel routing table with {@code ip -j -6 route show table N}: the JSON form,
 * so no text layout of iproute2 has to be guessed. A table that does not exist yet (the daemon
 * installed nothing) reads as empty.
 */
public final class KernelRoutes {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private KernelRoutes() {}

    public static List<String> command(int table) {
        return List.of("ip", "-j", "-6", "route", "show", "table", Integer.toString(table));
    }

    public static List<Route> read(NodeExec node, int table) {
        return parse(node.exec(command(table), TIMEOUT), table);
    }

    /** Routes from the command's result; hop counts are unknown to the kernel (null). */
    public static List<Route> parse(NodeExec.ExecResult result, int table) {
        if (!result.ok()) {
            if (result.stderr().contains("FIB table does not exist")) {
                return List.of();
            }
            throw new OperationFailedException("reading routing table " + table + " failed: " + result.stderr().strip());
        }
        JsonNode routes;
        try {
            routes = MAPPER.readTree(result.stdout());
        } catch (JsonProcessingException e) {
            throw new OperationFailedException("ip -j route output for table " + table + " is not JSON: " + e.getOriginalMessage(), e);
        }
        List<Route> out = new ArrayList<>();
        for (JsonNode r : routes) {
            out.add(new Route(prefix(r.path("dst").asText()), text(r, "gateway"), text(r, "dev"), null));
        }
        return List.copyOf(out);
    }

    /** iproute2 prints host routes without a length; the Route record always carries one. */
    private static String prefix(String dst) {
        if (dst.contains("/") || dst.equals("default")) {
            return dst;
        }
        return dst + (dst.contains(":") ? "/128" : "/32");
    }

    private static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null ? null : v.asText();
    }
}
