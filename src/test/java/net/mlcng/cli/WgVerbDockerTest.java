package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import net.mlcng.error.ExitCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wg LAB up|show|down` on a real 3-node line: tunnels ride over babeld's routes; inspect JSON shows wg show data. */
@Tag("docker")
class WgVerbDockerTest {
    private static final String LAB = "int-wgverb";

    @AfterAll
    static void destroy() {
        CliRunner.run("destroy", LAB);
    }

    @Test
    void usageErrorsComeBeforeTheEngineIsTouched() {
        CliRunner.Outcome pairs = CliRunner.run("wg", "nolab", "up", "--mode", "pairs", "--nodes", "n1,n2,n3");
        assertThat(pairs.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(pairs.err()).contains("--mode pairs needs an even --nodes list");
        CliRunner.Outcome mode = CliRunner.run("wg", "nolab", "up", "--mode", "star");
        assertThat(mode.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(mode.err()).contains("expected full-mesh, hub or pairs");
    }

    @Test
    void tunnelsBetweenTheEndsOfALineAppearInInspectAndGoAway(@TempDir Path dir) throws Exception {
        Path topo = dir.resolve("t.yaml");
        Files.writeString(topo, "name: " + LAB + "\nnodes: {n1: {daemon: babeld}, n2: {daemon: babeld}, n3: {daemon: babeld}}\n"
                + "links: [{a: n1, b: n2}, {a: n2, b: n3}]\n");
        assertThat(CliRunner.run("deploy", topo.toString()).exitCode()).isZero();
        // The endpoints are the nodes' loopback addresses: wait until babeld routes n1 <-> n3.
        String n3 = inspect().path("nodes").get(2).path("addresses").get(0).asText().replaceFirst("/128$", "");
        CliRunner.Outcome routed = null;
        for (int i = 0; i < 60; i++) {
            routed = CliRunner.run("exec", LAB, "n1", "--", "ping", "-c", "1", "-W", "1", n3);
            if (routed.exitCode() == 0) break;
            Thread.sleep(1000);
        }
        assertThat(routed.exitCode()).as("n1 reaches n3 over the mesh: %s", routed.out()).isZero();

        CliRunner.Outcome up = CliRunner.run("wg", LAB, "up", "--mode", "pairs", "--nodes", "n1,n3");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("2 nodes with tunnels");
        String n3Tunnel = inspect().path("wireguard").path("nodes").get(1).path("address").asText();
        CliRunner.Outcome ping = CliRunner.run("exec", LAB, "n1", "--", "ping", "-c", "3", "-i", "0.2", "-W", "5", n3Tunnel);
        assertThat(ping.exitCode()).as("n1 pings n3 over the tunnel: %s", ping.out()).isZero();

        JsonNode wg = inspect().path("wireguard");
        assertThat(wg.path("network").asText()).endsWith("::/64");
        assertThat(wg.path("nodes")).hasSize(2).allSatisfy(n -> {
            assertThat(n.path("error").isNull()).isTrue();
            assertThat(n.path("peers")).singleElement().satisfies(p -> {
                assertThat(p.path("latestHandshake").asLong()).isPositive();
                assertThat(p.path("rxBytes").asLong()).isPositive();
            });
        });
        assertThat(CliRunner.run("wg", LAB, "show").out()).contains("-> n3", "-> n1", "handshake");

        assertThat(CliRunner.run("wg", LAB, "down").out()).contains("tunnels removed from 2 nodes");
        assertThat(inspect().path("wireguard").isNull()).isTrue();
        assertThat(CliRunner.run("exec", LAB, "n1", "--", "ip", "link", "show", "wg0").exitCode()).isNotZero();
    }

    private static JsonNode inspect() throws Exception {
        CliRunner.Outcome o = CliRunner.run("inspect", LAB, "--format", "json");
        assertThat(o.exitCode()).as(o.err()).isZero();
        return new ObjectMapper().readTree(o.out()).path("labs").get(0);
    }
}
