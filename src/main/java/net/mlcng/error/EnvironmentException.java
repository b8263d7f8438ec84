package net.mlcng.error;

/** Something the host must provide is missing (Docker engine, kernel feature, node image). Exit 3. */
public class EnvironmentException extends MlcException {
    private final String fix;

    public EnvironmentException(String message, String fix) {
        super(message);
        this.fix = fix;
    }

    public EnvironmentException(String message, String fix, Throwable cause) {
        super(message, cause);
        this.fix = fix;
    }

    /** One line telling the user how to make it right, or null. */
    public String fix() {
        return fix;
    }

    @Override
    public String getMessage() {
        return fix == null ? super.getMessage() : super.getMessage() + "\n  fix: " + fix;
    }

    @Override
    public int exitCode() {
        return ExitCodes.ENVIRONMENT;
    }
}
