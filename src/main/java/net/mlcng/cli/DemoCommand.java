package net.mlcng.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import net.mlcng.error.OperationFailedException;
import net.mlcng.host.HostSetup;
import net.mlcng.image.NodeImageBuilder;
import net.mlcng.image.NodeImages;
import net.mlcng.lab.Progress;
import net.mlcng.runtime.DockerClients;
import net.mlcng.runtime.DockerImages;
import net.mlcng.scenario.RunResult;
import net.mlcng.scenario.Scenario;
import net.mlcng.scenario.ScenarioLoader;
import net.mlcng.scenario.ScenarioRunner;
import net.mlcng.scenario.TopologySources;
import net.mlcng.scenario.measure.Summary;
import net.mlcng.topology.Topology;
import net.mlcng.util.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `mlc-ng demo`: from a fresh machine to measured numbers. Sets up the host and builds the node
 * image when missing (the same code as `host setup` and `image build`), runs the shipped grid
 * convergence + WireGuard scenario with bmx7 when the image has it (else babeld, and says so),
 * prints convergence and tunnel setup figures and where the report is. Every repetition's lab is
 * destroyed by the runner, also when it fails; an interrupt (Ctrl-C) destroys the one running.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Set up what is missing (host packages, dockerd, node image), run the grid convergence + WireGuard"
                + " tunnel scenario, print the numbers and where the report is, and clean up."})
public class DemoCommand implements Callable<Integer> {
    static final String SCENARIO_RESOURCE = "demo.yaml";

    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions lab;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: results/demo-TIMESTAMP).")
    Path out;

    @Option(names = "--repeat", paramLabel = "N", description = "Repetitions (default: the scenario's, 3).")
    Integer repeat;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        // Parsed first, so that a bad --repeat is a usage error before the host is touched.
        Scenario shipped = RunCommand.repeated(new ScenarioLoader().parse(shippedScenario(), Path.of("scenarios", SCENARIO_RESOURCE)), repeat);
        step(pw, "host: checking packages and the Docker engine");
        HostSetup.Outcome host = HostSetup.run(line -> step(pw, "host: " + line));
        step(pw, "host: ready (" + host.engine() + ")");

        DockerImages images = new DockerImages(DockerClients.connect());
        if (!images.exists(NodeImages.DEFAULT_TAG)) {
            step(pw, "image: " + NodeImages.DEFAULT_TAG + " missing, building it (a few minutes the first time)");
            NodeImageBuilder.Result r = new NodeImageBuilder(images).build(
                    new NodeImageBuilder.Request(NodeImages.DEFAULT_TAG, Optional.empty(), false),
                    line -> {
                        if (line.startsWith("Step ") || line.startsWith("base:")) step(pw, "image: " + line);
                    });
            step(pw, String.format(Locale.ROOT, "image: built in %.0f s", r.took().toMillis() / 1000.0));
        }
        boolean bmx7 = images.inspect(NodeImages.DEFAULT_TAG)
                .map(i -> "true".equals(i.labels().get(NodeImages.BMX7_LABEL))).orElse(false);
        String daemon = bmx7 ? "bmx7" : "babeld";
        step(pw, bmx7 ? "daemon: bmx7 (found in the node image)"
                : "daemon: babeld (the node image has no bmx7; add yours with ./mlc-ng image build --bmx7 PATH)");

        Scenario scenario = new Scenario(shipped.name(), shipped.file(), shipped.topology(), daemon, shipped.repetitions(), shipped.steps());
        Topology topology = TopologySources.load(scenario.topology(), daemon);
        Path dir = out != null ? out : RunCommand.defaultOutput(scenario);

        RunResult result;
        List<String> leftLabs;
        try (LabOptions.Session s = lab.open(Progress.NONE)) {
            result = RunCommand.executeOnLabs(scenario, topology, dir, s, pw);
            String prefix = ScenarioRunner.labPrefix(scenario);
            leftLabs = s.engine().labs().stream().filter(l -> l.startsWith(prefix)).toList();
        }
        printFigures(pw, result, daemon, dir, leftLabs);
        if (result.failedRepetitions() == result.repetitions().size()) {
            throw new OperationFailedException("every demo repetition failed; first: " + result.repetitions().get(0).message()
                    + " (details: " + dir.resolve("results.json") + ")");
        }
        return result.failedAsserts().isEmpty() ? 0 : net.mlcng.error.ExitCodes.ASSERTION_FAILED;
    }

    static void printFigures(PrintWriter pw, RunResult r, String daemon, Path dir, List<String> leftLabs) {
        pw.println();
        pw.printf("demo: %s on a 3x3 grid, %s (%d failed)%n", daemon, Plural.of(r.repetitions().size(), "repetition"), r.failedRepetitions());
        figure(pw, r, "convergence_control_s", "route convergence, control plane (every node has a route to all others)");
        figure(pw, r, "convergence_data_s", "route convergence, data plane (sampled end-to-end pings answered)");
        figure(pw, r, "tunnel_handshake_s", "tunnel setup: config applied -> first WireGuard handshake (wg: 1 s steps)");
        figure(pw, r, "tunnel_ping_s", "tunnel setup: config applied -> first ping reply through the tunnel");
        figure(pw, r, "ping_loss_percent", "corner-to-corner pings over the tunnels, loss %");
        r.warnings().forEach(w -> pw.println("  warning: " + w));
        pw.printf("report: %s%n", dir.resolve("report.html").toAbsolutePath());
        // Found on the host afterwards, not assumed: the runner's destroy may have failed.
        pw.println(leftLabs.isEmpty() ? "labs: every demo lab was destroyed"
                : "labs: still on this host: " + String.join(", ", leftLabs) + " (remove with ./mlc-ng destroy LAB)");
        pw.flush();
    }

    private static void figure(PrintWriter pw, RunResult r, String metric, String what) {
        Summary s = r.statistics().get(metric);
        if (s == null) {
            pw.printf("  %-78s no values%n", what);
            return;
        }
        pw.printf(Locale.ROOT, "  %-78s min %.3f  median %.3f  p95 %.3f  max %.3f  (n=%d)%n", what, s.min(), s.median(), s.p95(), s.max(), s.count());
    }

    private static void step(PrintWriter pw, String line) {
        pw.println(line);
        pw.flush();
    }

    static String shippedScenario() {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SCENARIO_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the demo scenario is missing from the jar (" + SCENARIO_RESOURCE + ")");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
