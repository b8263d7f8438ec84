package net.mlcng.topology.export;

import java.util.HashMap;
import java.util.Map;
import net.mlcng.topology.Link;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Topology;

/** A Mermaid flowchart for Markdown docs: links as solid edges, medium pairs dotted. */
public final class MermaidExporter {
    private MermaidExporter() {}

    public static String export(Topology t) {
        StringBuilder out = new StringBuilder("graph LR\n");
        // Node names are [a-z0-9-]; Mermaid ids cannot start with some words, so ids are indexed.
        Map<String, String> ids = new HashMap<>();
        int i = 0;
        for (String n : t.nodes().keySet()) {
            String id = "v" + i++;
            ids.put(n, id);
            out.append("  ").append(id).append("((").append(n).append("))\n");
        }
        for (Link l : t.links()) {
            edge(out, ids.get(l.a()), ids.get(l.b()), "---", LinkLabels.of(l.aToB(), l.bToA()));
        }
        for (Medium m : t.media()) {
            for (MediumPair p : m.pairs()) {
                String label = LinkLabels.of(p.aToB(), p.bToA());
                edge(out, ids.get(p.a()), ids.get(p.b()), "-.-", m.name() + (label.isEmpty() ? "" : " " + label));
            }
        }
        return out.toString();
    }

    private static void edge(StringBuilder out, String a, String b, String arrow, String label) {
        out.append("  ").append(a).append(' ').append(arrow);
        if (!label.isEmpty()) out.append("|\"").append(label.replace("\"", "#quot;")).append("\"|");
        out.append(' ').append(b).append('\n');
    }
}
