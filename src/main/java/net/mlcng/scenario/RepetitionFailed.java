package net.mlcng.scenario;

import net.mlcng.scenario.RunResult.FailureCause;

/** Ends one repetition with a classified cause; the runner records it and goes on with the next. */
final class RepetitionFailed extends RuntimeException {
    final FailureCause cause;

    RepetitionFailed(FailureCause cause, String message) {
        super(message);
        this.cause = cause;
    }
}
