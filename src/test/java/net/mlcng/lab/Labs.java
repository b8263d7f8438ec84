package net.mlcng.lab;

import java.nio.file.Path;
import net.mlcng.hostnet.HostNet;
import net.mlcng.runtime.DockerRuntime;
import net.mlcng.util.WorkerPool;

/** An engine on the real Docker engine with a private state directory, for integration tests. */
final class Labs implements AutoCloseable {
    final DockerRuntime runtime;
    final HostNet net;
    final WorkerPool pool;
    final LabStore store;
    final LabEngine engine;
    final LabInspector inspector;

    Labs(Path stateDir) {
        int workers = WorkerPool.defaultSize();
        runtime = DockerRuntime.connect(workers);
        net = new HostNet(workers);
        pool = new WorkerPool(workers);
        store = new LabStore(stateDir);
        engine = new LabEngine(runtime, net, store, pool, Progress.NONE);
        inspector = new LabInspector(engine);
    }

    @Override
    public void close() {
        pool.close();
        net.close();
        runtime.close();
    }
}
