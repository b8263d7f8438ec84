package net.mlcng.topology.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.mlcng.topology.Link;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Position;
import net.mlcng.topology.Topology;

/**
 * A self-contained SVG drawing. Nodes stand where the topology's layout puts them (generators
 * provide positions); a topology without positions for every node is drawn on a circle. Link
 * impairments show as tooltips, medium pairs are dashed.
 */
public final class SvgExporter {
    /** Pixels per layout unit at most (grid neighbours are 1 unit apart). */
    private static final double MAX_SCALE = 80;
    /** Largest drawing extent in pixels; larger layouts are scaled down. */
    private static final double MAX_EXTENT = 1100;
    private static final double MARGIN = 40;
    private static final double RADIUS = 16;

    private SvgExporter() {}

    public static String export(Topology t) {
        Map<String, Position> at = placed(t);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Position p : at.values()) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        if (at.isEmpty()) minX = minY = maxX = maxY = 0;
        double extent = Math.max(maxX - minX, maxY - minY);
        double scale = extent == 0 ? MAX_SCALE : Math.min(MAX_SCALE, MAX_EXTENT / extent);
        Map<String, double[]> px = new LinkedHashMap<>();
        for (Map.Entry<String, Position> e : at.entrySet()) {
            px.put(e.getKey(), new double[] {
                MARGIN + (e.getValue().x() - minX) * scale, MARGIN + (e.getValue().y() - minY) * scale});
        }
        double width = 2 * MARGIN + (maxX - minX) * scale;
        double height = 2 * MARGIN + (maxY - minY) * scale + 20;

        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\""
                        + " font-family=\"sans-serif\" font-size=\"11\">\n",
                width, height, width, height));
        svg.append("  <title>").append(xml(t.name())).append("</title>\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        int pairs = t.media().stream().mapToInt(m -> m.pairs().size()).sum();
        String summary = t.name() + ": " + count(t.nodes().size(), "node") + ", " + count(t.links().size(), "link")
                + (t.media().isEmpty() ? "" : ", " + count(pairs, "medium pair"));
        svg.append(String.format(Locale.ROOT, "  <text x=\"%.0f\" y=\"%.0f\" fill=\"#555\">%s</text>\n",
                MARGIN / 2, height - 8, xml(summary)));

        svg.append("  <g class=\"links\" stroke=\"#666\" stroke-width=\"1.5\">\n");
        for (Link l : t.links()) {
            String label = LinkLabels.of(l.aToB(), l.bToA());
            line(svg, px.get(l.a()), px.get(l.b()), l.aToB().equals(l.bToA()) ? "" : " stroke=\"#d62728\"",
                    l.a() + " - " + l.b() + (label.isEmpty() ? "" : ": " + label));
        }
        svg.append("  </g>\n");
        if (!t.media().isEmpty()) {
            svg.append("  <g class=\"media\" stroke=\"#1f77b4\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\">\n");
            for (Medium m : t.media()) {
                for (MediumPair p : m.pairs()) {
                    String label = LinkLabels.of(p.aToB(), p.bToA());
                    line(svg, px.get(p.a()), px.get(p.b()), "",
                            m.name() + ": " + p.a() + " - " + p.b() + (label.isEmpty() ? "" : ": " + label));
                }
            }
            svg.append("  </g>\n");
        }
        svg.append("  <g class=\"nodes\">\n");
        for (Map.Entry<String, double[]> e : px.entrySet()) {
            double[] p = e.getValue();
            svg.append(String.format(Locale.ROOT,
                    "    <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.0f\" fill=\"#f4f4f4\" stroke=\"#333\"/>\n", p[0], p[1], RADIUS));
            svg.append(String.format(Locale.ROOT,
                    "    <text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" dominant-baseline=\"central\">%s</text>\n",
                    p[0], p[1], xml(e.getKey())));
        }
        svg.append("  </g>\n</svg>\n");
        return svg.toString();
    }

    /** The topology's own positions when it has one for every node, else a circle. */
    private static Map<String, Position> placed(Topology t) {
        if (t.layout().keySet().containsAll(t.nodes().keySet())) return t.layout();
        Map<String, Position> circle = new LinkedHashMap<>();
        List<String> names = List.copyOf(t.nodes().keySet());
        double radius = Math.max(1, names.size() / (2 * Math.PI) * 1.2);
        for (int i = 0; i < names.size(); i++) {
            double angle = 2 * Math.PI * i / names.size() - Math.PI / 2;
            circle.put(names.get(i), new Position(radius * Math.cos(angle), radius * Math.sin(angle)));
        }
        return circle;
    }

    private static void line(StringBuilder svg, double[] a, double[] b, String extra, String title) {
        svg.append(String.format(Locale.ROOT, "    <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"%s><title>%s</title></line>\n",
                a[0], a[1], b[0], b[1], extra, xml(title)));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
