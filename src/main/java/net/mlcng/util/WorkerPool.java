package net.mlcng.util;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import net.mlcng.error.MlcException;
import net.mlcng.error.OperationFailedException;

/**
 * A fixed number of threads for work fanned out per node (calls to the container engine, one
 * {@code ip} process per namespace): dockerd is CPU-bound on small machines, so more concurrency
 * than this only queues inside it.
 */
public final class WorkerPool implements AutoCloseable {
    private final ExecutorService executor;
    private final int size;

    public WorkerPool(int size) {
        this.size = Math.max(1, size);
        this.executor = Executors.newFixedThreadPool(this.size, r -> {
            Thread t = new Thread(r, "worker");
            t.setDaemon(true);
            return t;
        });
    }

    public static int defaultSize() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    public int size() {
        return size;
    }

    /**
     * Applies {@code action} to every item in parallel and waits for all of them (so nothing is
     * still running when an error is reported). Results keep the items' order. If any failed, the
     * first failure is rethrown, its message naming how many items failed.
     */
    public <T, R> Map<T, R> map(List<T> items, Function<T, R> action, Runnable afterEach) {
        Map<T, Future<R>> futures = new LinkedHashMap<>();
        for (T item : items) {
            futures.put(item, executor.submit(() -> {
                R r = action.apply(item);
                afterEach.run();
                return r;
            }));
        }
        Map<T, R> results = new LinkedHashMap<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (var e : futures.entrySet()) {
            try {
                results.put(e.getKey(), e.getValue().get());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new OperationFailedException("interrupted", ie);
            } catch (ExecutionException ee) {
                failures.add(ee.getCause() instanceof RuntimeException r ? r : new OperationFailedException(ee.getCause().toString(), ee.getCause()));
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            if (failures.size() == 1) throw first;
            String more = " (and " + (failures.size() - 1) + " more failures of the same stage)";
            if (first instanceof MlcException mlc) {
                throw new StageFailedException(mlc.getMessage() + more, mlc.exitCode(), first);
            }
            throw new StageFailedException(first.getMessage() + more, 1, first);
        }
        return results;
    }

    public <T> void forEach(List<T> items, java.util.function.Consumer<T> action, Runnable afterEach) {
        map(items, t -> {
            action.accept(t);
            return Boolean.TRUE;
        }, afterEach);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Several items of one stage failed; keeps the first failure's exit code. */
    public static final class StageFailedException extends MlcException {
        private final int exitCode;

        StageFailedException(String message, int exitCode, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }

        @Override
        public int exitCode() {
            return exitCode;
        }
    }
}
