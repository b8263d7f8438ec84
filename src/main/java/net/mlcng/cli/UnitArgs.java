package net.mlcng.cli;

import java.time.Duration;
import net.mlcng.error.UsageException;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Units;

/** Command-line values in the units topology files use; "none" (or 0) removes an impairment. */
final class UnitArgs {
    private UnitArgs() {}

    static Double loss(String option, String text) {
        Double loss = Units.parseLoss(text);
        if (loss == null) throw new UsageException(option + " " + text + ": expected " + Units.LOSS_EXPECTED);
        if (loss < 0 || loss > 100) throw new UsageException(option + " " + text + ": outside 0..100 percent");
        return loss;
    }

    /** A rate, or 0 for "none"/"0" (remove the limit). */
    static Long rate(String option, String text) {
        if (removes(text)) return 0L;
        Long rate = Units.parseRate(text);
        if (rate == null) throw new UsageException(option + " " + text + ": expected " + Units.RATE_EXPECTED + ", or none");
        return rate;
    }

    /** A duration, or zero for "none"/"0" (where the option removes something). */
    static Duration duration(String option, String text, boolean noneAllowed) {
        if (noneAllowed && removes(text)) return Duration.ZERO;
        Duration d = Units.parseDuration(text);
        if (d == null) throw new UsageException(option + " " + text + ": expected " + Units.DURATION_EXPECTED + (noneAllowed ? ", or none" : ""));
        if (!noneAllowed && d.isZero()) throw new UsageException(option + " " + text + ": must be longer than 0");
        return d;
    }

    private static boolean removes(String text) {
        return text.equals("none") || text.equals("0");
    }

    /** "loss 30%, rate 2mbit, delay 5ms, jitter 1ms", or "-" when nothing is set. */
    static String format(LinkProps p) {
        if (p.isEmpty()) return "-";
        StringBuilder s = new StringBuilder();
        if (p.lossPercent() != null) s.append(", loss ").append(Units.formatLoss(p.lossPercent()));
        if (p.rateBitsPerSecond() != null) s.append(", rate ").append(Units.formatRate(p.rateBitsPerSecond()));
        if (p.delay() != null) s.append(", delay ").append(Units.formatDuration(p.delay()));
        if (p.jitter() != null) s.append(", jitter ").append(Units.formatDuration(p.jitter()));
        return s.substring(2);
    }
}
