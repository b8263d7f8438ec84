package net.mlcng.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs host processes with a timeout and captured output. */
public final class Processes {
    /** Own daemon threads: the common pool has one thread on 2 cores, and two drains per process would deadlock. */
    private static final ExecutorService DRAINERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "process-drain");
        t.setDaemon(true);
        return t;
    });

    private Processes() {}

    /** Outcome of a finished process; exitCode is -1 when it was killed on timeout. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs command, feeding stdin (may be null), and waits at most timeout. */
    public static Result run(List<String> command, String stdin, Duration timeout) {
        return run(command, null, stdin, timeout);
    }

    /** As {@link #run(List, String, Duration)}, with exactly {@code env} as the environment (null: this process's). */
    public static Result run(List<String> command, Map<String, String> env, String stdin, Duration timeout) {
        Process p;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            if (env != null) {
                builder.environment().clear();
                builder.environment().putAll(env);
            }
            p = builder.start();
        } catch (IOException e) {
            // Missing executable: report like a shell would (127), callers turn that into a fix hint.
            return new Result(command, 127, "", e.getMessage());
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The process may exit before reading stdin; its exit code tells the story.
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                return new Result(command, -1, out.join(), err.join() + "\n(timed out after " + timeout + ")");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(command, -1, "", "interrupted");
        }
        return new Result(command, p.exitValue(), out.join(), err.join());
    }

    public static Result run(List<String> command, Duration timeout) {
        return run(command, null, timeout);
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DRAINERS);
    }
}
