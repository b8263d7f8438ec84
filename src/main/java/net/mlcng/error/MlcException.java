package net.mlcng.error;

/**
 * Base of every error mlc-ng reports to a user. The message is written for the user (no stack
 * trace is shown unless --debug); the subclass decides the exit code.
 */
public abstract class MlcException extends RuntimeException {
    protected MlcException(String message) {
        super(message);
    }

    protected MlcException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract int exitCode();
}
