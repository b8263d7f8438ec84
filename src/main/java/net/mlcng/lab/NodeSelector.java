package net.mlcng.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.mlcng.error.UsageException;

/**
 * Picks nodes of a lab by a selector: {@code all}, a name, a comma-separated list, or a range
 * {@code n1..n9} (same prefix, numeric suffixes, inclusive; like the old mlc_loop -i -a). Parts
 * combine: {@code n1..n3,gw}.
 */
public final class NodeSelector {
    private static final Pattern RANGE = Pattern.compile("([a-z0-9-]*?)(\\d+)\\.\\.([a-z0-9-]*?)(\\d+)");

    private NodeSelector() {}

    /** The selected nodes in the lab's node order; an unknown name is a usage error. */
    public static List<String> select(String selector, List<String> labNodes) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String part : selector.split(",")) {
            part = part.trim();
            if (part.isEmpty()) continue;
            if (part.equals("all")) {
                wanted.addAll(labNodes);
                continue;
            }
            Matcher m = RANGE.matcher(part);
            if (m.matches()) {
                if (!m.group(1).equals(m.group(3))) {
                    throw new UsageException("range " + part + ": both ends need the same prefix (e.g. n1..n9)");
                }
                int from = Integer.parseInt(m.group(2)), to = Integer.parseInt(m.group(4));
                if (from > to) throw new UsageException("range " + part + " is empty: " + from + " > " + to);
                List<String> range = new ArrayList<>();
                for (int i = from; i <= to; i++) range.add(m.group(1) + i);
                for (String n : range) requireKnown(n, labNodes, part);
                wanted.addAll(range);
                continue;
            }
            requireKnown(part, labNodes, part);
            wanted.add(part);
        }
        if (wanted.isEmpty()) throw new UsageException("no node selected by '" + selector + "'");
        return labNodes.stream().filter(wanted::contains).toList();
    }

    private static void requireKnown(String node, List<String> labNodes, String part) {
        if (!labNodes.contains(node)) {
            throw new UsageException("no node " + node + " in the lab (from '" + part + "'); nodes: " + abbreviate(labNodes));
        }
    }

    private static String abbreviate(List<String> nodes) {
        return nodes.size() <= 12 ? String.join(", ", nodes) : String.join(", ", nodes.subList(0, 12)) + ", ... (" + nodes.size() + ")";
    }
}
