package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.runtime.ContainerInfo;
import net.mlcng.topology.Topology;
import net.mlcng.wait.Wait;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 3x3 babeld grid on the real engine: reachability, inspect, node restart, destroy leaves nothing. */
@Tag("docker")
class LabEngineDockerTest {
    @RegisterExtension
    static final LabFixture labs = LabFixture.deploying("t1", name -> TestTopologies.grid(name, 3, 3));

    static final String LAB = labs.name();
    final Topology grid = labs.topology();

    @Test
    void everyNodeReachesEveryOtherNodesLoopbackOverBabel() {
        LabNames names = new LabNames(LAB);
        Wait.until(LabAssertions.converged(labs.engine(), grid), Duration.ofSeconds(90), Duration.ofSeconds(1));
        // One exec per node pings all others, so a failure names the pair.
        List<String> failures = new ArrayList<>();
        for (String from : grid.nodes().keySet()) {
            StringBuilder script = new StringBuilder("rc=0; ");
            for (String to : grid.nodes().keySet()) {
                if (to.equals(from)) continue;
                script.append("ping -c1 -W2 ").append(names.loopbackAddress(to)).append(" >/dev/null || { echo ").append(to).append("; rc=1; }; ");
            }
            script.append("exit $rc");
            ExecResult r = labs.engine().exec(LAB, from, List.of("sh", "-c", script.toString()), Duration.ofSeconds(60)).get(from);
            if (!r.ok()) failures.add(from + " cannot reach " + r.stdout().strip().replace('\n', ','));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void inspectJsonReportsNodesAddressesDaemonsAndLinks() throws Exception {
        JsonNode json = new ObjectMapper().readTree(LabInspector.toJson(labs.inspector().inspect(LAB)));
        JsonNode lab = json.get("labs").get(0);
        assertThat(lab.get("name").asText()).isEqualTo(LAB);
        assertThat(lab.get("nodes")).hasSize(9);
        LabNames names = new LabNames(LAB);
        for (JsonNode n : lab.get("nodes")) {
            assertThat(n.get("state").asText()).isEqualTo("running");
            assertThat(n.get("daemon").get("name").asText()).isEqualTo("babeld");
            assertThat(n.get("daemonRunning").asBoolean()).isTrue();
            assertThat(n.get("container").asText()).hasSize(12);
            assertThat(n.get("addresses").get(0).asText()).isEqualTo(names.loopbackAddress(n.get("name").asText()) + "/128");
        }
        assertThat(lab.get("links")).hasSize(12);
        JsonNode first = lab.get("links").get(0);
        assertThat(first.get("a").asText()).isEqualTo("n1");
        assertThat(first.get("b").asText()).isEqualTo("n2");
        assertThat(first.get("interfaces").get(0).asText()).isEqualTo("n1:en2");
        assertThat(first.get("interfaces").get(1).asText()).isEqualTo("n2:en1");
        for (JsonNode l : lab.get("links")) assertThat(l.get("up").asBoolean()).isTrue();
    }

    @Test
    void restartedNodeGetsItsLinksBackAndIsReachableAgain() {
        LabNames names = new LabNames(LAB);
        labs.engine().node(LAB, "n5", LabEngine.NodeAction.STOP);
        ExecResult stopped = labs.engine().exec(LAB, "n1", List.of("ip", "link", "show", "en2"), Duration.ofSeconds(10)).get("n1");
        assertThat(stopped.ok()).isTrue();
        ExecResult peer = labs.engine().exec(LAB, "n2", List.of("ip", "link", "show", "en5"), Duration.ofSeconds(10)).get("n2");
        assertThat(peer.ok()).as("the stopped node's veths are gone").isFalse();

        labs.engine().node(LAB, "n5", LabEngine.NodeAction.START);
        Wait.until(LabAssertions.converged(labs.engine(), grid), Duration.ofSeconds(90), Duration.ofSeconds(1));
        ExecResult ping = labs.engine().exec(LAB, "n1", List.of("ping", "-c1", "-W2", names.loopbackAddress("n5")), Duration.ofSeconds(10)).get("n1");
        assertThat(ping.ok()).as(ping.stdout() + ping.stderr()).isTrue();
    }

    @Test
    void containersCarryTheLabLabelsAndLeastCapabilities() {
        List<ContainerInfo> cs = labs.runtime().list(Map.of(LabNames.LABEL_LAB, LAB));
        assertThat(cs).hasSize(9);
        for (ContainerInfo c : cs) {
            assertThat(c.labels()).containsKeys(LabNames.LABEL_NODE, LabNames.LABEL_RUN, LabNames.LABEL_TOPOLOGY_HASH);
            assertThat(c.name()).isEqualTo("mlcng-" + LAB + "-" + c.label(LabNames.LABEL_NODE));
        }
        ExecResult caps = labs.engine().exec(LAB, "n1", List.of("sh", "-c", "grep CapEff /proc/1/status"), Duration.ofSeconds(10)).get("n1");
        // NET_ADMIN (12), NET_RAW (13), SYS_PTRACE (19) and nothing else.
        assertThat(caps.stdout()).contains(String.format("%016x", (1L << 12) | (1L << 13) | (1L << 19)));
    }
}
