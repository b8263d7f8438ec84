package net.mlcng.lab;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import net.mlcng.error.OperationFailedException;

/**
 * Plays a list of {@link LinkEvent}s against a running lab in real time through
 * {@link LinkControl}. Each event is timed from the schedule's start (not from the previous
 * event), so the time the kernel takes does not accumulate as drift.
 */
public final class ScheduleRunner {
    private final LinkControl control;

    public ScheduleRunner(LinkControl control) {
        this.control = control;
    }

    /** Runs {@code events} in time order, reporting each as "+S.SSSs what (applied in N ms)". */
    public void run(String lab, List<LinkEvent> events, Consumer<String> log) {
        List<LinkEvent> ordered = events.stream().sorted(Comparator.comparing(LinkEvent::at)).toList();
        Set<LinkRef> downByUs = new LinkedHashSet<>();
        long start = System.nanoTime();
        boolean finished = false;
        try {
            for (LinkEvent e : ordered) {
                sleepUntil(start + e.at().toNanos());
                Duration took = switch (e.kind()) {
                    case DOWN -> control.setDown(lab, e.link(), true);
                    case UP -> control.setDown(lab, e.link(), false);
                    case LOSS -> control.change(lab, e.link(), e.aToB(), e.bToA(), new LinkChange(e.lossPercent(), null, null, null));
                };
                if (e.kind() == LinkEvent.Kind.DOWN) downByUs.add(e.link());
                if (e.kind() == LinkEvent.Kind.UP) downByUs.remove(e.link());
                log.accept(String.format("+%.3fs %s (applied in %d ms)", (System.nanoTime() - start) / 1e9, e.describe(), took.toMillis()));
            }
            finished = true;
        } finally {
            // A schedule that fails half-way must not leave its links down behind it.
            if (!finished) for (LinkRef l : downByUs) control.setDown(lab, l, false);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait <= 0) return;
        try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("link schedule interrupted", e);
        }
    }
}
