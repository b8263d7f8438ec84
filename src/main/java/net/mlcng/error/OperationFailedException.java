package net.mlcng.error;

/** An operation failed at run time (a container died, a command in a node failed). Exit 1. */
public class OperationFailedException extends MlcException {
    public OperationFailedException(String message) {
        super(message);
    }

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.FAILURE;
    }
}
