package net.mlcng.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.mlcng.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped in scenarios/ loads, its topology resolves and every node it names exists. */
class ShippedScenariosTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Path repo() {
        return Path.of(System.getProperty("mlcng.repo", "."));
    }

    static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(repo().resolve("docs/scenario.schema.json")));
    }

    static Stream<Path> shipped() throws IOException {
        Path dir = repo().resolve("scenarios");
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

    @ParameterizedTest
    @MethodSource("shipped")
    void matchesTheJsonSchema(Path file) throws IOException {
        assertThat(schema().validate(YAML.readTree(file.toFile()))).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws IOException {
        Schema schema = schema();
        String ok = "topology: t.yaml\ndaemon: babeld\nsteps: [deploy, {wait: {duration: 5s}}, destroy]\n";
        assertThat(schema.validate(YAML.readTree(ok))).isEmpty();
        assertThat(schema.validate(YAML.readTree(ok.replace("5s", "5 minutes")))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(ok.replace("deploy,", "jump,")))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(ok + "colour: blue\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(ok.replace("destroy]", "{link: {a: n1, b: n2}}, destroy]")))).as("link changing nothing").isNotEmpty();
        assertThat(schema.validate(YAML.readTree(ok.replace("destroy]", "{node: {name: N1, action: stop}}, destroy]")))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(ok.replace("destroy]", "{assert: {metric: x, op: '=~', bound: 1}}, destroy]")))).isNotEmpty();
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
