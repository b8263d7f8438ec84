package net.mlcng.scenario.measure;

import java.util.Arrays;
import net.mlcng.util.Plural;

/**
 * How busy the host was, from two reads of {@code /proc/stat}'s aggregate {@code cpu} line and
 * {@code /proc/loadavg}. Saturated means measurements are suspect: the CPUs were busy at least
 * {@link #SATURATED_BUSY} of the time, or the 1-minute load average reached the core count (the
 * old mlc waited for an idle CPU before measuring for this reason).
 */
public record HostLoad(double busyFraction, double loadAverage1, int cores) {
    public static final double SATURATED_BUSY = 0.9;

    public boolean saturated() {
        return busyFraction >= SATURATED_BUSY || loadAverage1 >= cores;
    }

    /** A human warning, or null when the host was not saturated. */
    public String warning() {
        if (!saturated()) return null;
        return String.format(java.util.Locale.ROOT,
                "host saturated during the run (CPU busy %.0f%%, load average %.2f on %s): timings may be inflated",
                busyFraction * 100, loadAverage1, Plural.of(cores, "core"));
    }

    /** From the text of /proc/stat before and after the interval, and /proc/loadavg at its end. */
    public static HostLoad of(String statBefore, String statAfter, String loadavg, int cores) {
        long[] a = cpuLine(statBefore);
        long[] b = cpuLine(statAfter);
        long total = 0;
        long idle = 0;
        for (int i = 0; i < a.length; i++) {
            long d = b[i] - a[i];
            total += d;
            if (i == 3 || i == 4) idle += d; // idle and iowait
        }
        double busy = total <= 0 ? 0 : (double) (total - idle) / total;
        double load = Double.parseDouble(loadavg.strip().split("\\s+")[0]);
        return new HostLoad(busy, load, cores);
    }

    /** user nice system idle iowait irq softirq steal (guest time is already inside user). */
    private static long[] cpuLine(String stat) {
        for (String line : stat.split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                return Arrays.stream(f, 1, Math.min(f.length, 9)).mapToLong(Long::parseLong).toArray();
            }
        }
        throw new IllegalArgumentException("no aggregate cpu line in /proc/stat text");
    }
}
