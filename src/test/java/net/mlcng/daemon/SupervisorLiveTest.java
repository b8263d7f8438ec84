package net.mlcng.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.mlcng.error.OperationFailedException;
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
        int pid = supervisor.start(node, Supervisor.Launch.of(List.of("sh", "-c", "echo started; exec sleep 300"))).pid();
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
        supervisor.start(node, Supervisor.Launch.of(List.of("sleep", "300")));
        supervisor.stop(node);
        DaemonState state = awaitStopped();
        assertThat(state.signal()).isEqualTo("SIGTERM");
        supervisor.stop(node);
    }

    @Test
    void exitStatusIsReported() throws InterruptedException {
        // Not ready until a file appears that never does: the daemon's end is what the start reports.
        Supervisor.Launch quitter = new Supervisor.Launch(List.of("sh", "-c", "echo giving up; exit 3"), Map.of(), List.of(),
                "test -e never", Duration.ofSeconds(5));
        assertThatThrownBy(() -> supervisor.start(node, quitter)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("sleeper in node supervisor ended while starting: exit status 3")
                .hasMessageContaining("giving up");
        assertThat(awaitStopped().exitCode()).isEqualTo(3);
    }

    @Test
    void startWritesFilesRemovesStaleOnesAndWaitsUntilReady() {
        node.exec(List.of("sh", "-c", "mkdir -p /var/lib/mlc-ng/daemon && echo old > /var/lib/mlc-ng/daemon/ready"), Duration.ofSeconds(10));
        Supervisor.Launch launch = new Supervisor.Launch(List.of("sh", "-c", "sleep 0.3; cat conf > ready; exec sleep 300"),
                Map.of("conf", "listen 6696\n"), List.of("ready"), "grep -q 6696 ready", Duration.ofSeconds(5));
        Supervisor.Started started = supervisor.start(node, launch);
        assertThat(started.wasRunning()).isFalse();
        assertThat(node.exec(List.of("cat", "/var/lib/mlc-ng/daemon/ready"), Duration.ofSeconds(10)).stdout()).isEqualTo("listen 6696\n");
        assertThat(supervisor.start(node, launch)).isEqualTo(new Supervisor.Started(started.pid(), true));
        supervisor.stop(node);
    }

    @Test
    void aDaemonNeverReadyIsReportedWithItsCheck() {
        Supervisor.Launch launch = new Supervisor.Launch(List.of("sleep", "300"), Map.of(), List.of(),
                "ls /nonexistent-socket", Duration.ofMillis(300));
        assertThatThrownBy(() -> supervisor.start(node, launch))
                .hasMessageMatching("(?s)sleeper in node supervisor runs \\(pid \\d+\\) but was not ready within 0.3 s \\(ls /nonexistent-socket: .*No such file.*")
                .isInstanceOf(OperationFailedException.class);
        supervisor.stop(node);
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
