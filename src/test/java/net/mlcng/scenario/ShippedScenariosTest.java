package net.mlcng.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.mlcng.topology.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped in scenarios/ loads, its topology resolves and every node it names exists. */
class ShippedScenariosTest {
    static Stream<Path> shipped() throws IOException {
        Path dir = Path.of(System.getProperty("mlcng.repo", "."), "scenarios");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("grid-3x3-convergence.yaml",
                "grid-5x5-convergence.yaml", "ring-link-failure.yaml", "grid-wireguard-full-mesh.yaml", "node-failure-return.yaml");
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void validatesAgainstItsTopology(Path file) {
        Scenario s = new ScenarioLoader().load(file);
        Topology t = TopologySources.load(s.topology(), s.daemon());
        ScenarioLoader.checkNodes(s, t.nodes().keySet());
        assertThat(s.steps().get(0)).isInstanceOf(Step.Deploy.class);
        assertThat(s.asserts()).isNotEmpty();
        assertThat(t.nodes().size()).isGreaterThanOrEqualTo(8);
    }

    /** The runner drives each shipped scenario end to end on the scripted double: sequencing and metrics, not timings. */
    @ParameterizedTest
    @MethodSource("shipped")
    void runsOnTheScriptedDouble(Path file) {
        ScriptedEnvironment env = new ScriptedEnvironment();
        Scenario s = new ScenarioLoader().load(file).withRepetitions(1);
        RunResult r = new ScenarioRunner(env, env.clock, new ScriptedEnvironment.HostStub(), line -> { }).run(s);
        assertThat(r.repetitions()).singleElement().satisfies(rep -> assertThat(rep.message()).isNull());
        for (Step.Assert a : s.asserts()) assertThat(r.statistics()).as("metric of %s", a.describe()).containsKey(a.metric());
        assertThat(env.destroys).isEqualTo(1);
    }
}
