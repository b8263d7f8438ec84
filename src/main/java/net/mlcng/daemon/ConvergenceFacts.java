package net.mlcng.daemon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one node's daemon knows, in the terms scenarios compare with the topology: which of the
 * other nodes' addresses it has a route to (with the hop count when the daemon reports one), which
 * it lacks, and how many nodes its own view holds.
 */
public record ConvergenceFacts(String node, Map<String, Integer> hopsByAddress, List<String> missing, int knownNodes, Integer resolvedNodes) {
    public ConvergenceFacts {
        hopsByAddress = Collections.unmodifiableMap(new LinkedHashMap<>(hopsByAddress));
        missing = List.copyOf(missing);
    }

    /**
     * Facts for {@code node} from its routes and view, measured against the addresses of all other
     * nodes. A route counts for an address when its destination is that address as a host route
     * ({@code /128}, {@code /32}) or written without a length. Hop counts may be null (babeld).
     */
    public static ConvergenceFacts of(String node, List<Route> routes, DaemonView view, Collection<String> otherAddresses) {
        Map<String, Integer> hops = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String address : otherAddresses) {
            var route = routes.stream().filter(r -> hostAddress(r.destination()).equals(address)).findFirst();
            if (route.isPresent()) {
                hops.put(address, route.get().hops());
            } else {
                missing.add(address);
            }
        }
        return new ConvergenceFacts(node, hops, missing, view.knownNodes().size(), view.resolvedNodes());
    }

    /** "Has a route to every other node's address". */
    public boolean routesToAll() {
        return missing.isEmpty();
    }

    /** A destination whose hop count differs from the topology's (actual null: the daemon gives none). */
    public record HopMismatch(String address, int expected, Integer actual) {}

    /**
     * Destinations (by address) whose routed hop count differs from {@code expectedHops}, e.g. the
     * topology's hop distances from this node; destinations without a route are in {@link #missing()}.
     */
    public List<HopMismatch> hopMismatches(Map<String, Integer> expectedHops) {
        List<HopMismatch> out = new ArrayList<>();
        expectedHops.forEach((address, expected) -> {
            if (hopsByAddress.containsKey(address) && !Integer.valueOf(expected).equals(hopsByAddress.get(address))) {
                out.add(new HopMismatch(address, expected, hopsByAddress.get(address)));
            }
        });
        return List.copyOf(out);
    }

    private static String hostAddress(String destination) {
        return destination.replaceFirst("/(128|32)$", "");
    }
}
