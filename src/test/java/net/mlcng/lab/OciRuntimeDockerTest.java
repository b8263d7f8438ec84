package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.hostnet.HostNet;
import net.mlcng.runtime.DockerClients;
import net.mlcng.runtime.DockerRuntime;
import net.mlcng.runtime.OciRuntime;
import net.mlcng.topology.Topology;
import net.mlcng.util.Processes;
import net.mlcng.util.WorkerPool;
import net.mlcng.wait.Wait;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Labs work the same under either OCI runtime the engine offers. crun applies a container's
 * sysctls before Docker's network hook, which switches IPv6 off again: routes and pings over
 * IPv6 fail unless the lab switches it back on.
 */
@Tag("docker")
class OciRuntimeDockerTest {
    @TempDir
    Path state;

    @ParameterizedTest
    @ValueSource(strings = {"runc", OciRuntime.CRUN})
    void aLineConvergesAndPingsEndToEndUnder(String oci) {
        String lab = TestTopologies.lab("oci" + oci.charAt(0));
        Topology line = TestTopologies.grid(lab, 1, 3);
        LabNames names = new LabNames(lab);
        DockerRuntime runtime = new DockerRuntime(DockerClients.connect(), 2, new OciRuntime(oci, "this test"));
        try (WorkerPool pool = new WorkerPool(2); HostNet net = new HostNet(2)) {
            LabEngine engine = new LabEngine(runtime, net, new LabStore(state), pool, Progress.NONE);
            try {
                engine.deploy(line, "test");
                String container = names.container(line.nodes().keySet().iterator().next());
                assertThat(sh("docker inspect -f '{{.HostConfig.Runtime}}' " + container)).isEqualTo(oci);
                Wait.until(LabAssertions.converged(engine, line), Duration.ofSeconds(60), Duration.ofMillis(500));
                String first = line.nodes().keySet().stream().findFirst().orElseThrow();
                String last = line.nodes().keySet().stream().reduce((a, b) -> b).orElseThrow();
                ExecResult ping = engine.exec(lab, first, List.of("ping", "-c1", "-W2", names.loopbackAddress(last)), Duration.ofSeconds(10)).get(first);
                assertThat(ping.ok()).as(ping.stdout() + ping.stderr()).isTrue();
            } finally {
                engine.destroy(lab, true);
                assertThat(LabAssertions.leftovers(lab, state)).isEmpty();
            }
        } finally {
            runtime.close();
        }
    }

    private static String sh(String command) {
        Processes.Result r = Processes.run(List.of("sh", "-c", command), Duration.ofSeconds(30));
        assertThat(r.ok()).as(r.stderr()).isTrue();
        return r.stdout().strip();
    }
}
