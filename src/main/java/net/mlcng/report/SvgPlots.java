package net.mlcng.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small inline-SVG charts for the report, drawn here so the page needs no script or library:
 * step lines (nodes with a full table over time), a histogram with median/p95 markers, and a
 * timeline of ping replies around an outage.
 */
public final class SvgPlots {
    static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf"};
    private static final int W = 720;
    private static final int H = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;
    /** A column right of the plot area for the step charts' legend, so it never covers a line. */
    private static final int LEGEND_W = 170;
    /** Two rows above a histogram's bars for the marker labels, so equal or close markers stack instead of overprinting. */
    private static final int MARKER_ROWS = 2;
    private static final int MARKER_ROW_H = 14;

    private SvgPlots() {}

    /** One line of a step chart: (x, y) points, y held until the next point. */
    public record Series(String label, List<double[]> points) {}

    /** A step chart; the last value of each series is held until {@code xMax}. */
    public static String steps(String title, String xLabel, String yLabel, List<Series> series, double xMax, double yMax) {
        Frame f = new Frame(title, xLabel, yLabel, 0, niceCeil(xMax), 0, Math.max(1, yMax), W + LEGEND_W, H, LEFT, TOP);
        StringBuilder s = f.open();
        for (int i = 0; i < series.size(); i++) {
            Series ser = series.get(i);
            StringBuilder path = new StringBuilder();
            double lastY = 0;
            for (int j = 0; j < ser.points().size(); j++) {
                double[] p = ser.points().get(j);
                if (j == 0) path.append("M").append(f.x(p[0])).append(',').append(f.y(p[1]));
                else path.append(" H").append(f.x(p[0])).append(" V").append(f.y(p[1]));
                lastY = p[1];
            }
            if (!ser.points().isEmpty()) path.append(" H").append(f.x(f.xMax));
            s.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" opacity=\"0.85\"><title>%s</title></path>%n",
                    path, color(i), esc(ser.label() + ": " + fmt(lastY) + " at end")));
        }
        legend(s, series.stream().map(Series::label).toList());
        return s.append("</svg>\n").toString();
    }

    /** A histogram of values with median and p95 marked; bins chosen by the square-root rule. */
    public static String histogram(String title, String xLabel, List<Double> values, double median, double p95) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double lo = Math.min(0, min);
        double hi = niceCeil(max == lo ? lo + 1 : max);
        int bins = Math.max(1, Math.min(30, (int) Math.ceil(Math.sqrt(values.size()))));
        int[] counts = new int[bins];
        for (double v : values) counts[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
        int top = 0;
        for (int c : counts) top = Math.max(top, c);
        int markerTop = TOP + MARKER_ROWS * MARKER_ROW_H;
        Frame f = new Frame(title, xLabel, "count", lo, hi, 0, top, W, H + markerTop - TOP, LEFT, markerTop);
        StringBuilder s = f.open();
        double bw = (hi - lo) / bins;
        for (int i = 0; i < bins; i++) {
            if (counts[i] == 0) continue;
            double x0 = f.x(lo + i * bw);
            double x1 = f.x(lo + (i + 1) * bw);
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" opacity=\"0.8\"><title>%s</title></rect>%n",
                    x0 + 1, f.y(counts[i]), Math.max(1, x1 - x0 - 2), f.y(0) - f.y(counts[i]), PALETTE[0],
                    esc(counts[i] + " in [" + fmt(lo + i * bw) + ", " + fmt(lo + (i + 1) * bw) + ")")));
        }
        List<double[]> placed = new ArrayList<>();
        marker(s, f, median, "median " + fmt(median), "#2ca02c", placed);
        marker(s, f, p95, "p95 " + fmt(p95), "#d62728", placed);
        return s.append("</svg>\n").toString();
    }

    /** One ping across a failure for {@link #outages}; seconds since the ping started. */
    public record OutageRow(String label, List<Double> replies, Double event, double outageStart, double outageEnd) {}

    /** Rows of reply ticks; the outage window is shaded and the failure instant dashed. */
    public static String outages(String title, List<OutageRow> rows) {
        double xMax = 1;
        for (OutageRow r : rows) for (double t : r.replies()) xMax = Math.max(xMax, t);
        int rowH = 28;
        int height = TOP + BOTTOM + Math.max(1, rows.size()) * rowH;
        int left = 140;
        Frame f = new Frame(title, "seconds since the ping started", "", 0, niceCeil(xMax), 0, 1, W, height, left, TOP);
        StringBuilder s = f.open();
        for (int i = 0; i < rows.size(); i++) {
            OutageRow r = rows.get(i);
            double y0 = TOP + i * rowH + 4;
            s.append(text(left - 4, y0 + rowH / 2.0, 11, "text-anchor=\"end\"", left - 8, r.label())).append('\n');
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"#d62728\" opacity=\"0.25\"><title>%s</title></rect>%n",
                    f.x(r.outageStart()), y0, Math.max(1, f.x(r.outageEnd()) - f.x(r.outageStart())), rowH - 8,
                    esc("outage " + fmt(r.outageEnd() - r.outageStart()) + " s")));
            StringBuilder ticks = new StringBuilder();
            for (double t : r.replies()) ticks.append(String.format(Locale.ROOT, "M%.1f,%.1fV%.1f", f.x(t), y0 + 2, y0 + rowH - 10));
            s.append("<path d=\"").append(ticks).append("\" stroke=\"").append(PALETTE[0]).append("\" stroke-width=\"1\"/>\n");
            if (r.event() != null) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" stroke-dasharray=\"4 3\"><title>failure step</title></line>%n",
                        f.x(r.event()), f.x(r.event()), y0 - 2, y0 + rowH - 6));
            }
        }
        return s.append("</svg>\n").toString();
    }

    /**
     * A dashed line at {@code v} over the plot area, its label in the first row above the plot
     * area where it clears the labels already {@code placed} (row, x from, x to). The line stops
     * at the plot area so it cannot cross another marker's label.
     */
    private static void marker(StringBuilder s, Frame f, double v, String label, String color, List<double[]> placed) {
        double x = f.x(v);
        double width = textWidth(label, 11, false);
        // Right of the line, or left of it where the label would leave the image.
        boolean leftOf = x + 4 + width > f.width;
        double x0 = leftOf ? x - 4 - width : x + 4;
        int row = 0;
        while (row < MARKER_ROWS - 1 && overlapsRow(placed, row, x0, x0 + width)) row++;
        placed.add(new double[] {row, x0, x0 + width});
        double baseline = TOP + (row + 1) * MARKER_ROW_H - 3;
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>%n",
                x, x, f.top, f.y(0), color));
        s.append(text(leftOf ? x - 4 : x + 4, baseline, 11, "fill=\"" + color + "\"" + (leftOf ? " text-anchor=\"end\"" : ""), width, label)).append('\n');
    }

    private static boolean overlapsRow(List<double[]> placed, int row, double x0, double x1) {
        for (double[] p : placed) if (p[0] == row && x0 < p[2] + 4 && p[1] < x1 + 4) return true;
        return false;
    }

    /** Up to ten entries in the column right of the plot area, each label cut to the column's width. */
    private static void legend(StringBuilder s, List<String> labels) {
        int shown = Math.min(labels.size(), 10);
        int swatchX = W;
        int textX = swatchX + 16;
        double room = W + LEGEND_W - textX - 4;
        for (int i = 0; i < shown; i++) {
            int y = TOP + 8 + i * 16;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>", swatchX, y, color(i)))
                    .append(text(textX, y + 4, 11, "", room, labels.get(i))).append('\n');
        }
        if (labels.size() > shown) {
            s.append(text(textX, TOP + 12 + shown * 16, 11, "", room, "+" + (labels.size() - shown) + " more")).append('\n');
        }
    }

    /**
     * Estimated advance of a glyph in em, rounded up from DejaVu Sans (the sans-serif Chromium
     * uses on Debian), so that text fitted with it stays inside its box. The page has no script
     * to measure text, hence the estimate.
     */
    private static double em(int codePoint, boolean bold) {
        double em;
        if (" .,:;'|!ijl()[]/".indexOf(codePoint) >= 0) em = 0.42;
        else if ("frt-".indexOf(codePoint) >= 0) em = 0.45;
        else if ("mwMW%@#&+<=>^~\u2026".indexOf(codePoint) >= 0) em = 1.0;
        else if (Character.isUpperCase(codePoint)) em = 0.8;
        else em = 0.65;
        return bold ? em * 1.12 : em;
    }

    /** Estimated width in pixels of {@code text} at {@code fontSize}; errs wide. */
    private static double textWidth(String text, int fontSize, boolean bold) {
        return text.codePoints().mapToDouble(c -> em(c, bold) * fontSize).sum();
    }

    /** {@code text}, or as much of it as fits in {@code maxWidth} estimated pixels with an ellipsis. */
    private static String fit(String text, int fontSize, boolean bold, double maxWidth) {
        if (textWidth(text, fontSize, bold) <= maxWidth) return text;
        double room = maxWidth - em('\u2026', bold) * fontSize;
        int end = 0;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            room -= em(text.codePointAt(end), bold) * fontSize;
            if (room < 0) break;
            end = next;
        }
        return text.substring(0, end) + "\u2026";
    }

    /** A text element cut to {@code maxWidth}; a cut one carries the full text as its tooltip. */
    private static String text(double x, double y, int fontSize, String attributes, double maxWidth, String text) {
        String shown = fit(text, fontSize, attributes.contains("font-weight=\"bold\""), maxWidth);
        String tooltip = shown.equals(text) ? "" : "<title>" + esc(text) + "</title>";
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s>%s%s</text>", x, y, fontSize,
                attributes.isEmpty() ? "" : " " + attributes, esc(shown), tooltip);
    }

    private static String color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above v (axis ends on a round number). */
    static double niceCeil(double v) {
        if (v <= 0) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= v - 1e-12) return m * p;
        return 10 * p;
    }

    static List<Double> ticks(double lo, double hi) {
        double step = niceCeil((hi - lo) / 6);
        List<Double> t = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) t.add(v);
        return t;
    }

    static String fmt(double v) {
        return net.mlcng.scenario.measure.Summary.format(v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Axes, ticks and labels of one chart, and the mapping from data to pixels. The plot area spans
     * x from {@code left} to {@code W - RIGHT} and y from {@code top} to {@code height - BOTTOM};
     * an image wider than {@code W} leaves the rest for a legend.
     */
    private static final class Frame {
        final String title;
        final String xLabel;
        final String yLabel;
        final double xMin;
        final double xMax;
        final double yMin;
        final double yMax;
        final int width;
        final int height;
        final int left;
        final int top;

        Frame(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax, int width, int height, int left, int top) {
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
            this.xMin = xMin;
            this.xMax = xMax;
            this.yMin = yMin;
            this.yMax = yMax;
            this.width = width;
            this.height = height;
            this.left = left;
            this.top = top;
        }

        double x(double v) {
            return left + (v - xMin) / (xMax - xMin) * (W - left - RIGHT);
        }

        double y(double v) {
            return height - BOTTOM - (v - yMin) / (yMax - yMin) * (height - top - BOTTOM);
        }

        StringBuilder open() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"%d\" height=\"%d\" "
                    + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", width, height, width, height));
            s.append(text(left, 18, 14, "font-weight=\"bold\"", width - left - 4, title)).append('\n');
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>%n", left, W - RIGHT, y(yMin), y(yMin)));
            for (double t : ticks(xMin, xMax)) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                        x(t), x(t), top, y(yMin), x(t), y(yMin) + 15, fmt(t)));
            }
            s.append(text((left + W - RIGHT) / 2.0, height - 8, 12, "text-anchor=\"middle\"", W - RIGHT - left, xLabel)).append('\n');
            if (!yLabel.isEmpty()) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>%n", left, left, top, y(yMin)));
                for (double t : ticks(yMin, yMax)) {
                    if (t != Math.rint(t) && yMax > 3) continue;
                    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                            left, W - RIGHT, y(t), y(t), left - 6, y(t) + 4, fmt(t)));
                }
                double middle = (top + y(yMin)) / 2;
                s.append(text(14, middle, 12, String.format(Locale.ROOT, "text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\"", middle),
                        y(yMin) - top, yLabel)).append('\n');
            }
            return s;
        }
    }
}
