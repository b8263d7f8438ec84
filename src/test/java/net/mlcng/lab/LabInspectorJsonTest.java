package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import net.mlcng.daemon.health.DaemonHealth;
import net.mlcng.daemon.health.ProcessEnd;
import net.mlcng.lab.LabInspector.LabView;
import net.mlcng.lab.LabInspector.NodeView;
import net.mlcng.lab.LabInspector.Report;
import org.junit.jupiter.api.Test;

class LabInspectorJsonTest {
    @Test
    void aCrashedDaemonShowsItsSignalEndTimeCoreAndBacktraceBesideTheExistingFields() throws Exception {
        DaemonHealth crashed = new DaemonHealth("babeld", false, 34, new ProcessEnd(null, "SIGSEGV", Instant.parse("2026-11-25T04:03:47Z")),
                null, "/s/crashes/n2/core.n2.babeld.34", "/s/crashes/n2/core.n2.babeld.34.backtrace.txt", List.of("#0 select"),
                List.of("log line"), List.of());
        Report r = new Report(List.of(new LabView("hl-json", "h",
                List.of(new NodeView("n2", "running", "abc", List.of("fd00::2/128"), crashed, false)), List.of(), List.of(), null)));
        JsonNode n = new ObjectMapper().readTree(LabInspector.toJson(r)).get("labs").get(0).get("nodes").get(0);
        assertThat(n.get("state").asText()).isEqualTo("running");
        assertThat(n.get("daemonRunning").asBoolean()).isFalse();
        JsonNode d = n.get("daemon");
        assertThat(d.get("name").asText()).isEqualTo("babeld");
        assertThat(d.get("running").asBoolean()).isFalse();
        assertThat(d.get("pid").asInt()).isEqualTo(34);
        assertThat(d.get("ended").get("signal").asText()).isEqualTo("SIGSEGV");
        assertThat(d.get("ended").get("exitCode").isNull()).isTrue();
        assertThat(d.get("ended").get("at").asText()).isEqualTo("2026-11-25T04:03:47Z");
        assertThat(d.get("isolated").isNull()).isTrue();
        assertThat(d.get("core").asText()).endsWith("core.n2.babeld.34");
        assertThat(d.get("backtrace").asText()).endsWith(".backtrace.txt");
        assertThat(d.get("crashSite").get(0).asText()).isEqualTo("#0 select");
    }
}
