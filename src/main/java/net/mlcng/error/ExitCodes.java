package net.mlcng.error;

/** Process exit codes of the CLI; scripts and CI depend on them, so they never change meaning. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int ENVIRONMENT = 3;
    public static final int ASSERTION_FAILED = 4;

    private ExitCodes() {}
}
