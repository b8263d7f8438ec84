package net.mlcng.scenario.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Statistics of a set of raw values. Percentiles use linear interpolation between closest ranks
 * (Hyndman-Fan type 7, numpy's default): for sorted values x[0..n-1], p-quantile position
 * h = (n-1)p, value x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). The median is p = 0.5.
 */
public record Summary(int count, double min, double median, double p95, double max, double mean) {
    /** Summary of the values; null for no values (a metric nobody measured has no statistics). */
    public static Summary of(Collection<Double> values) {
        if (values.isEmpty()) return null;
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double sum = 0;
        for (double v : sorted) sum += v;
        return new Summary(sorted.size(), sorted.get(0), quantile(sorted, 0.5), quantile(sorted, 0.95),
                sorted.get(sorted.size() - 1), sum / sorted.size());
    }

    /** A value for people: whole numbers as such, else four significant digits without trailing zeros (1.6, 0.05). */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    /** Type-7 quantile of already sorted values, p in [0, 1]. */
    public static double quantile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) throw new IllegalArgumentException("quantile of no values");
        if (p < 0 || p > 1) throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        double h = (sorted.size() - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
    }
}
