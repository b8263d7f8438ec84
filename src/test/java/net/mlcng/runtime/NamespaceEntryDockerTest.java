package net.mlcng.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.image.NodeImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * exec enters the container from the host (this suite runs as root beside the engine) and gives the
 * command what docker exec would: the container's namespaces, environment and capabilities only.
 */
@Tag("docker")
class NamespaceEntryDockerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void execSeesTheContainerNotTheHostAndFollowsARestart() {
        String name = "mlcng-nsentry-" + UUID.randomUUID().toString().substring(0, 8);
        try (DockerRuntime runtime = DockerRuntime.connect(2)) {
            assertThat(runtime.entersFromHost()).as("the suite runs as root beside the engine").isTrue();
            String id = runtime.create(new ContainerSpec(name, NodeImages.DEFAULT_TAG, "inside", Map.of("net.mlcng.test", "nsentry"),
                    Map.of("GREETING", "hello from the node"), List.of("NET_ADMIN", "NET_RAW"), List.of(), Map.of()));
            try {
                runtime.start(id);
                ExecResult r = runtime.exec(id, List.of("sh", "-c",
                        "hostname; echo \"$GREETING\"; tr '\\0' ' ' </proc/1/cmdline; echo; grep CapBnd /proc/self/status; ip -o link | wc -l"), TIMEOUT);
                assertThat(r.ok()).as(r.stderr()).isTrue();
                assertThat(r.stdout().lines().toList()).containsExactly(
                        "inside",
                        "hello from the node",
                        "/usr/bin/tini -g -- sleep infinity ",
                        "CapBnd:\t0000000000003000", // NET_ADMIN (12) and NET_RAW (13): nothing of the host's root
                        "1"); // loopback only: the container's network namespace
                assertThat(runtime.exec(id, List.of("sh", "-c", "exit 7"), TIMEOUT).exitCode()).isEqualTo(7);

                runtime.stop(id);
                runtime.start(id); // a new init PID: the kept entry must not point at a stale or reused one
                ExecResult again = runtime.exec(id, List.of("hostname"), TIMEOUT);
                assertThat(again.stdout().strip()).as(again.stderr()).isEqualTo("inside");
            } finally {
                runtime.remove(id);
            }
        }
    }
}
