package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.runtime.ContainerInfo;
import net.mlcng.topology.Link;
import net.mlcng.topology.Node;
import net.mlcng.topology.Topology;
import net.mlcng.util.Processes;
import net.mlcng.wait.Condition;
import net.mlcng.wait.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Reconcile, crash recovery, isolation between labs and the error paths, on the real engine. */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabLifecycleDockerTest {
    static final String T3 = TestTopologies.lab("t3");
    static final String T4 = TestTopologies.lab("t4");
    static final String T5A = TestTopologies.lab("t5a");
    static final String T5B = TestTopologies.lab("t5b");
    static final String T6 = TestTopologies.lab("t6");
    static final List<String> LABS = List.of(T3, T4, T5A, T5B, T6);

    @TempDir
    static Path state;

    Labs labs;

    @BeforeAll
    void open() {
        labs = new Labs(state);
        LABS.forEach(labs.engine::destroy);
    }

    @AfterEach
    void destroyAll() {
        for (String lab : LABS) {
            labs.engine.destroy(lab);
            assertThat(LabAssertions.leftovers(lab, state)).as("leftovers of " + lab).isEmpty();
        }
    }

    @AfterAll
    void close() {
        labs.close();
    }

    private Map<String, String> ids(String lab) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (ContainerInfo c : labs.runtime.list(Map.of(LabNames.LABEL_LAB, lab))) ids.put(c.label(LabNames.LABEL_NODE), c.id());
        return ids;
    }

    @Test
    void redeployReconcilesByAddingAndRemovingNodes() {
        Topology before = TestTopologies.grid(T3, 2, 2);
        labs.engine.deploy(before, "v1");
        Map<String, String> idsBefore = ids(T3);

        // n4 leaves, n5 joins next to n1.
        Map<String, Node> nodes = new LinkedHashMap<>(before.nodes());
        nodes.remove("n4");
        nodes.put("n5", TestTopologies.node("n5", "babeld"));
        List<Link> links = new ArrayList<>(before.links().stream().filter(l -> !l.a().equals("n4") && !l.b().equals("n4")).toList());
        links.add(TestTopologies.link("n1", "n5"));
        Topology after = TestTopologies.withNodes(before, nodes, links);
        LabEngine.DeployReport r = labs.engine.deploy(after, "v2");

        assertThat(r.nodesCreated()).isEqualTo(1);
        assertThat(r.nodesRemoved()).isEqualTo(1);
        assertThat(r.linksWired()).isEqualTo(1);
        Map<String, String> idsAfter = ids(T3);
        assertThat(idsAfter.keySet()).containsExactlyInAnyOrder("n1", "n2", "n3", "n5");
        for (String kept : List.of("n1", "n2", "n3")) assertThat(idsAfter.get(kept)).as(kept + " kept its container").isEqualTo(idsBefore.get(kept));
        ExecResult ifs = labs.engine.exec(T3, "n1", List.of("ip", "-br", "link"), Duration.ofSeconds(10)).get("n1");
        assertThat(ifs.stdout()).contains("en5").contains("en2").contains("en3");
        ExecResult n2 = labs.engine.exec(T3, "n2", List.of("ip", "-br", "link"), Duration.ofSeconds(10)).get("n2");
        assertThat(n2.stdout()).doesNotContain("en4");

        Wait.until(LabAssertions.converged(labs.engine, after), Duration.ofSeconds(90), Duration.ofSeconds(1));
        String n5 = new LabNames(T3).loopbackAddress("n5");
        assertThat(labs.engine.exec(T3, "n3", List.of("ping", "-c1", "-W2", n5), Duration.ofSeconds(10)).get("n3").ok()).isTrue();

        // The same topology again changes nothing.
        LabEngine.DeployReport again = labs.engine.deploy(after, "v2");
        assertThat(again.nodesCreated() + again.nodesRemoved() + again.linksWired() + again.daemonsStarted()).isZero();
    }

    @Test
    void killedDeployThenDestroyLeavesNothing() throws Exception {
        Path file = state.resolve("t4.yaml");
        Files.writeString(file, "name: " + T4 + "\ngenerate: {kind: grid, rows: 4, cols: 4}\n");
        ProcessBuilder pb = new ProcessBuilder(javaCli("deploy", file.toString())).redirectErrorStream(true)
                .redirectOutput(state.resolve("t4.log").toFile());
        Path cliState = state.resolve("cli-state");
        pb.environment().put("MLCNG_STATE_DIR", cliState.toString());
        Process deploy = pb.start();
        try {
            Wait.until(Condition.of("some " + T4 + " containers exist",
                    () -> labs.runtime.list(Map.of(LabNames.LABEL_LAB, T4)).size() >= 4), Duration.ofSeconds(60), Duration.ofMillis(50));
            assertThat(deploy.isAlive()).as("deploy still under way when killed").isTrue();
        } finally {
            deploy.destroyForcibly(); // SIGKILL: no shutdown hook runs
            deploy.waitFor(10, TimeUnit.SECONDS);
        }
        // Engine calls already sent may still land; a second of grace lets them, as a user's later destroy would.
        Thread.sleep(1000);
        assertThat(Files.exists(cliState.resolve("labs/" + T4 + "/topology.json"))).as("the killed deploy had stored its topology").isTrue();
        LabStore cliStore = new LabStore(cliState.resolve("labs"));
        new LabEngine(labs.runtime, labs.net, cliStore, labs.pool, Progress.NONE).destroy(T4);
        assertThat(LabAssertions.leftovers(T4, cliState.resolve("labs"))).isEmpty();
    }

    static List<String> javaCli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "net.mlcng.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void twoLabsSideBySideDoNotSeeEachOther() {
        Topology a = TestTopologies.grid(T5A, 1, 2);
        Topology b = TestTopologies.grid(T5B, 1, 2);
        labs.engine.deploy(a, "a");
        labs.engine.deploy(b, "b");
        Wait.until(LabAssertions.converged(labs.engine, a).and(LabAssertions.converged(labs.engine, b)), Duration.ofSeconds(60), Duration.ofSeconds(1));

        LabNames na = new LabNames(T5A), nb = new LabNames(T5B);
        assertThat(na.ulaPrefix()).isNotEqualTo(nb.ulaPrefix());
        ExecResult routesA = labs.engine.exec(T5A, "n1", List.of("ip", "-6", "route"), Duration.ofSeconds(10)).get("n1");
        assertThat(routesA.stdout()).contains(na.loopbackAddress("n2")).doesNotContain(nb.loopbackAddress("n2"));
        assertThat(labs.engine.exec(T5A, "n1", List.of("ping", "-c1", "-W1", nb.loopbackAddress("n2")), Duration.ofSeconds(10))
                .get("n1").ok()).isFalse();

        labs.engine.destroy(T5A);
        assertThat(LabAssertions.leftovers(T5A, state)).isEmpty();
        assertThat(ids(T5B)).hasSize(2);
        assertThat(labs.engine.exec(T5B, "n1", List.of("ping", "-c1", "-W2", nb.loopbackAddress("n2")), Duration.ofSeconds(10))
                .get("n1").ok()).as(T5B + " unharmed by " + T5A + "'s destroy").isTrue();
    }

    @Test
    void destroyOfHalfMadeLabAndTwiceIsFine() {
        Topology t = TestTopologies.grid(T6, 1, 3);
        labs.engine.deploy(t, "x");
        // Make it half-made: one container gone by hand, one namespace handle gone.
        String id = ids(T6).get("n2");
        Processes.run(List.of("docker", "rm", "-f", id), Duration.ofSeconds(30));
        Processes.run(List.of("ip", "netns", "delete", new LabNames(T6).netns("n3")), Duration.ofSeconds(10));
        labs.engine.destroy(T6);
        assertThat(LabAssertions.leftovers(T6, state)).isEmpty();
        labs.engine.destroy(T6);
        assertThat(LabAssertions.leftovers(T6, state)).isEmpty();
    }
}
