package net.mlcng.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in topologies/ loads, has no warnings, round-trips and matches the published JSON Schema. */
class ShippedTopologiesTest {
    static Path repo() {
        return Path.of(System.getProperty("mlcng.repo", System.getProperty("user.dir")));
    }

    static Stream<Path> shipped() throws IOException {
        try (Stream<Path> files = Files.list(repo().resolve("topologies"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theIssuesExamplesAreShipped() throws IOException {
        assertThat(shipped().map(p -> p.getFileName().toString())).contains(
                "line-5.yaml", "ring-8.yaml", "grid-3x3.yaml", "grid-3x10.yaml", "torus-4x4.yaml",
                "unit-disk-15.yaml", "asymmetric.yaml", "shared-medium.yaml");
        Topology grid = TopologyLoader.load(repo().resolve("topologies/grid-3x10.yaml"));
        assertThat(grid.nodes()).hasSize(30);
        assertThat(grid.links()).hasSize(47);
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void loadsWithoutWarningsAndRoundTrips(Path file) {
        Topology t = TopologyLoader.load(file);
        assertThat(TopologyGraph.warnings(t)).isEmpty();
        assertThat(RoundTrip.reload(t)).isEqualTo(t);
    }

    @Test
    void theExamplesInTheDocsAreValid(@TempDir Path dir) throws IOException {
        String doc = Files.readString(repo().resolve("docs/topology.md"));
        Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int examples = 0;
        while (yaml.find()) {
            Path f = dir.resolve("example-" + examples++ + ".yaml");
            Files.writeString(f, yaml.group(1));
            assertThat(TopologyLoader.load(f).nodes()).isNotEmpty();
        }
        assertThat(examples).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void matchesTheJsonSchema(Path file) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(repo().resolve("docs/topology.schema.json")));
        JsonNode yaml = new YAMLMapper().readTree(file.toFile());
        List<Error> errors = schema.validate(yaml);
        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(repo().resolve("docs/topology.schema.json")));
        ObjectMapper yaml = new YAMLMapper();
        assertThat(schema.validate(yaml.readTree("name: x\nnodes: [n1]\nlinkz: []\n"))).isNotEmpty();
        assertThat(schema.validate(yaml.readTree("name: x\nnodes: [N1]\n"))).isNotEmpty();
        assertThat(schema.validate(yaml.readTree("name: x\nnodes: [n1, n2]\nlinks: [{a: n1, b: n2, rate: 10MB}]\n")))
                .isNotEmpty();
        assertThat(schema.validate(yaml.readTree("name: x\nnodes: [n1, n2]\nlinks: [{a: n1, b: n2, loss: 120}]\n")))
                .isNotEmpty();
        assertThat(schema.validate(yaml.readTree("name: x\nnodes: [n1, n2]\nlinks: [{a: n1, b: n2, loss: 0.5}]\n")))
                .isEmpty();
    }
}
