package net.mlcng.wait;

import java.time.Duration;
import java.time.Instant;

/** Polls a {@link Condition} until it holds or a timeout passes. */
public final class Wait {
    private Wait() {}

    /**
     * Returns how long the condition took to hold; throws {@link WaitTimeoutException} (with what
     * was still missing at the last look) after {@code timeout}.
     */
    public static Duration until(Condition condition, Duration timeout, Duration poll) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (true) {
            Condition.Status s = condition.check();
            if (s.satisfied()) return Duration.between(start, Instant.now());
            if (Instant.now().isAfter(deadline)) {
                throw new WaitTimeoutException("not reached within " + timeout.toSeconds() + " s: " + s.detail());
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaitTimeoutException("interrupted while waiting: " + s.detail());
            }
        }
    }
}
