package net.mlcng.error;

/** Bad input from the user: a wrong argument, an invalid file. Exit 2; nothing was changed. */
public class UsageException extends MlcException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
