package net.mlcng.daemon.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.mlcng.daemon.DaemonState;
import net.mlcng.daemon.DockerCliNode;
import net.mlcng.daemon.Supervisor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * babeld in the node image, supervised, killed with SIGSEGV: the supervisor reports the signal,
 * the core is copied out and gdb in the node gives a backtrace; after a restart and a clean stop
 * the old core is not taken for the new run's. Relies on the host's
 * kernel.core_pattern being a plain file name (here: "core"); otherwise the report notes say why.
 */
@Tag("docker")
class CrashCaptureLiveTest {
    private static final String STATE_DIR = "/var/lib/mlc-ng/daemon";
    private static final String BABELD_PID_FILE = STATE_DIR + "/babeld-own.pid";
    private static final List<String> BABELD = List.of("babeld", "-d", "0", "-I", BABELD_PID_FILE, "v0");
    private DockerCliNode node;

    @TempDir
    Path output;

    @AfterEach
    void remove() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void segfaultedBabeldLeavesCoreAndBacktrace() throws Exception {
        // babeld writes these sysctls itself unless they already have its values; /proc/sys is read-only in a container.
        node = DockerCliNode.start("crash", List.of("--cap-add", "NET_ADMIN",
                "--sysctl", "net.ipv6.conf.all.disable_ipv6=0", "--sysctl", "net.ipv6.conf.all.forwarding=1",
                "--sysctl", "net.ipv4.ip_forward=1", "--sysctl", "net.ipv6.conf.all.accept_redirects=0",
                "--sysctl", "net.ipv4.conf.all.rp_filter=0", "--sysctl", "net.ipv4.conf.default.rp_filter=0"));
        exec("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        exec("ip", "link", "set", "v0", "up");
        Supervisor supervisor = new Supervisor("babeld", STATE_DIR);
        int pid = supervisor.start(node, Supervisor.Launch.of(BABELD)).pid();
        awaitState(supervisor, true);
        exec("kill", "-SEGV", Integer.toString(pid));
        DaemonState dead = awaitState(supervisor, false);
        assertThat(dead.signal()).isEqualTo("SIGSEGV");

        CrashCapture.CrashReport report = CrashCapture.capture(node, supervisor, dead, output);
        assertThat(report.notes()).isEmpty();
        assertThat(report.core()).isEqualTo(output.resolve("core.crash.babeld." + pid));
        assertThat(Files.size(report.core())).isGreaterThan(10_000);
        assertThat(report.backtrace().signal()).isEqualTo("SIGSEGV");
        assertThat(report.backtrace().frames()).isNotEmpty();
        assertThat(output.resolve("core.crash.babeld." + pid + ".backtrace.txt")).content().contains("Thread 1");

        // Restarted and stopped without a dump: the first run's core is still there but is not this run's.
        exec("rm", "-f", BABELD_PID_FILE); // a crashed babeld leaves it, and refuses to start while it exists
        supervisor.start(node, Supervisor.Launch.of(BABELD));
        awaitState(supervisor, true);
        supervisor.stop(node);
        DaemonState stopped = awaitState(supervisor, false);
        assertThat(stopped.exitCode()).as("babeld catches TERM and exits cleanly").isZero();
        CrashCapture.CrashReport second = CrashCapture.capture(node, supervisor, stopped, output.resolve("second"));
        assertThat(second.core()).isNull();
        assertThat(second.notes()).singleElement().asString().contains("newer than this start");
    }

    private DaemonState awaitState(Supervisor supervisor, boolean running) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            DaemonState s = supervisor.probe(node);
            if (s.running() == running) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("babeld did not become " + (running ? "running" : "stopped") + ": " + supervisor.probe(node));
    }

    private void exec(String... cmd) {
        var r = node.exec(List.of(cmd), Duration.ofSeconds(20));
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + r.stderr());
        }
    }
}
