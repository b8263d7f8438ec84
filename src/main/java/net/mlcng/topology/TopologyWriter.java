package net.mlcng.topology;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a topology as a topology file that {@link TopologyLoader} reads back to an equal model.
 * Hand-formatted rather than dumped through a YAML library so that each node and link is one
 * readable flow-style line and the most common daemon/image move into {@code defaults:}.
 */
public final class TopologyWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern UNIT_VALUE = Pattern.compile("\\d+(\\.\\d+)?(%|bit|kbit|mbit|gbit|s|ms|us)");
    /** Words YAML 1.1 reads as booleans or null; written quoted so they stay text. */
    private static final Pattern YAML_KEYWORD =
            Pattern.compile("(?i)y|n|yes|no|on|off|true|false|null|~");

    private TopologyWriter() {}

    public static String write(Topology t) {
        StringBuilder out = new StringBuilder();
        out.append("name: ").append(scalar(t.name())).append('\n');
        String daemon = mostCommon(t.nodes().values(), Node::daemon, NodeDefaults.DEFAULT_DAEMON);
        String image = mostCommon(t.nodes().values(), Node::image, NodeDefaults.BUILT_IN.image());
        out.append("defaults:\n");
        out.append("  daemon: ").append(scalar(daemon)).append('\n');
        out.append("  image: ").append(scalar(image)).append('\n');

        out.append("nodes:\n");
        for (Node n : t.nodes().values()) {
            List<String> fields = new ArrayList<>();
            if (!n.daemon().equals(daemon)) fields.add("daemon: " + scalar(n.daemon()));
            if (!n.image().equals(image)) fields.add("image: " + scalar(n.image()));
            if (!n.env().isEmpty()) {
                fields.add("env: " + flowMap(n.env().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + ": " + quoted(e.getValue()))
                        .toList()));
            }
            if (!n.daemonArgs().isEmpty()) {
                fields.add("daemon_args: [" + n.daemonArgs().stream().map(TopologyWriter::quoted)
                        .collect(Collectors.joining(", ")) + "]");
            }
            Position p = t.layout().get(n.name());
            if (p != null) fields.add("pos: [" + number(p.x()) + ", " + number(p.y()) + "]");
            out.append("  ").append(scalar(n.name())).append(": ").append(flowMap(fields)).append('\n');
        }

        if (!t.links().isEmpty()) {
            out.append("links:\n");
            for (Link l : t.links()) out.append("  - ").append(pair(l.a(), l.b(), l.aToB(), l.bToA())).append('\n');
        }
        if (!t.media().isEmpty()) {
            out.append("media:\n");
            for (Medium m : t.media()) {
                out.append("  - name: ").append(scalar(m.name())).append('\n');
                out.append("    members: [").append(m.members().stream().map(TopologyWriter::scalar)
                        .collect(Collectors.joining(", "))).append("]\n");
                out.append("    pairs:").append(m.pairs().isEmpty() ? " []\n" : "\n");
                for (MediumPair p : m.pairs()) {
                    out.append("      - ").append(pair(p.a(), p.b(), p.aToB(), p.bToA())).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String pair(String a, String b, LinkProps aToB, LinkProps bToA) {
        List<String> fields = new ArrayList<>(List.of("a: " + scalar(a), "b: " + scalar(b)));
        if (aToB.equals(bToA)) {
            fields.addAll(props(aToB));
        } else {
            if (!aToB.isEmpty()) fields.add("a_to_b: " + flowMap(props(aToB)));
            if (!bToA.isEmpty()) fields.add("b_to_a: " + flowMap(props(bToA)));
        }
        return flowMap(fields);
    }

    private static List<String> props(LinkProps p) {
        List<String> fields = new ArrayList<>();
        if (p.lossPercent() != null) fields.add("loss: " + Units.formatLoss(p.lossPercent()));
        if (p.rateBitsPerSecond() != null) fields.add("rate: " + Units.formatRate(p.rateBitsPerSecond()));
        if (p.delay() != null) fields.add("delay: " + Units.formatDuration(p.delay()));
        if (p.jitter() != null) fields.add("jitter: " + Units.formatDuration(p.jitter()));
        return fields;
    }

    private static String flowMap(List<String> fields) {
        return "{" + String.join(", ", fields) + "}";
    }

    /** The value most nodes share (first seen wins a tie), so that defaults absorb it. */
    private static String mostCommon(Collection<Node> nodes, Function<Node, String> field, String fallback) {
        Map<String, Long> counts = nodes.stream()
                .collect(Collectors.groupingBy(field, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Comparator.comparingLong(Map.Entry::getValue))
                .map(Map.Entry::getKey)
                .orElse(fallback);
    }

    /** Text as a plain YAML scalar when that reads back as the same text, else double-quoted. */
    static String scalar(String s) {
        if ((PLAIN.matcher(s).matches() && !YAML_KEYWORD.matcher(s).matches()) || UNIT_VALUE.matcher(s).matches()) {
            return s;
        }
        return quoted(s);
    }

    /** Double-quoted with JSON escapes, which YAML double-quoted scalars accept. */
    static String quoted(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20) q.append(String.format("\\u%04x", (int) c));
                    else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
