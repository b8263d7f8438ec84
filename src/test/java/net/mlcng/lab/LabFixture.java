package net.mlcng.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import net.mlcng.runtime.DockerRuntime;
import net.mlcng.topology.Topology;
import net.mlcng.util.Processes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One lab per test class on the real engine: register as a static {@code @RegisterExtension} field.
 * Before the class's own {@code @BeforeAll} methods it creates an engine with a private state
 * directory and deploys the topology under a name unique to this test run; after the class's
 * {@code @AfterAll} methods it destroys the lab, asserts the host holds nothing of it any more and
 * closes the engine — also when the deploy or a test failed.
 */
final class LabFixture implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private final Topology topology;
    private Path stateDir;
    private Labs labs;

    private LabFixture(String name, Topology topology) {
        this.name = name;
        this.topology = topology;
    }

    /** A fixture for the topology {@code topology} builds for the lab name {@link TestTopologies#lab(String) lab(id)}. */
    static LabFixture deploying(String id, Function<String, Topology> topology) {
        String name = TestTopologies.lab(id);
        return new LabFixture(name, topology.apply(name));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        stateDir = Files.createTempDirectory("mlcng-state-");
        labs = new Labs(stateDir);
        // Only a killed earlier run could have left a lab of this name (random suffix); a half-made one would spoil the deploy.
        labs.engine.destroy(name);
        labs.engine.deploy(topology, "test");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (labs != null) labs.destroyAndClose(name, stateDir); // null: no engine, so nothing was made
        } finally {
            labs = null;
            if (stateDir != null) Processes.run(List.of("rm", "-rf", stateDir.toString()), Duration.ofSeconds(30));
        }
    }

    String name() {
        return name;
    }

    Topology topology() {
        return topology;
    }

    /** Where the engine keeps lab state; {@link LabAssertions#leftovers} looks there for other labs a test makes. */
    Path stateDir() {
        return stateDir;
    }

    LabEngine engine() {
        return labs.engine;
    }

    LabInspector inspector() {
        return labs.inspector;
    }

    DockerRuntime runtime() {
        return labs.runtime;
    }
}
