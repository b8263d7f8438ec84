package net.mlcng.lab;

import net.mlcng.error.MlcException;

/** A deploy failed after it began to create things: says so and how to finish or undo. Keeps the cause's exit code. */
public class PartialDeployException extends MlcException {
    private final int exitCode;

    PartialDeployException(String lab, MlcException cause) {
        super(cause.getMessage() + "\n  lab " + lab + " is only partly deployed: `mlc-ng destroy " + lab
                + "` removes it, `mlc-ng deploy` again completes it", cause);
        this.exitCode = cause.exitCode();
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
