package net.mlcng.topology.export;

import net.mlcng.topology.Link;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Position;
import net.mlcng.topology.Topology;

/** Graphviz DOT: nodes (pinned where the topology has positions), links solid, medium pairs dashed. */
public final class DotExporter {
    private DotExporter() {}

    public static String export(Topology t) {
        StringBuilder out = new StringBuilder();
        out.append("graph ").append(id(t.name())).append(" {\n");
        out.append("  node [shape=circle, fontname=\"sans-serif\"];\n");
        out.append("  edge [fontname=\"sans-serif\", fontsize=9];\n");
        for (String n : t.nodes().keySet()) {
            Position p = t.layout().get(n);
            out.append("  ").append(id(n));
            // neato/fdp honour pos with '!' (pinned); dot ignores it.
            if (p != null) out.append(" [pos=\"").append(p.x()).append(',').append(-p.y()).append("!\"]");
            out.append(";\n");
        }
        for (Link l : t.links()) {
            out.append("  ").append(id(l.a())).append(" -- ").append(id(l.b()));
            String label = LinkLabels.of(l.aToB(), l.bToA());
            if (!label.isEmpty()) out.append(" [label=").append(id(label)).append(']');
            out.append(";\n");
        }
        for (Medium m : t.media()) {
            for (MediumPair p : m.pairs()) {
                String label = LinkLabels.of(p.aToB(), p.bToA());
                out.append("  ").append(id(p.a())).append(" -- ").append(id(p.b()))
                        .append(" [style=dashed, label=").append(id(m.name() + (label.isEmpty() ? "" : " " + label)))
                        .append("];\n");
            }
        }
        return out.append("}\n").toString();
    }

    private static String id(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
