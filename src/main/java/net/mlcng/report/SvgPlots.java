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

    private SvgPlots() {}

    /** One line of a step chart: (x, y) points, y held until the next point. */
    public record Series(String label, List<double[]> points) {}

    /** A step chart; the last value of each series is held until {@code xMax}. */
    public static String steps(String title, String xLabel, String yLabel, List<Series> series, double xMax, double yMax) {
        Frame f = new Frame(title, xLabel, yLabel, 0, niceCeil(xMax), 0, Math.max(1, yMax));
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
        Frame f = new Frame(title, xLabel, "count", lo, hi, 0, top);
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
        marker(s, f, median, "median " + fmt(median), "#2ca02c");
        marker(s, f, p95, "p95 " + fmt(p95), "#d62728");
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
        Frame f = new Frame(title, "seconds since the ping started", "", 0, niceCeil(xMax), 0, 1, height, 140);
        StringBuilder s = f.open();
        for (int i = 0; i < rows.size(); i++) {
            OutageRow r = rows.get(i);
            double y0 = TOP + i * rowH + 4;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s</text>%n",
                    136, y0 + rowH / 2.0, esc(r.label())));
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

    private static void marker(StringBuilder s, Frame f, double v, String label, String color) {
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>%n",
                f.x(v), f.x(v), TOP, f.y(0), color));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>%n", f.x(v) + 4, TOP + 12, color, esc(label)));
    }

    private static void legend(StringBuilder s, List<String> labels) {
        int shown = Math.min(labels.size(), 10);
        for (int i = 0; i < shown; i++) {
            int y = TOP + 8 + i * 16;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n", W - RIGHT - 120, y, color(i), W - RIGHT - 104, y + 4, esc(labels.get(i))));
        }
        if (labels.size() > shown) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">+%d more</text>%n", W - RIGHT - 104, TOP + 12 + shown * 16, labels.size() - shown));
        }
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

    /** Axes, ticks and labels of one chart, and the mapping from data to pixels. */
    private static final class Frame {
        final String title;
        final String xLabel;
        final String yLabel;
        final double xMin;
        final double xMax;
        final double yMin;
        final double yMax;
        final int height;
        final int left;

        Frame(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax) {
            this(title, xLabel, yLabel, xMin, xMax, yMin, yMax, H, LEFT);
        }

        Frame(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax, int height, int left) {
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
            this.xMin = xMin;
            this.xMax = xMax;
            this.yMin = yMin;
            this.yMax = yMax;
            this.height = height;
            this.left = left;
        }

        double x(double v) {
            return left + (v - xMin) / (xMax - xMin) * (W - left - RIGHT);
        }

        double y(double v) {
            return height - BOTTOM - (v - yMin) / (yMax - yMin) * (height - TOP - BOTTOM);
        }

        StringBuilder open() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"%d\" height=\"%d\" "
                    + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", W, height, W, height));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", left, esc(title)));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>%n", left, W - RIGHT, y(yMin), y(yMin)));
            for (double t : ticks(xMin, xMax)) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                        x(t), x(t), TOP, y(yMin), x(t), y(yMin) + 15, fmt(t)));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>%n",
                    (left + W - RIGHT) / 2.0, height - 8, esc(xLabel)));
            if (!yLabel.isEmpty()) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>%n", left, left, TOP, y(yMin)));
                for (double t : ticks(yMin, yMax)) {
                    if (t != Math.rint(t) && yMax > 3) continue;
                    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                            left, W - RIGHT, y(t), y(t), left - 6, y(t) + 4, fmt(t)));
                }
                s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>%n",
                        (TOP + y(yMin)) / 2, (TOP + y(yMin)) / 2, esc(yLabel)));
            }
            return s;
        }
    }
}
