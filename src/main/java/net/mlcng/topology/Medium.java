package net.mlcng.topology;

import java.util.List;

/**
 * A wireless-like shared segment: every member has one interface on it, and only the listed pairs
 * hear each other (everything else is dropped), like the old mlc's bridge with per-pair filters.
 */
public record Medium(String name, List<String> members, List<MediumPair> pairs) {
    public Medium {
        members = List.copyOf(members);
        pairs = List.copyOf(pairs);
    }
}
