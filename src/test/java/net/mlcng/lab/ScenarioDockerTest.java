package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.mlcng.cli.CliRunner;
import net.mlcng.doctor.HostFacts;
import net.mlcng.error.ExitCodes;
import net.mlcng.image.NodeImages;
import net.mlcng.report.ReportScreenshot;
import net.mlcng.report.ResultsWriter;
import net.mlcng.scenario.HostProbe;
import net.mlcng.scenario.RunResult;
import net.mlcng.scenario.RunResult.MetricValue;
import net.mlcng.scenario.Scenario;
import net.mlcng.scenario.ScenarioClock;
import net.mlcng.scenario.ScenarioLoader;
import net.mlcng.scenario.ScenarioRunner;
import net.mlcng.scenario.measure.RouteEvent;
import net.mlcng.scenario.measure.RouteMonitorParser;
import net.mlcng.topology.Topology;
import net.mlcng.topology.TopologyLoader;
import net.mlcng.util.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped babeld scenarios run end to end on the real engine (one repetition each, to keep
 * CI short), with the results' shape and sanity checked; a failing assert makes the CLI exit 4;
 * the route-event timestamps are checked against an independent clock (a packet capture); and a
 * real run's report renders in headless Chromium. Labs are named int-*, and destroyed by the
 * runner, or here when a test dies half-way.
 */
