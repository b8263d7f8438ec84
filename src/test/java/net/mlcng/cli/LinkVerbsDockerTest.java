package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.mlcng.hostnet.KernelProbe;
import net.mlcng.lab.LabNames;
import net.mlcng.lab.TestTopologies;
import net.mlcng.util.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link and chaos verbs end to end through the CLI, on a lab with impairments from its file. */
@Tag("docker")
class LinkVerbsDockerTest {
    static final String LAB = TestTopologies.lab("links-cli");
    static final String LAB_D = TestTopologies.lab("links-cli-d");
    static final String TOPOLOGY = """
            name: %s
            defaults: {daemon: none}
            nodes: [a, b, c]
            links:
              - {a: a, b: b, a_to_b: {loss: 20%%, rate: 1mbit}}
            media:
              - name: air
                members: [a, b, c]
                pairs:
                  - {a: a, b: c, loss: 10%%, rate: 5mbit}
            """.formatted(LAB);

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        CliRunner.run("destroy", LAB);
        CliRunner.run("destroy", LAB_D);
    }

    private Path file(String name, String yaml) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    private static CliRunner.Outcome ok(String... args) {
        CliRunner.Outcome r = CliRunner.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    private static JsonNode inspectLink() throws Exception {
        return new ObjectMapper().readTree(ok("inspect", LAB, "--format", "json").out()).get("labs").get(0).get("links").get(0);
    }

    @Test
    void changeShowDownUpDynamicsAndChaosThenDestroyLeavesNothing() throws Exception {
        ok("deploy", file("links.yaml", TOPOLOGY).toString());

        String show = ok("link", LAB, "a", "b", "--show").out();
        assertThat(show).contains("link a-b (point-to-point): up")
                .contains("a->b  set: loss 20%, rate 1mbit")
                .contains("kernel at a:eb: loss 20% (nft numgen").contains("tbf rate 1mbit")
                .contains("b->a  set: -").contains("kernel at b:ea: clean");
        assertThat(ok("link", LAB, "c", "a", "--show").out()).as("medium pair from the file")
                .contains("link a-c on air: up").contains("loss 100/1000, htb rate 5mbit on port");

        // --direction is relative to the order given: "b a --direction a-b" is b->a.
        String changed = ok("link", LAB, "b", "a", "--loss", "5", "--direction", "a-b").out();
        assertThat(changed).contains("link a-b changed (applied in").contains("b->a  set: loss 5%").contains("a->b  set: loss 20%, rate 1mbit");
        assertThat(inspectLink().get("properties").get("b->a").get("lossPercent").asDouble()).isEqualTo(5.0);

        ok("link", LAB, "a", "b", "--down");
        assertThat(inspectLink().get("up").asBoolean()).isFalse();
        assertThat(ok("link", LAB, "a", "b", "--show").out()).contains("DOWN").contains("drop all (nft");
        ok("link", LAB, "a", "b", "--up");
        assertThat(inspectLink().get("up").asBoolean()).isTrue();

        List<String> flap = ok("link", LAB, "a", "b", "--flap", "300ms", "--times", "2").out().lines().toList();
        assertThat(flap).hasSize(4);
        assertThat(flap.get(0)).matches("\\+\\d+\\.\\d{3}s a-b down \\(applied in \\d+ ms\\)");
        assertThat(flap.get(3)).contains("a-b up");

        ok("link", LAB, "a", "b", "--loss-sequence", "10,40", "--step", "200ms", "--direction", "b-a");
        assertThat(ok("link", LAB, "a", "b", "--show").out()).contains("b->a  set: loss 40%").contains("loss 40% (nft numgen");

        String plan = ok("chaos", LAB, "--seed", "7", "--fail-rate", "60", "--down-time", "300ms", "--duration", "3s", "--dry-run").out();
        assertThat(ok("chaos", LAB, "--seed", "7", "--fail-rate", "60", "--down-time", "300ms", "--duration", "3s", "--dry-run").out())
                .as("same seed, same plan").isEqualTo(plan);
        CliRunner.Outcome chaos = ok("chaos", LAB, "--seed", "7", "--fail-rate", "60", "--down-time", "300ms", "--duration", "3s");
        assertThat(chaos.out().lines().filter(l -> l.startsWith("+")).map(l -> l.replaceAll("^\\+\\S+ | \\(applied.*$", "")).toList())
                .as("the run plays the plan").isEqualTo(plan.lines().filter(l -> l.startsWith("+")).map(l -> l.replaceAll("^\\+\\S+ ", "")).toList());
        JsonNode lab = new ObjectMapper().readTree(ok("inspect", LAB, "--format", "json").out()).get("labs").get(0);
        assertThat(lab.get("links").get(0).get("up").asBoolean()).as("chaos leaves every link up").isTrue();
        assertThat(lab.get("media").get(0).get("pairs").toString()).doesNotContain("(down)");

        String hostPrefix = new LabNames(LAB).hostPrefix();
        assertThat(sh("tc qdisc show")).as("htb of the medium pair on the host port").contains("htb 1: dev " + hostPrefix);
        ok("destroy", LAB);
        assertThat(sh("tc qdisc show")).doesNotContain(hostPrefix);
        assertThat(sh("nft list tables")).doesNotContain(new LabNames(LAB).nftTable());
        assertThat(sh("ip netns list")).doesNotContain("mlcng." + LAB + ".");
        assertThat(sh("docker ps -aq --filter label=mlc-ng.lab=" + LAB)).isBlank();
    }

    @Test
    void badRequestsAreUsageErrorsAndDelayWithoutNetemIsExit3() throws Exception {
        ok("deploy", file("links.yaml", TOPOLOGY).toString());
        assertThat(CliRunner.run("link", LAB, "a", "b").exitCode()).as("no action").isEqualTo(2);
        CliRunner.Outcome noNode = CliRunner.run("link", LAB, "a", "x", "--show");
        assertThat(noNode.exitCode()).isEqualTo(2);
        assertThat(noNode.err()).contains("no node x");
        CliRunner.Outcome noLink = CliRunner.run("link", LAB, "b", "c", "--down");
        assertThat(noLink.exitCode()).isEqualTo(2);
        assertThat(noLink.err()).contains("no link between b and c").contains("a-b, a-c on air");
        assertThat(CliRunner.run("link", LAB, "a", "b", "--loss", "130").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("link", LAB, "a", "b", "--loss", "3", "--direction", "sideways").exitCode()).isEqualTo(2);
        CliRunner.Outcome mediumDelay = CliRunner.run("link", LAB, "a", "c", "--delay", "5ms");
        assertThat(mediumDelay.exitCode()).isEqualTo(2);
        assertThat(mediumDelay.err()).contains("shared-medium pairs support loss, rate and down, not delay");

        assumeFalse(KernelProbe.facts().netem().present(), "this kernel has netem: the refusal path does not apply");
        String before = inspectLink().toString();
        CliRunner.Outcome delay = CliRunner.run("link", LAB, "a", "b", "--delay", "10ms");
        assertThat(delay.exitCode()).isEqualTo(3);
        assertThat(delay.err()).contains("CONFIG_NET_SCH_NETEM").contains("fix:");
        assertThat(inspectLink().toString()).as("nothing changed").isEqualTo(before);

        CliRunner.Outcome deploy = CliRunner.run("deploy", file("d.yaml", """
                name: %s
                defaults: {daemon: none}
                nodes: [a, b]
                links:
                  - {a: a, b: b, delay: 5ms}
                """.formatted(LAB_D)).toString());
        assertThat(deploy.exitCode()).isEqualTo(3);
        assertThat(deploy.err()).contains("sch_netem");
        assertThat(sh("docker ps -aq --filter label=mlc-ng.lab=" + LAB_D)).as("nothing created").isBlank();
    }

    private static String sh(String command) {
        Processes.Result r = Processes.run(List.of("sh", "-c", command), Duration.ofSeconds(30));
        assertThat(r.ok()).as(command + ": " + r.stderr()).isTrue();
        return r.stdout();
    }
}
