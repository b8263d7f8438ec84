package net.mlcng.hostnet;

import net.mlcng.error.OperationFailedException;

/** A kernel networking command failed; the message quotes the tool's own error. */
public class HostNetException extends OperationFailedException {
    public HostNetException(String message) {
        super(message);
    }
}
