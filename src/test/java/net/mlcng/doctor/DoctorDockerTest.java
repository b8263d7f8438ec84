package net.mlcng.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import net.mlcng.cli.CliRunner;
import net.mlcng.util.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * `doctor --format json` against the real engine and kernel. It does not assume what this
 * machine has: each probed status must agree with the same operation done independently here.
 */
@Tag("docker")
class DoctorDockerTest {
    private static final String NS = "mlcng-envtest-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
    private static CliRunner.Outcome outcome;
    private static JsonNode report;
    private static final Map<String, JsonNode> checks = new HashMap<>();

    @BeforeAll
    static void runDoctorAndMakeOwnNamespace() throws Exception {
        outcome = CliRunner.run("doctor", "--format", "json");
        report = new ObjectMapper().readTree(outcome.out());
        report.get("checks").forEach(c -> checks.put(c.get("name").asText(), c));
        assertThat(run("ip", "netns", "add", NS).ok()).isTrue();
        assertThat(run("ip", "-n", NS, "link", "add", "t0", "type", "veth", "peer", "name", "t1").ok()).isTrue();
    }

    @AfterAll
    static void deleteOwnNamespace() {
        run("ip", "netns", "delete", NS);
    }

    @Test
    void reportHasEveryCheckInTheDocumentedShape() {
        assertThat(report.get("ok").isBoolean()).isTrue();
        assertThat(checks).containsOnlyKeys("docker", "oci-runtime", "privileges", "veth", "bridge", "nftables", "nftables-netdev-egress",
                "nftables-bridge", "tc-tbf", "tc-htb", "netem", "tun", "wireguard", "node-image", "bmx7");
        // Host setup (run before the suite) registered crun: labs on this host get it.
        assertThat(checks.get("oci-runtime").get("status").asText()).isEqualTo("ok");
        assertThat(checks.get("oci-runtime").get("detail").asText()).startsWith("crun");
        for (JsonNode c : report.get("checks")) {
            assertThat(c.get("status").asText()).isIn("ok", "missing", "degraded");
            assertThat(c.get("required").isBoolean()).isTrue();
            assertThat(c.get("detail").asText()).isNotBlank();
            // A fix exactly when something is not ok.
            assertThat(c.has("fix")).as(c.toString()).isEqualTo(!c.get("status").asText().equals("ok"));
        }
    }

    @Test
    void exitCodeIsThreeExactlyWhenARequiredCheckIsMissing() {
        boolean blocked = false;
        for (JsonNode c : report.get("checks")) {
            blocked |= c.get("required").asBoolean() && c.get("status").asText().equals("missing");
        }
        assertThat(report.get("ok").asBoolean()).isEqualTo(!blocked);
        assertThat(outcome.exitCode()).isEqualTo(blocked ? 3 : 0);
    }

    @Test
    void dockerCheckReportsTheEngineTheDockerCliSees() {
        Processes.Result api = run("docker", "version", "--format", "{{.Server.APIVersion}}");
        assertThat(api.ok()).as(api.stderr()).isTrue();
        assertThat(checks.get("docker").get("status").asText()).isEqualTo("ok");
        assertThat(checks.get("docker").get("detail").asText()).contains("API " + api.stdout().strip());
    }

    @Test
    void netemStatusAgreesWithAddingANetemQdiscHere() {
        boolean works = inNs("tc", "qdisc", "replace", "dev", "t0", "root", "netem", "delay", "5ms").ok();
        JsonNode netem = checks.get("netem");
        assertThat(netem.get("status").asText()).isEqualTo(works ? "ok" : "degraded");
        if (!works) assertThat(netem.get("detail").asText()).contains("delay/jitter unavailable");
    }

    @Test
    void wireguardStatusAgreesWithAddingAWireguardLinkHere() {
        boolean kmod = run("ip", "-n", NS, "link", "add", "wgt", "type", "wireguard").ok();
        JsonNode wg = checks.get("wireguard");
        if (kmod) {
            assertThat(wg.get("status").asText()).isEqualTo("ok");
        } else {
            assertThat(wg.get("detail").asText()).contains("no WireGuard kernel module");
            boolean image = checks.get("node-image").get("status").asText().equals("ok");
            if (image) {
                assertThat(wg.get("status").asText()).isEqualTo("degraded");
                assertThat(wg.get("detail").asText()).contains("wireguard-go fallback");
            }
        }
    }

    @Test
    void kernelChecksAgreeWithDoingTheSameHere() {
        assertStatus("veth", true); // made in @BeforeAll, or that would have failed
        assertStatus("bridge", run("ip", "-n", NS, "link", "add", "tb0", "type", "bridge").ok());
        assertStatus("tc-tbf", inNs("tc", "qdisc", "replace", "dev", "t1", "root", "tbf", "rate", "2mbit", "burst", "16kb",
                "latency", "50ms").ok());
        assertStatus("nftables-bridge", Processes.run(List.of("ip", "netns", "exec", NS, "nft", "-f", "-"),
                "add table bridge t\nadd chain bridge t f { type filter hook forward priority 0; }\n",
                Duration.ofSeconds(10)).ok());
        assertStatus("tun", java.nio.file.Files.exists(java.nio.file.Path.of("/dev/net/tun")));
    }

    private static void assertStatus(String check, boolean works) {
        assertThat(checks.get(check).get("status").asText()).as(check).isEqualTo(works ? "ok" : "missing");
    }

    private static Processes.Result inNs(String... cmd) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", NS));
        full.addAll(List.of(cmd));
        return Processes.run(full, Duration.ofSeconds(10));
    }

    private static Processes.Result run(String... cmd) {
        return Processes.run(List.of(cmd), Duration.ofSeconds(30));
    }
}
