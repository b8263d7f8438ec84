package net.mlcng.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The supervisor scripts in the real node image: PID, end by signal, stop by PID, files over exec. */
@Tag("docker")
class SupervisorLiveTest {
    private static DockerCliNode node;
    private final Supervisor supervisor = new Supervisor("sleeper", "/var/lib/mlc-ng/daemon");

    @BeforeAll
    static void startNode() {
        node = DockerCliNode.start("supervisor", List.of());
    }

    @AfterAll
    static void removeNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void killedBySignalIsReportedWithSignalAndLog() throws InterruptedException {
        int pid = supervisor.launch(node, List.of("sh", "-c", "echo started; exec sleep 300"));
        assertThat(supervisor.probe(node)).isEqualTo(DaemonState.running(pid));
        assertThat(node.exec(List.of("kill", "-SEGV", Integer.toString(pid)), Duration.ofSeconds(10)).ok()).isTrue();
        DaemonState state = awaitStopped();
        assertThat(state.pid()).isEqualTo(pid);
        assertThat(state.signal()).isEqualTo("SIGSEGV");
        assertThat(state.stoppedAt()).isNotNull();
        assertThat(state.lastLogLines()).contains("started");
    }

    @Test
    void stopEndsTheDaemonByItsPid() throws InterruptedException {
        supervisor.launch(node, List.of("sleep", "300"));
        supervisor.stop(node);
        DaemonState state = awaitStopped();
        assertThat(state.signal()).isEqualTo("SIGTERM");
        supervisor.stop(node);
    }

    @Test
    void exitStatusIsReported() throws InterruptedException {
        supervisor.launch(node, List.of("sh", "-c", "exit 3"));
        assertThat(awaitStopped().exitCode()).isEqualTo(3);
    }

    @Test
    void filesRoundTripThroughExec() {
        byte[] content = new byte[1200];
        new Random(7).nextBytes(content);
        NodeFiles.write(node, "/etc/test-daemons/key.der", content, "600");
        assertThat(NodeFiles.read(node, "/etc/test-daemons/key.der")).hasValue(content);
        assertThat(node.exec(List.of("stat", "-c", "%a", "/etc/test-daemons/key.der"), Duration.ofSeconds(10)).stdout().strip())
                .isEqualTo("600");
        assertThat(NodeFiles.read(node, "/etc/test-daemons/none")).isEmpty();
    }

    /** The supervisor writes its record right after the child ends; poll briefly for it. */
    private DaemonState awaitStopped() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            DaemonState s = supervisor.probe(node);
            if (!s.running()) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("daemon still running after 5 s");
    }
}