@Tag("docker")
class ScenarioDockerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LABS = new LinkedHashSet<>();

    @TempDir
    static Path state;

    static Labs labs;

    @BeforeAll
    static void open() {
        labs = new Labs(state);
    }

    @AfterAll
    static void cleanUp() {
        try {
            for (String lab : LABS) labs.engine.destroy(lab);
        } finally {
            labs.close();
        }
    }

    /** A shipped scenario, renamed (lab names int-NAME-r1) and cut to one repetition. */
    private static RunResult runShipped(String file, String name) {
        Scenario shipped = new ScenarioLoader().load(Path.of("scenarios", file));
        Scenario s = new Scenario(name, shipped.file(), shipped.topology(), shipped.daemon(), 1, shipped.steps());
        LABS.add(name + "-r1");
        RunResult r = new ScenarioRunner(new LabScenarioEnvironment(labs.engine, () -> HostFacts.collect(NodeImages.DEFAULT_TAG)),
                ScenarioClock.SYSTEM, HostProbe.PROC, System.out::println).run(s);
        assertThat(r.repetitions()).hasSize(1);
        assertThat(r.repetitions().get(0).ok()).as("repetition: %s", r.repetitions().get(0).message()).isTrue();
        assertThat(labs.engine.labs()).doesNotContain(name + "-r1");
        return r;
    }

    private static List<MetricValue> values(RunResult r, String metric) {
        return r.values().stream().filter(v -> v.metric().equals(metric)).toList();
    }

    @Test
    void demoScenarioConvergesTheGridAndEveryCornerReachesEveryOtherOverItsTunnel(@TempDir Path out) throws Exception {
        RunResult r = runShipped("demo.yaml", "int-demo");

        List<MetricValue> control = values(r, "convergence_control_s");
        assertThat(control).hasSize(1);
        assertThat(control.get(0).value()).isPositive().isLessThan(120);
        List<MetricValue> perNode = values(r, "convergence_node_s");
        assertThat(perNode).extracting(MetricValue::subject).containsExactlyInAnyOrder("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9");
        assertThat(perNode).allSatisfy(v -> assertThat(v.value()).isPositive().isLessThanOrEqualTo(control.get(0).value()));
        assertThat(values(r, "convergence_data_s")).singleElement().satisfies(v -> assertThat(v.value()).isPositive().isLessThan(120));

        // Four corners in a full mesh: 6 tunnels, each measured once (config applied -> first reply / handshake).
        assertThat(values(r, "tunnel_ping_s")).hasSize(6).allSatisfy(v -> assertThat(v.value()).isPositive().isLessThan(60));
        assertThat(values(r, "tunnel_handshake_s")).hasSize(6).allSatisfy(v -> assertThat(v.value()).isBetween(0.0, 60.0));
        // Every corner pings every other corner over its tunnel address: 12 ordered pairs, nothing lost.
        List<MetricValue> loss = values(r, "ping_loss_percent");
        assertThat(loss).extracting(MetricValue::subject).hasSize(12).doesNotHaveDuplicates();
        assertThat(loss).allSatisfy(v -> assertThat(v.value()).isZero());
        assertThat(values(r, "ping_rtt_ms")).hasSize(36).allSatisfy(v -> assertThat(v.value()).isPositive());
        assertThat(r.failedAsserts()).isEmpty();

        ResultsWriter.write(r, out);
        JsonNode json = JSON.readTree(out.resolve(ResultsWriter.RESULTS_JSON).toFile());
        assertThat(json.path("daemon").asText()).isEqualTo("babeld");
        assertThat(json.path("topology").path("nodes").asInt()).isEqualTo(9);
        assertThat(json.path("host").path("kernel").asText()).isNotBlank();
        assertThat(json.path("host").path("docker").asText()).startsWith("ok");
        assertThat(json.path("repetitions").path("failed").asInt()).isZero();
        assertThat(json.path("metrics").path("tunnel_ping_s").path("statistics").path("p95").asDouble()).isPositive();
        assertThat(json.path("asserts")).hasSize(2).allSatisfy(a -> assertThat(a.path("passed").asBoolean()).isTrue());
        assertThat(Files.readString(out.resolve(ResultsWriter.METRICS_CSV))).contains("tunnel_ping_s", "convergence_control_s");
        ReportScreenshot.assertRendered(out);
    }

    @Test
    void gridConvergenceScenarioMeasuresHopsOverheadAndResources() {
        RunResult r = runShipped("grid-3x3-convergence.yaml", "int-grid");
        assertThat(values(r, "convergence_control_s")).singleElement().satisfies(v -> assertThat(v.value()).isPositive().isLessThan(60));
        // Not bounded by the grid's longest loop-free path (8): while babeld settles, routes change under a
        // traceroute, whose probes then add up to a longer path (9 seen here). 16 is traceroute's -m.
        assertThat(values(r, "hops")).hasSize(72).allSatisfy(v -> assertThat(v.value()).isBetween(1.0, 16.0));
        assertThat(values(r, "unrouted_pairs")).singleElement().satisfies(v -> assertThat(v.value()).isZero());
        assertThat(values(r, "overhead_packets_per_s")).hasSize(9).allSatisfy(v -> assertThat(v.value()).isPositive());
        assertThat(values(r, "cpu_percent")).hasSize(9).allSatisfy(v -> assertThat(v.value()).isPositive());
        assertThat(values(r, "memory_bytes")).hasSize(9).allSatisfy(v -> assertThat(v.value()).isPositive());
        assertThat(values(r, "ping_loss_percent")).hasSize(72).allSatisfy(v -> assertThat(v.value()).isZero());
        assertThat(r.failedAsserts()).as("the shipped scenario's own asserts").isEmpty();
    }

    @Test
    void ringLinkFailureScenarioMeasuresTheOutageAndRecovery() {
        RunResult r = runShipped("ring-link-failure.yaml", "int-ring");
        MetricValue outage = values(r, "outage_s").get(0);
        // The link is down for 40 s; babel must reroute the long way round before it comes back.
        assertThat(outage.value()).isPositive().isLessThan(40);
        assertThat(values(r, "outage_lost_packets")).singleElement().satisfies(v -> assertThat(v.value()).isPositive());
        assertThat(values(r, "relink_control_s")).singleElement().satisfies(v -> assertThat(v.value()).isBetween(0.0, 60.0));
        assertThat(r.outageTraces()).hasSize(1);
        assertThat(r.failedAsserts()).isEmpty();
    }

    @Test
    void aFailingAssertMakesRunExit4NamingTheBound(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("int-assert.yaml");
        Files.writeString(file, """
                name: int-assert
                topology: {generate: line, nodes: 2}
                daemon: babeld
                steps:
                  - deploy
                  - start_daemons
                  - wait_converged: {timeout: 90s, ping_sample: 1}
                  - destroy
                  - assert: {metric: convergence_control_s, stat: max, op: "<", bound: 0.001}
                """);
        LABS.add("int-assert-r1");
        CliRunner.Outcome o = CliRunner.run("run", file.toString(), "--out", dir.resolve("out").toString());
        assertThat(o.exitCode()).as(o.out() + o.err()).isEqualTo(ExitCodes.ASSERTION_FAILED);
        assertThat(o.out()).contains("repetition 1/1: ok", "FAIL convergence_control_s max < 0.001");
        assertThat(o.err()).contains(file + ":9: assert failed: convergence_control_s max < 0.001");
        assertThat(dir.resolve("out/results.json")).isNotEmptyFile();
    }

    /**
     * The resolution of the route-event timestamps against an independent clock. In node n1 a
     * route to an unused address is added and, at once, a packet is sent towards it (ping: the
     * neighbour solicitation for that address is the first packet out). tcpdump (the kernel's
     * packet timestamps) dates the packet; the lab's route monitor dates the route event. The two
     * must agree within 100 ms, five times over; a coarse poll of the tables could not.
     */
    @Test
    void routeEventTimestampsAgreeWithAPacketCaptureWithin100Ms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("int-clock.yaml");
        Files.writeString(file, """
                name: int-clock
                nodes: {n1: {daemon: babeld}, n2: {daemon: babeld}}
                links: [{a: n1, b: n2}]
                """);
        Topology t = TopologyLoader.load(file);
        LABS.add("int-clock");
        LabScenarioSession lab = LabScenarioSession.deploy(labs.engine, t);
        try {
            // tcpdump drops to its own user, which needs CAP_SETUID/SETGID the nodes do not have: it runs
            // in a sidecar container that joins n1's network namespace (same interfaces, same packets).
            Processes.Result sidecar = Processes.run(List.of("docker", "run", "-d", "--name", CAPTURE,
                    "--network", "container:" + new LabNames("int-clock").container("n1"),
                    "--cap-add", "NET_RAW", "--cap-add", "SETUID", "--cap-add", "SETGID", NodeImages.DEFAULT_TAG,
                    "tcpdump", "-tt", "-n", "-l", "-Q", "out", "-i", "en2", "icmp6"), Duration.ofSeconds(60));
            assertThat(sidecar.exitCode()).as(sidecar.stderr()).isZero();
            for (int i = 0; i < 100 && !dockerLogs().contains("listening on en2"); i++) Thread.sleep(100);
            assertThat(dockerLogs()).as("tcpdump started").contains("listening on en2");

            var n1 = labs.engine.runningNodes("int-clock").get("n1");
            List<String> targets = List.of("fd99::11", "fd99::12", "fd99::13", "fd99::14", "fd99::15");
            for (String target : targets) {
                n1.exec(List.of("sh", "-c", "ip -6 route add " + target + "/128 dev en2 && ping -c 1 -W 1 " + target), Duration.ofSeconds(20));
                Thread.sleep(300);
            }
            Thread.sleep(1000);
            List<RouteEvent> events = RouteMonitorParser.parse("n1", lab.routeMonitorOutput().get("n1"), lab.nodeClockZone());
            String packets = dockerLogs();
            for (String target : targets) {
                Instant event = events.stream().filter(e -> !e.deleted() && e.destination().equals(target))
                        .map(RouteEvent::at).findFirst().orElse(null);
                assertThat(event).as("route event for %s in:%n%s", target, lab.routeMonitorOutput().get("n1")).isNotNull();
                Instant packet = packets.lines().filter(l -> l.contains(target + ",") || l.contains(target + " "))
                        .map(ScenarioDockerTest::captureTime).findFirst().orElse(null);
                assertThat(packet).as("a packet towards %s in the capture:%n%s", target, packets).isNotNull();
                Duration gap = Duration.between(event, packet);
                System.out.printf("route to %s: event %s, first packet %s, packet - event = %d us%n", target, event, packet, gap.toNanos() / 1000);
                assertThat(gap.abs()).as("route event vs packet capture for %s", target).isLessThanOrEqualTo(Duration.ofMillis(100));
            }
        } finally {
            Processes.run(List.of("docker", "rm", "-f", CAPTURE), Duration.ofSeconds(60));
            lab.destroy();
        }
    }

    /** tcpdump -tt's leading epoch timestamp, e.g. {@code 1795579171.123456}. */
    private static Instant captureTime(String line) {
        String[] sec = line.trim().split("\\s+")[0].split("\\.");
        return Instant.ofEpochSecond(Long.parseLong(sec[0]), Long.parseLong((sec[1] + "000000000").substring(0, 9)));
    }

    private static final String CAPTURE = "mlcng-int-clock-capture";

    private static String dockerLogs() {
        Processes.Result r = Processes.run(List.of("docker", "logs", CAPTURE), Duration.ofSeconds(30));
        return r.stdout() + r.stderr();
    }
}
