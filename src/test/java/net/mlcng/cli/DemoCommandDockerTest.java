package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.mlcng.util.Processes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `demo` end to end on the real engine and kernel: one repetition of the shipped 3x3 grid +
 * WireGuard scenario (about 20 s on 2 cores; the default three take about a minute).
 */
@Tag("docker")
class DemoCommandDockerTest {
    /** The shipped scenario is named demo, so its only repetition runs as lab demo-r1 (ScenarioRunner.labPrefix). */
    private static final String LAB = "demo-r1";

    record Figure(double min, double median, double p95, double max, int n) {}

    @TempDir
    Path dir;

    @Test
    void printsMeasuredFiguresWritesResultsWhereItSaysAndLeavesNoLab() throws Exception {
        assertThat(containers()).as("a demo lab already runs on this engine; its containers could not be told from this run's").isBlank();
        Path out = dir.resolve("demo-out");
        try {
            CliRunner.Outcome o = CliRunner.run("demo", "--repeat", "1", "--out", out.toString());
            assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
            assertThat(o.out()).containsPattern("demo: (babeld|bmx7) on a 3x3 grid, 1 repetition \\(0 failed\\)")
                    .contains("labs: every demo lab was destroyed");

            Figure control = figure(o.out(), "route convergence, control plane");
            Figure data = figure(o.out(), "route convergence, data plane");
            Figure handshake = figure(o.out(), "first WireGuard handshake");
            Figure tunnelPing = figure(o.out(), "first ping reply through the tunnel");
            assertThat(control.min()).as("control-plane convergence, s").isPositive().isLessThan(120);
            assertThat(data.min()).as("data-plane convergence, s").isPositive().isLessThan(120);
            assertThat(control.n()).isEqualTo(1);
            // The four corners in a full mesh: six tunnels.
            assertThat(handshake.n()).isEqualTo(6);
            assertThat(tunnelPing.n()).isEqualTo(6);
            assertThat(handshake.min()).isNotNegative().isLessThan(60);
            assertThat(tunnelPing.min()).isPositive().isLessThan(60);

            Path report = Path.of(line(o.out(), "^report: (\\S+)$"));
            Path results = Path.of(line(o.out(), "^results: (\\S+) \\(report: "));
            assertThat(report).isEqualTo(out.resolve("report.html").toAbsolutePath());
            assertThat(results).isEqualTo(out);
            assertThat(Files.readString(report)).contains("<title>mlc-ng: demo", "9 nodes, 12 links");
            assertThat(Files.readAllLines(results.resolve("metrics.csv"))).first().asString().startsWith("metric,repetition,");
            assertThat(Files.readAllLines(results.resolve("metrics.csv"))).anyMatch(l -> l.startsWith("convergence_control_s,1,"));
            JsonNode json = new ObjectMapper().readTree(results.resolve("results.json").toFile());
            assertThat(json.at("/repetitions/total").asInt()).isEqualTo(1);
            assertThat(json.at("/repetitions/failed").asInt()).isZero();
            // What it printed is what it wrote (printed with 3 decimals).
            assertThat(json.at("/metrics/convergence_control_s/statistics/median").asDouble()).isCloseTo(control.median(), within(0.0006));
            assertThat(json.at("/metrics/tunnel_ping_s/statistics/max").asDouble()).isCloseTo(tunnelPing.max(), within(0.0006));

            assertThat(containers()).as("containers of the demo lab after the demo").isBlank();
        } finally {
            CliRunner.run("destroy", LAB);
        }
    }

    private static String containers() {
        return Processes.run(List.of("docker", "ps", "-a", "--format", "{{.Names}}", "--filter", "label=mlc-ng.lab=" + LAB),
                Duration.ofSeconds(30)).stdout();
    }

    /** The demo's figure line whose description contains {@code what}: "min A  median B  p95 C  max D  (n=N)". */
    private static Figure figure(String out, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what) + ".* min (\\S+)  median (\\S+)  p95 (\\S+)  max (\\S+)  \\(n=(\\d+)\\)$",
                Pattern.MULTILINE).matcher(out);
        assertThat(m.find()).as("a figure line for '%s' in:%n%s", what, out).isTrue();
        Figure f = new Figure(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Integer.parseInt(m.group(5)));
        assertThat(List.of(f.min(), f.median(), f.p95(), f.max())).as(what).isSorted();
        return f;
    }

    private static String line(String out, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(out);
        assertThat(m.find()).as("a line matching %s in:%n%s", regex, out).isTrue();
        return m.group(1);
    }
}
