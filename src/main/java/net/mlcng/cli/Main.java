package net.mlcng.cli;

import java.io.PrintWriter;
import net.mlcng.error.ExitCodes;
import net.mlcng.error.MlcException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Entry point: builds the picocli command tree and maps typed exceptions to exit codes. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given output streams; the testable core of {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MlcNgCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** Prints a user error as one message (stack trace only with --debug) and picks the exit code. */
    static final class ErrorReporter implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
            PrintWriter err = cmd.getErr();
            boolean debug = hasDebugAnywhere(parsed);
            if (e instanceof MlcException mlc) {
                err.println("error: " + mlc.getMessage());
                if (debug) e.printStackTrace(err);
                err.flush();
                return mlc.exitCode();
            }
            err.println("error: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
            if (debug) {
                e.printStackTrace(err);
            } else {
                err.println("(internal error; run again with --debug for the stack trace)");
            }
            err.flush();
            return ExitCodes.FAILURE;
        }

        private static boolean hasDebugAnywhere(ParseResult parsed) {
            for (ParseResult p = parsed; p != null; p = p.subcommand()) {
                if (p.hasMatchedOption("--debug")) return true;
            }
            return false;
        }
    }
}
