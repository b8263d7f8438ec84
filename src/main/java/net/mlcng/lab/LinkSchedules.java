package net.mlcng.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Link dynamics as plain event lists (validated here, run by {@link ScheduleRunner}). */
public final class LinkSchedules {
    private LinkSchedules() {}

    /** {@code times} cycles of: down for {@code downFor}, then up for {@code upFor}. Ends up. */
    public static List<LinkEvent> flap(LinkRef link, Duration downFor, Duration upFor, int times) {
        positive(downFor, "flap down time");
        positive(upFor, "flap up time");
        if (times < 1) throw new IllegalArgumentException("flap times must be at least 1, got " + times);
        List<LinkEvent> events = new ArrayList<>();
        Duration cycle = downFor.plus(upFor);
        for (int i = 0; i < times; i++) {
            Duration start = cycle.multipliedBy(i);
            events.add(LinkEvent.down(start, link));
            events.add(LinkEvent.up(start.plus(downFor), link));
        }
        return events;
    }

    /** How many down/up cycles of {@code period} each fit in {@code total} (at least one). */
    public static int cyclesIn(Duration total, Duration period) {
        positive(total, "flap duration");
        positive(period, "flap period");
        return (int) Math.max(1, total.toNanos() / period.multipliedBy(2).toNanos());
    }

    /**
     * Loss {@code levels} one after the other, each held for {@code step}, the whole sequence
     * {@code rounds} times (what the old {@code mlc_link_periodicy} did). The last level stays.
     */
    public static List<LinkEvent> lossSequence(LinkRef link, boolean aToB, boolean bToA, List<Double> levels, Duration step, int rounds) {
        positive(step, "loss sequence step");
        if (levels.isEmpty()) throw new IllegalArgumentException("loss sequence needs at least one level");
        if (rounds < 1) throw new IllegalArgumentException("loss sequence rounds must be at least 1, got " + rounds);
        for (double l : levels) {
            if (l < 0 || l > 100) throw new IllegalArgumentException("loss level " + l + " is outside 0..100 percent");
        }
        List<LinkEvent> events = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < levels.size(); i++) {
                events.add(LinkEvent.loss(step.multipliedBy((long) r * levels.size() + i), link, levels.get(i), aToB, bToA));
            }
        }
        return events;
    }

    static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
}
