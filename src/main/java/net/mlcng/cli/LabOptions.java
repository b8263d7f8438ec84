package net.mlcng.cli;

import net.mlcng.hostnet.HostNet;
import net.mlcng.lab.LabEngine;
import net.mlcng.lab.LabInspector;
import net.mlcng.lab.LabStore;
import net.mlcng.lab.Progress;
import net.mlcng.util.WorkerPool;
import net.mlcng.runtime.DockerRuntime;
import picocli.CommandLine.Option;

/** Options shared by the verbs that operate labs, and the engine they configure. */
public class LabOptions {
    @Option(names = "--workers", paramLabel = "N",
            description = "Concurrent calls to the Docker engine (default: 2 x CPU cores).")
    Integer workers;

    /** Connects to Docker (exit 3 when unreachable) and wires up an engine; close it when done. */
    Session open(Progress progress) {
        int n = workers == null ? WorkerPool.defaultSize() : Math.max(1, workers);
        DockerRuntime runtime = DockerRuntime.connect(n);
        HostNet net = new HostNet(n);
        WorkerPool pool = new WorkerPool(n);
        LabEngine engine = new LabEngine(runtime, net, LabStore.fromEnvironment(), pool, progress);
        return new Session(runtime, net, pool, engine);
    }

    record Session(DockerRuntime runtime, HostNet net, WorkerPool pool, LabEngine engine) implements AutoCloseable {
        LabInspector inspector() {
            return new LabInspector(engine);
        }

        @Override
        public void close() {
            pool.close();
            net.close();
            runtime.close();
        }
    }
}
