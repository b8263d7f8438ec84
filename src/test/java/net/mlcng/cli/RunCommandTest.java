package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import net.mlcng.error.ExitCodes;
import net.mlcng.scenario.ScriptedEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `run` end to end through picocli and the CLI's error handling, on the scripted lab double. */
class RunCommandTest {
    record Outcome(int exitCode, String out, String err, ScriptedEnvironment env) {}

    static Outcome run(String... args) {
        ScriptedEnvironment env = new ScriptedEnvironment();
        CommandLine cli = new CommandLine(new RunCommand(() -> env, env.clock));
        cli.setExecutionExceptionHandler(new Main.ErrorReporter());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString(), env);
    }

    static Path scenario(Path dir, String assertLine) throws Exception {
        Path f = dir.resolve("conv.yaml");
        Files.writeString(f, """
                topology: {generate: grid, rows: 2, cols: 2}
                daemon: babeld
                repetitions: 2
                steps:
                  - deploy
                  - start_daemons
                  - wait_converged: {timeout: 20s}
                  - destroy
                """ + assertLine);
        return f;
    }

    @Test
    void writesResultsAndPrintsTheSummary(@TempDir Path dir) throws Exception {
        Outcome o = run(scenario(dir, "  - assert: {metric: convergence_control_s, op: \"<\", bound: 30}\n").toString(),
                "--out", dir.resolve("out").toString(), "--repeat", "3");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("running conv: 3 repetitions", "repetition 1/3: ok", "repetition 3/3: ok",
                "PASS convergence_control_s max < 30", "results: " + dir.resolve("out"));
        assertThat(dir.resolve("out/results.json")).isNotEmptyFile();
        assertThat(dir.resolve("out/metrics.csv")).isNotEmptyFile();
        assertThat(dir.resolve("out/report.html")).isNotEmptyFile();
        assertThat(o.env().deployments).isEqualTo(3);
    }

    @Test
    void oneRepetitionIsSaidInTheSingular(@TempDir Path dir) throws Exception {
        Outcome o = run(scenario(dir, "").toString(), "--out", dir.resolve("out").toString(), "--repeat", "1");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("running conv: 1 repetition of 4 steps, babeld on grid (4 nodes)", "conv: 1 repetition, 0 failed")
                .doesNotContain("1 repetitions");
    }

    @Test
    void aFailingAssertExitsWith4NamingTheBound(@TempDir Path dir) throws Exception {
        Path f = scenario(dir, "  - assert: {metric: convergence_control_s, stat: median, op: \"<\", bound: 0.001}\n");
        Outcome o = run(f.toString(), "--out", dir.resolve("out").toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.ASSERTION_FAILED);
        assertThat(o.err()).contains(f + ":9: assert failed: convergence_control_s median < 0.001: was 1.");
        assertThat(dir.resolve("out/results.json")).as("results are written before failing").isNotEmptyFile();
    }

    @Test
    void anInvalidScenarioExitsWith2BeforeAnythingIsDeployed(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.yaml"), Files.readString(scenario(dir, ""))
                .replace("  - destroy", "  - node: {name: n99, action: stop}\n  - destroy"));
        Outcome o = run(f.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains(f + ":8: node: no node 'n99' in the topology");
        assertThat(o.env().deployments).isZero();
        Outcome badRepeat = run(scenario(dir, "").toString(), "--repeat", "0");
        assertThat(badRepeat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRepeat.err()).contains("--repeat must be from 1");
    }

    @Test
    void checkValidatesWithoutDeploying(@TempDir Path dir) throws Exception {
        Outcome o = run("--check", scenario(dir, "").toString());
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("OK ", "scenario 'conv', 4 steps, 2 repetitions, babeld on topology 'grid' (4 nodes)");
        assertThat(o.env().deployments).isZero();
    }

    @Test
    void theVerbIsRegistered(@TempDir Path dir) throws Exception {
        CliRunner.Outcome o = CliRunner.run("run", "--check", scenario(dir, "").toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
    }
}
