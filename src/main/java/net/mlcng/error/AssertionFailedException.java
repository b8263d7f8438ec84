package net.mlcng.error;

/** A scenario's assert step did not hold. Exit 4, so CI can tell a regression from a broken run. */
public class AssertionFailedException extends MlcException {
    public AssertionFailedException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.ASSERTION_FAILED;
    }
}
