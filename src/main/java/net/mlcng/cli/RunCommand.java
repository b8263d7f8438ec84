package net.mlcng.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.mlcng.error.AssertionFailedException;
import net.mlcng.error.OperationFailedException;
import net.mlcng.error.UsageException;
import net.mlcng.doctor.HostFacts;
import net.mlcng.image.NodeImages;
import net.mlcng.lab.LabScenarioEnvironment;
import net.mlcng.lab.Progress;
import net.mlcng.report.ResultsWriter;
import net.mlcng.scenario.HostProbe;
import net.mlcng.scenario.RunResult;
import net.mlcng.scenario.Scenario;
import net.mlcng.scenario.ScenarioClock;
import net.mlcng.scenario.ScenarioEnvironment;
import net.mlcng.scenario.ScenarioLoader;
import net.mlcng.scenario.ScenarioRunner;
import net.mlcng.scenario.TopologySources;
import net.mlcng.topology.Topology;
import net.mlcng.util.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `run SCENARIO [--out DIR] [--repeat N] [--check]`: validate the scenario and its topology (exit 2
 * before anything is deployed), run every repetition with a live line per repetition, write
 * results.json, metrics.csv and report.html, print the summary; exit 4 naming the bound when an
 * assert fails, 1 when every repetition failed.
 */
@Command(name = "run", description = "Run a scenario: deploy, measure, repeat; write results.json, metrics.csv and report.html.")
public class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file (see docs/scenarios.md).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: results/SCENARIO-TIMESTAMP).")
    Path out;

    @Option(names = "--repeat", paramLabel = "N", description = "Repetitions, overriding the scenario's.")
    Integer repeat;

    @Option(names = "--check", description = "Only validate the scenario and its topology; deploy nothing.")
    boolean check;

    @Mixin
    LabOptions lab;

    /** null: the real lab engine (tests pass a scripted double). */
    private final Supplier<ScenarioEnvironment> environments;
    private final ScenarioClock clock;

    public RunCommand() {
        this(null, ScenarioClock.SYSTEM);
    }

    RunCommand(Supplier<ScenarioEnvironment> environments, ScenarioClock clock) {
        this.environments = environments;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        Scenario scenario = repeated(new ScenarioLoader().load(file), repeat);
        Topology topology = TopologySources.load(scenario.topology(), scenario.daemon());
        ScenarioLoader.checkNodes(scenario, topology.nodes().keySet());
        if (check) {
            pw.printf("OK %s: scenario '%s', %s, %s, %s on topology '%s' (%s)%n", file, scenario.name(),
                    Plural.of(scenario.steps().size(), "step"), Plural.of(scenario.repetitions(), "repetition"), scenario.daemon(),
                    topology.name(), Plural.of(topology.nodes().size(), "node"));
            pw.flush();
            return 0;
        }
        Path dir = out != null ? out : defaultOutput(scenario);
        RunResult result;
        if (environments != null) {
            result = execute(scenario, topology, dir, environments.get(), clock, pw);
        } else {
            try (LabOptions.Session s = lab.open(Progress.NONE)) {
                result = executeOnLabs(scenario, topology, dir, s, pw);
            }
        }
        if (!result.failedAsserts().isEmpty()) {
            throw new AssertionFailedException(result.failedAsserts().stream()
                    .map(a -> file + ":" + a.line() + ": assert failed: " + a.message())
                    .collect(Collectors.joining("\n")));
        }
        if (result.failedRepetitions() == result.repetitions().size()) {
            throw new OperationFailedException("every repetition failed; first: " + result.repetitions().get(0).message());
        }
        return 0;
    }

    /** {@code scenario} with --repeat's count when given (checked like the file's repetitions). */
    static Scenario repeated(Scenario scenario, Integer repeat) {
        if (repeat == null) return scenario;
        if (repeat < 1 || repeat > ScenarioLoader.MAX_REPETITIONS) {
            throw new UsageException("--repeat must be from 1 to " + ScenarioLoader.MAX_REPETITIONS + ", got " + repeat);
        }
        return scenario.withRepetitions(repeat);
    }

    static Path defaultOutput(Scenario scenario) {
        return Path.of("results", scenario.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /**
     * {@link #execute} on the lab engine, with doctor's findings as host facts. The runner destroys
     * each repetition's lab itself; if the JVM is interrupted (Ctrl-C) a shutdown hook ends this
     * process's children (route monitors, probes) and destroys the labs of this scenario's repetitions.
     */
    static RunResult executeOnLabs(Scenario scenario, Topology topology, Path dir, LabOptions.Session s, PrintWriter pw) {
        Thread cleanup = new Thread(() -> {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            for (String l : s.engine().labs()) {
                if (l.matches(java.util.regex.Pattern.quote(ScenarioRunner.labPrefix(scenario)) + "\\d+")) s.engine().destroy(l);
            }
        }, "scenario-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return execute(scenario, topology, dir, new LabScenarioEnvironment(s.engine(), () -> HostFacts.collect(NodeImages.DEFAULT_TAG)),
                    ScenarioClock.SYSTEM, pw);
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    /** Runs the repetitions with a live line each, writes results.json, metrics.csv and report.html, prints the summary. */
    static RunResult execute(Scenario scenario, Topology topology, Path dir, ScenarioEnvironment env, ScenarioClock clock, PrintWriter pw) {
        pw.printf("running %s: %s of %s, %s on %s (%s)%n", scenario.name(), Plural.of(scenario.repetitions(), "repetition"),
                Plural.of(scenario.repetitionSteps().size(), "step"), scenario.daemon(), topology.name(), Plural.of(topology.nodes().size(), "node"));
        pw.flush();
        RunResult result = new ScenarioRunner(env, clock, HostProbe.PROC, line -> {
            pw.println(line);
            pw.flush();
        }).run(scenario);
        ResultsWriter.write(result, dir);
        pw.print(ResultsWriter.summary(result));
        pw.printf("results: %s (report: %s)%n", dir, dir.resolve(ResultsWriter.REPORT_HTML));
        pw.flush();
        return result;
    }
}
