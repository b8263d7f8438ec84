package net.mlcng.daemon.bmx7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.mlcng.daemon.DaemonConfig;
import net.mlcng.daemon.DaemonState;
import net.mlcng.daemon.DockerCliNode;
import net.mlcng.image.NodeImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bmx7 in one node (a veth pair inside it as mesh interface): start, primary address,
 * kept key across a "redeploy", stop by PID, crash by signal. Runs only when the node image
 * carries a user-supplied bmx7 (label net.mlcng.bmx7=true) and is reported SKIPPED otherwise.
 * Multi-node convergence runs in the lab engine's scenarios.
 */
@Tag("docker")
class Bmx7LiveTest {
    private static DockerCliNode node;

    @TempDir
    Path keys;

    /** Per test, not per class: an assumption failing in @BeforeAll would not be reported as skipped. */
    @BeforeEach
    void startNode() {
        assumeTrue(DockerCliNode.imageLabel(NodeImages.BMX7_LABEL, "true"),
                "SKIPPED: " + NodeImages.DEFAULT_TAG + " has no bmx7 (image label " + NodeImages.BMX7_LABEL
                        + " is not 'true'); build the node image with a user-supplied bmx7 binary or .deb to run the live bmx7 test");
        node = DockerCliNode.start("bmx7", List.of("--cap-add", "NET_ADMIN", "--cap-add", "NET_RAW",
                "--sysctl", "net.ipv6.conf.all.disable_ipv6=0", "--sysctl", "net.ipv6.conf.all.forwarding=1"));
        exec("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        exec("ip", "link", "set", "v0", "up");
        exec("ip", "link", "set", "v1", "up");
    }

    @AfterEach
    void removeNode() {
        if (node != null) {
            node.close();
            node = null;
        }
    }

    @Test
    void startKeepIdentityRestartAndCrash() throws InterruptedException {
        Bmx7Driver driver = new Bmx7Driver();
        DaemonConfig config = new DaemonConfig("bmx7", List.of("v0"), "fd00::1", List.of(), "/var/lib/mlc-ng/daemon", keys);

        driver.start(node, config);
        assertThat(driver.state(node, config).running()).isTrue();
        String address = driver.announcedAddress(node, config);
        assertThat(address).startsWith("fd70:");
        assertThat(keys.resolve("rsa.der")).isNotEmptyFile();
        assertThat(driver.version(node).primaryIp()).isEqualTo(address);

        driver.stop(node, config);
        assertThat(driver.state(node, config).running()).isFalse();
        exec("rm", "-f", Bmx7Driver.KEY_FILE); // what a redeploy onto a fresh container looks like

        driver.start(node, config);
        assertThat(driver.announcedAddress(node, config)).as("kept key gives the same identity").isEqualTo(address);

        DaemonState running = driver.state(node, config);
        exec("kill", "-SEGV", Integer.toString(running.pid()));
        DaemonState ended = awaitEnd(driver, config);
        // bmx7 has its own SIGSEGV handler (it logs an assertion code, then dumps); either way the end is not a clean exit.
        assertThat(ended.signal() != null || (ended.exitCode() != null && ended.exitCode() != 0))
                .as("bmx7 ended by signal or failure status: %s", ended).isTrue();
    }

    private static DaemonState awaitEnd(Bmx7Driver driver, DaemonConfig config) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            DaemonState s = driver.state(node, config);
            if (!s.running()) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("bmx7 still runs 5 s after SIGSEGV");
    }

    private static void exec(String... cmd) {
        var r = node.exec(List.of(cmd), Duration.ofSeconds(20));
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + r.stderr());
        }
    }
}
