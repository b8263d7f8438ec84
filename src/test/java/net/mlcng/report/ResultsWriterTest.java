package net.mlcng.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.mlcng.cli.VersionProvider;
import net.mlcng.scenario.RunResult;
import net.mlcng.scenario.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsWriterTest {
    static final RunResult SAMPLE = SampleRuns.gridWithEverything();

    @Test
    void resultsJsonHoldsEverythingWithRawValuesAndStatistics(@TempDir Path dir) throws Exception {
        ResultsWriter.write(SAMPLE, dir);
        JsonNode j = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(j.get("scenario").asText()).isEqualTo("sample-grid");
        assertThat(j.get("mlc_ng_version").asText()).isEqualTo(VersionProvider.version());
        assertThat(j.at("/topology/sha256").asText()).hasSize(64);
        assertThat(j.at("/topology/nodes").asInt()).isEqualTo(9);
        assertThat(j.at("/host/cores").asText()).isEqualTo("2");
        assertThat(j.at("/repetitions/total").asInt()).isEqualTo(6);
        assertThat(j.at("/repetitions/failed").asInt()).isEqualTo(1);
        JsonNode failed = j.at("/repetitions/runs/2");
        assertThat(failed.get("ok").asBoolean()).isFalse();
        assertThat(failed.get("cause").asText()).isEqualTo("daemon_crashed");
        assertThat(failed.get("message").asText()).contains("SIGSEGV");
        JsonNode conv = j.at("/metrics/convergence_control_s");
        assertThat(conv.at("/statistics/count").asInt()).isEqualTo(5);
        // The crashed repetition never converged, so it contributed no value.
        assertThat(conv.get("values")).hasSize(5);
        assertThat(j.at("/metrics/tunnel_ping_s/values")).hasSize(30);
        assertThat(j.at("/metrics/tunnel_ping_s/values/0/subject").asText()).isEqualTo("n1->n3");
        assertThat(j.at("/metrics/failed_repetitions/statistics/max").asDouble()).isEqualTo(1);
        JsonNode asserts = j.get("asserts");
        assertThat(asserts).hasSize(2);
        assertThat(asserts.get(0).get("passed").asBoolean()).isTrue();
        assertThat(asserts.get(1).get("passed").asBoolean()).isFalse();
        assertThat(asserts.get(1).get("message").asText()).isEqualTo("outage_s max < 1: was 1.6");
    }

    @Test
    void metricsCsvHasOneRowPerRawValue(@TempDir Path dir) throws Exception {
        ResultsWriter.write(SAMPLE, dir);
        List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
        assertThat(lines.get(0)).isEqualTo("metric,repetition,subject,value,repetition_failed");
        assertThat(lines).hasSize(SAMPLE.values().size() + 1);
        assertThat(lines).contains("convergence_control_s,1,,1.8,false", "failed_repetitions,0,,1.0,false");
        assertThat(lines).anyMatch(l -> l.startsWith("tunnel_ping_s,1,n1->n3,"));
    }

    @Test
    void summaryNamesEveryMetricAndAssert() {
        String s = ResultsWriter.summary(SAMPLE);
        assertThat(s).contains("sample-grid: 6 repetitions, 1 failed", "convergence_control_s", "PASS convergence_control_s p95 < 60",
                "FAIL outage_s max < 1: was 1.6");
    }

    @Test
    void reportIsOneSelfContainedPage(@TempDir Path dir) throws Exception {
        ResultsWriter.write(SAMPLE, dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "Nodes with a full routing table", "Tunnel setup",
                "Ping replies across the failure", "daemon_crashed");
        assertThat(html).doesNotContain("<script", "<link ", "src=\"http", "href=\"http", "<?xml", "@import");
        // Only the SVG namespace may name a URL.
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://");
    }
}
