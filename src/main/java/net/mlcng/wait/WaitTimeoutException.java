package net.mlcng.wait;

import net.mlcng.error.OperationFailedException;

/** A condition did not hold in time; the message says what was still missing. Exit 1. */
public class WaitTimeoutException extends OperationFailedException {
    public WaitTimeoutException(String message) {
        super(message);
    }
}
