package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.daemon.health.DaemonHealth;
import net.mlcng.lab.LabDaemons.Action;
import net.mlcng.topology.Topology;
import net.mlcng.wait.Condition;
import net.mlcng.wait.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daemon health on a live babeld line n1 - n2 - n3: a daemon killed by signal (by PID inside its
 * node) is reported with the signal, when, and (SIGSEGV) a core and gdb backtrace captured into the
 * lab's crash directory on the host; restart works; a node whose links are all cut is isolated.
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaemonHealthDockerTest {
    static final String LAB = TestTopologies.lab("hl-health");
    static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    static Path state;

    Labs labs;
    LabDaemons daemons;
    Topology line;

    @BeforeAll
    void deploy() {
        labs = new Labs(state);
        labs.engine.destroy(LAB, true);
        line = TestTopologies.grid(LAB, 1, 3);
        labs.engine.deploy(line, "test");
        daemons = new LabDaemons(labs.engine);
    }

    @AfterAll
    void destroy() {
        try {
            labs.engine.destroy(LAB, true);
        } finally {
            labs.close();
        }
    }

    /** Every test starts from a converged lab with every daemon running. */
    @BeforeEach
    void everyDaemonRunsAndTheLineConverged() {
        for (String n : line.nodes().keySet()) {
            if (!daemons.control(LAB, n, Action.STATUS).running()) daemons.control(LAB, n, Action.START);
        }
        Wait.until(LabAssertions.converged(labs.engine, line), SETTLE, Duration.ofSeconds(1));
    }

    @Test
    void sigsegvIsReportedWithCoreAndBacktraceInTheCrashDirAndRestartWorks() throws Exception {
        DaemonHealth before = daemons.control(LAB, "n2", Action.STATUS);
        assertThat(before.running()).isTrue();
        assertThat(before.isolated()).isFalse();

        kill("n2", "SEGV", before.pid());
        DaemonHealth dead = awaitEnded("n2");

        assertThat(dead.running()).isFalse();
        assertThat(dead.pid()).isEqualTo(before.pid());
        assertThat(dead.ended().signal()).isEqualTo("SIGSEGV");
        assertThat(dead.ended().exitCode()).isNull();
        assertThat(dead.ended().at()).isNotNull();
        Path crashDir = daemons.crashDir(LAB, "n2");
        assertThat(crashDir).isEqualTo(state.resolve(LAB).resolve("crashes").resolve("n2"));
        assertThat(dead.notes()).isEmpty();
        Path core = Path.of(dead.core());
        assertThat(core.getParent().getParent()).isEqualTo(crashDir);
        assertThat(Files.size(core)).isPositive();
        Path backtrace = Path.of(dead.backtrace());
        assertThat(backtrace.getParent()).isEqualTo(core.getParent());
        assertThat(Files.readString(backtrace)).contains("Program terminated with signal SIGSEGV");
        assertThat(dead.crashSite()).isNotEmpty();

        JsonNode n2 = inspectNode("n2");
        assertThat(n2.get("daemonRunning").asBoolean()).isFalse();
        JsonNode d = n2.get("daemon");
        assertThat(d.get("name").asText()).isEqualTo("babeld");
        assertThat(d.get("running").asBoolean()).isFalse();
        assertThat(d.get("pid").asInt()).isEqualTo(before.pid());
        assertThat(d.get("ended").get("signal").asText()).isEqualTo("SIGSEGV");
        assertThat(d.get("ended").get("at").asText()).isEqualTo(dead.ended().at().toString());
        assertThat(d.get("core").asText()).isEqualTo(dead.core());
        assertThat(d.get("backtrace").asText()).isEqualTo(dead.backtrace());
        assertThat(inspectNode("n1").get("daemon").get("running").asBoolean()).isTrue();

        // babeld's own pid file from the crashed run is still there; the restart must not trip over it.
        DaemonHealth restarted = daemons.control(LAB, "n2", Action.RESTART);
        assertThat(restarted.running()).isTrue();
        assertThat(restarted.pid()).isNotEqualTo(before.pid());
        Wait.until(LabAssertions.converged(labs.engine, line), SETTLE, Duration.ofSeconds(1));
    }

    @Test
    void sigkillIsReportedWithItsSignalAndLeavesNoCore() {
        DaemonHealth before = daemons.control(LAB, "n3", Action.STATUS);
        kill("n3", "KILL", before.pid());
        DaemonHealth dead = awaitEnded("n3");
        assertThat(dead.ended().signal()).isEqualTo("SIGKILL");
        assertThat(dead.core()).isNull();
        assertThat(inspectNode("n3").get("daemon").get("ended").get("signal").asText()).isEqualTo("SIGKILL");
        assertThat(daemons.health(LAB)).containsOnlyKeys("n1", "n2", "n3");
        assertThat(daemons.health(LAB).get("n3").ended().signal()).isEqualTo("SIGKILL");

        DaemonHealth started = daemons.control(LAB, "n3", Action.START);
        assertThat(started.running()).isTrue();
    }

    @Test
    void aNodeWithAllItsLinksCutIsIsolatedWhileItsDaemonRuns() {
        // n1's only link is to n2 (en2): bring both ends down, as a cut cable would.
        exec("n1", "ip", "link", "set", "en2", "down");
        exec("n2", "ip", "link", "set", "en1", "down");
        try {
            Wait.until(() -> {
                DaemonHealth h = daemons.control(LAB, "n1", Action.STATUS);
                return Boolean.TRUE.equals(h.isolated()) ? Condition.Status.OK : Condition.Status.notYet("n1 not isolated: " + h);
            }, SETTLE, Duration.ofSeconds(1));
            DaemonHealth n1 = daemons.control(LAB, "n1", Action.STATUS);
            assertThat(n1.running()).isTrue();
            assertThat(inspectNode("n1").get("daemon").get("isolated").asBoolean()).isTrue();
            assertThat(daemons.control(LAB, "n3", Action.STATUS).isolated()).isFalse();
        } finally {
            exec("n1", "ip", "link", "set", "en2", "up");
            exec("n2", "ip", "link", "set", "en1", "up");
        }
        Wait.until(() -> Boolean.FALSE.equals(daemons.control(LAB, "n1", Action.STATUS).isolated())
                ? Condition.Status.OK : Condition.Status.notYet("n1 still isolated after its link came back"), SETTLE, Duration.ofSeconds(1));
    }

    private void kill(String node, String signal, int pid) {
        exec(node, "kill", "-" + signal, Integer.toString(pid));
    }

    private void exec(String node, String... command) {
        ExecResult r = labs.engine.exec(LAB, node, List.of(command), Duration.ofSeconds(10)).get(node);
        assertThat(r.ok()).as(String.join(" ", command) + " in " + node + ": " + r.stderr()).isTrue();
    }

    private DaemonHealth awaitEnded(String node) {
        Wait.until(() -> daemons.control(LAB, node, Action.STATUS).running()
                ? Condition.Status.notYet(node + "'s daemon still runs") : Condition.Status.OK, Duration.ofSeconds(20), Duration.ofMillis(200));
        return daemons.control(LAB, node, Action.STATUS);
    }

    private JsonNode inspectNode(String node) {
        JsonNode lab;
        try {
            lab = new ObjectMapper().readTree(LabInspector.toJson(labs.inspector.inspect(LAB))).get("labs").get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode n : lab.get("nodes")) if (n.get("name").asText().equals(node)) return n;
        throw new AssertionError("no node " + node + " in inspect");
    }
}
