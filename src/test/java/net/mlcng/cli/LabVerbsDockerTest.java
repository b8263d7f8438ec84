package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.mlcng.lab.TestTopologies;
import net.mlcng.util.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab verbs end to end through the CLI, including their error paths and exit codes. */
@Tag("docker")
class LabVerbsDockerTest {
    static final String LAB = TestTopologies.lab("t7");
    static final String LAB8 = TestTopologies.lab("t8");
    static final String LAB9 = TestTopologies.lab("t9");
    static final String FOREIGN = "mlcng-" + LAB8 + "-n1";

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        CliRunner.run("destroy", LAB);
        CliRunner.run("destroy", LAB8);
        Processes.run(List.of("docker", "rm", "-f", FOREIGN), Duration.ofSeconds(30));
    }

    private Path file(String name, String yaml) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void deployExecInspectDestroy() throws Exception {
        Path f = file("t7.yaml", "name: " + LAB + "\ngenerate: {kind: line, nodes: 3}\n");
        CliRunner.Outcome deploy = CliRunner.run("deploy", f.toString());
        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(deploy.out()).contains("lab " + LAB + ": 3 nodes (3 created, 0 removed), 2 links wired, 3 daemons started");

        CliRunner.Outcome exec = CliRunner.run("exec", LAB, "n1..n3", "--", "hostname");
        assertThat(exec.exitCode()).isZero();
        assertThat(exec.out().lines().toList()).containsExactly("n1: n1", "n2: n2", "n3: n3");

        CliRunner.Outcome worst = CliRunner.run("exec", LAB, "n1,n3", "--", "sh", "-c", "[ $(hostname) = n1 ] && exit 0 || exit 7");
        assertThat(worst.exitCode()).as("worst exit code of the nodes").isEqualTo(7);

        CliRunner.Outcome unknown = CliRunner.run("exec", LAB, "n9", "--", "true");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no node n9");

        CliRunner.Outcome inspect = CliRunner.run("inspect", LAB, "--format", "json");
        assertThat(inspect.exitCode()).isZero();
        JsonNode lab = new ObjectMapper().readTree(inspect.out()).get("labs").get(0);
        assertThat(lab.get("nodes")).hasSize(3);
        assertThat(lab.get("links")).hasSize(2);

        CliRunner.Outcome table = CliRunner.run("inspect", LAB);
        assertThat(table.out()).contains("n2").contains("running").contains("babeld");

        CliRunner.Outcome destroy = CliRunner.run("destroy", LAB);
        assertThat(destroy.exitCode()).isZero();
        assertThat(destroy.out()).contains("removed 3 containers");
        assertThat(CliRunner.run("destroy", LAB).exitCode()).as("destroy twice").isZero();
        assertThat(CliRunner.run("inspect", LAB).exitCode()).as("inspect of a lab that is gone").isEqualTo(2);
    }

    @Test
    void missingImageIsAnEnvironmentErrorAndCreatesNothing() throws Exception {
        Path f = file("t8.yaml", "name: " + LAB8 + "\ndefaults: {image: \"mlc-ng/absent:never\"}\nnodes: [a, b]\nlinks: [{a: a, b: b}]\n");
        CliRunner.Outcome r = CliRunner.run("deploy", f.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("image mlc-ng/absent:never is not on the Docker engine").contains("fix:");
        assertThat(Processes.run(List.of("docker", "ps", "-aq", "--filter", "label=mlc-ng.lab=" + LAB8), Duration.ofSeconds(10)).stdout()).isBlank();
    }

    @Test
    void nodeThatCannotRunFailsTheDeployAndSaysTheLabIsPartlyMade() throws Exception {
        // The bare base image has no command: the engine refuses to create its containers.
        Path f = file("t8.yaml", "name: " + LAB8 + "\ndefaults: {image: \"mlc-ng/base:bookworm\"}\nnodes: [a, b]\nlinks: [{a: a, b: b}]\n");
        CliRunner.Outcome r = CliRunner.run("deploy", f.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("refused to create mlcng-" + LAB8 + "-").contains("lab " + LAB8 + " is only partly deployed");
        assertThat(CliRunner.run("destroy", LAB8).exitCode()).isZero();
        assertThat(CliRunner.run("inspect", LAB8).exitCode()).as("nothing left to inspect").isEqualTo(2);
    }

    @Test
    void nameClashWithForeignContainerIsAClearError() throws Exception {
        Processes.Result made = Processes.run(List.of("docker", "create", "--name", FOREIGN, "--network", "none", "mlc-ng/node:latest"),
                Duration.ofSeconds(30));
        assertThat(made.ok()).as(made.stderr()).isTrue();
        Path f = file("t8.yaml", "name: " + LAB8 + "\nnodes: [n1, n2]\nlinks: [{a: n1, b: n2}]\n");
        CliRunner.Outcome r = CliRunner.run("deploy", f.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("container name " + FOREIGN + " is taken by a container that is not part of lab " + LAB8);
        assertThat(Processes.run(List.of("docker", "ps", "-aq", "--filter", "label=mlc-ng.lab=" + LAB8), Duration.ofSeconds(10)).stdout()).isBlank();
    }

    @Test
    void unreachableDockerIsExit3() throws Exception {
        Path f = file("t9.yaml", "name: " + LAB9 + "\nnodes: [a, b]\nlinks: [{a: a, b: b}]\n");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "net.mlcng.cli.Main", "deploy", f.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("DOCKER_HOST", "unix://" + dir.resolve("no-such.sock"));
        pb.environment().put("MLCNG_STATE_DIR", dir.resolve("state").toString());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isEqualTo(3);
        assertThat(out).contains("no Docker engine answers");
    }
}
