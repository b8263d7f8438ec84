package net.mlcng.scenario;

import java.time.Duration;
import java.time.Instant;

/** The runner's notion of time; tests substitute a virtual clock so waits cost nothing. */
public interface ScenarioClock {
    Instant now();

    void sleep(Duration d);

    ScenarioClock SYSTEM = new ScenarioClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new net.mlcng.error.OperationFailedException("interrupted while waiting");
            }
        }
    };
}
