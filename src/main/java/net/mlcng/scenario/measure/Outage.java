package net.mlcng.scenario.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Route recovery seen by a ping running across a failure (what the old ana.sh sec_ping_e2e
 * measured): the last reply before the outage, the first reply after it, the time between them and
 * the sequence numbers lost in between. Resolution is the ping interval.
 *
 * <p>The outage is the largest gap between consecutive replies in receive order; with {@code
 * event} given, the gap that contains the event (or the first gap after it) is taken instead, so a
 * later, unrelated hiccup is not reported. A series without loss yields the largest gap with zero
 * lost packets (about one interval).
 */
public record Outage(Instant lastBefore, Instant firstAfter, Duration duration, int lostPackets) {
    /** The outage in the series, or null when it has fewer than two replies (nothing to measure between). */
    public static Outage of(PingSeries series, Instant event) {
        List<PingSeries.Reply> r = new ArrayList<>(series.replies());
        r.sort(Comparator.comparingInt(PingSeries.Reply::seq));
        if (r.size() < 2) return null;
        int best = -1;
        Duration bestGap = Duration.ZERO.minusNanos(1);
        for (int i = 0; i + 1 < r.size(); i++) {
            Duration gap = Duration.between(r.get(i).at(), r.get(i + 1).at());
            boolean lossy = r.get(i + 1).seq() - r.get(i).seq() > 1;
            if (event != null && lossy && !r.get(i + 1).at().isBefore(event)) {
                best = i;
                break;
            }
            if (gap.compareTo(bestGap) > 0) {
                bestGap = gap;
                best = i;
            }
        }
        PingSeries.Reply before = r.get(best);
        PingSeries.Reply after = r.get(best + 1);
        return new Outage(before.at(), after.at(), Duration.between(before.at(), after.at()), after.seq() - before.seq() - 1);
    }
}
