package net.mlcng.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.mlcng.daemon.DaemonRegistry;
import net.mlcng.error.InputProblem;
import net.mlcng.error.InvalidInputException;
import net.mlcng.image.NodeImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private List<InputProblem> problemsOf(String yaml) throws IOException {
        Path f = write(yaml);
        try {
            TopologyLoader.load(f);
        } catch (InvalidInputException e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(f.toString()));
            return e.problems();
        }
        throw new AssertionError("expected the file to be rejected:\n" + yaml);
    }

    /** The single problem of {@code yaml}, asserting its line and field. */
    private InputProblem onlyProblem(String yaml, int line, String field) throws IOException {
        List<InputProblem> problems = problemsOf(yaml);
        assertThat(problems).hasSize(1);
        InputProblem p = problems.get(0);
        assertThat(p.line()).as(p.toString()).isEqualTo(line);
        assertThat(p.column()).as(p.toString()).isPositive();
        assertThat(p.field()).as(p.toString()).isEqualTo(field);
        return p;
    }

    @Test
    void loadsNodesLinksDefaultsAndPerDirectionProperties() throws IOException {
        Topology t = TopologyLoader.load(write("""
                name: demo
                defaults:
                  rate: 10mbit
                  delay: 5ms
                  env: {MODE: test}
                nodes:
                  n1: {pos: [0, 1.5]}
                  n2: {image: other:1, daemon_args: [x=1], env: {EXTRA: "2"}}
                  n3:
                links:
                  - {a: n1, b: n2, loss: 10%, jitter: 250us}
                  - {a: n2, b: n3, loss: 0.5, a_to_b: {loss: 20%, rate: 1gbit}}
                """));
        assertThat(t.name()).isEqualTo("demo");
        assertThat(t.nodes().keySet()).containsExactly("n1", "n2", "n3");
        Node n2 = t.node("n2");
        assertThat(n2.daemon()).isEqualTo(NodeDefaults.DEFAULT_DAEMON);
        assertThat(n2.image()).isEqualTo("other:1");
        assertThat(n2.env()).containsEntry("MODE", "test").containsEntry("EXTRA", "2");
        assertThat(n2.daemonArgs()).containsExactly("x=1");
        assertThat(t.node("n1").image()).isEqualTo(NodeImages.DEFAULT_TAG);
        assertThat(t.layout()).containsEntry("n1", new Position(0, 1.5));

        Link first = t.links().get(0);
        LinkProps expected = new LinkProps(10.0, 10_000_000L, Duration.ofMillis(5), Duration.ofNanos(250_000));
        assertThat(first.aToB()).isEqualTo(expected);
        assertThat(first.bToA()).isEqualTo(expected);
        Link second = t.links().get(1);
        assertThat(second.aToB()).isEqualTo(new LinkProps(20.0, 1_000_000_000L, Duration.ofMillis(5), null));
        assertThat(second.bToA()).isEqualTo(new LinkProps(0.5, 10_000_000L, Duration.ofMillis(5), null));
    }

    @Test
    void nodesMayBeAListOfNamesOrMappings() throws IOException {
        Topology t = TopologyLoader.load(write("""
                name: list
                nodes: [a1, {name: b2, image: x}]
                links: [{a: a1, b: b2}]
                """));
        assertThat(t.nodes().keySet()).containsExactly("a1", "b2");
        assertThat(t.node("b2").image()).isEqualTo("x");
        assertThat(t.links().get(0).aToB()).isEqualTo(LinkProps.NONE);
    }

    @Test
    void sharedMediumPairsAreLoaded() throws IOException {
        Topology t = TopologyLoader.load(write("""
                name: air
                nodes: [n1, n2, n3]
                media:
                  - name: wifi
                    members: [n1, n2, n3]
                    pairs:
                      - {a: n1, b: n2, loss: 5%}
                      - {a: n2, b: n3, b_to_a: {loss: 50%}}
                """));
        Medium m = t.media().get(0);
        assertThat(m.members()).containsExactly("n1", "n2", "n3");
        assertThat(m.pairs()).hasSize(2);
        assertThat(m.pairs().get(1).bToA().lossPercent()).isEqualTo(50.0);
        assertThat(TopologyGraph.hopDistances(t).between("n1", "n3")).isEqualTo(2);
    }

    @Test
    void generateBlockReplacesLinksAndNodesOverrideGeneratedNodes() throws IOException {
        Topology t = TopologyLoader.load(write("""
                name: g
                defaults: {loss: 1%}
                generate: {kind: grid, rows: 3, cols: 10}
                nodes:
                  n5: {image: special}
                """));
        assertThat(t.nodes()).hasSize(30);
        assertThat(t.links()).hasSize(47).allSatisfy(l -> assertThat(l.aToB().lossPercent()).isEqualTo(1.0));
        assertThat(t.node("n5").image()).isEqualTo("special");
        assertThat(t.layout()).containsEntry("n12", new Position(1, 1));
    }

    @Test
    void generateBlockProblemsAreLocated() throws IOException {
        assertThat(onlyProblem("name: g\ngenerate: {kind: hypercube}\n", 2, "generate.kind").message())
                .contains("unknown generator 'hypercube'").contains("grid");
        assertThat(onlyProblem("name: g\ngenerate: {kind: grid, rows: three, cols: 3}\n", 2, "generate.rows").message())
                .contains("expected a whole number, found the text 'three'");
        assertThat(onlyProblem("name: g\ngenerate: {kind: grid, rows: 3, cols: 3, depth: 2}\n", 2, "generate.depth")
                        .message())
                .contains("unknown key 'depth'").contains("allowed: kind, rows, cols");
        assertThat(onlyProblem("name: g\ngenerate:\n  kind: grid\n  rows: 0\n  cols: 3\n", 2, "generate").message())
                .contains("parameter 'rows'");
        assertThat(onlyProblem("name: g\ngenerate: {kind: line, nodes: 3}\nlinks: []\n", 3, "links").message())
                .contains("alternatives");
        assertThat(onlyProblem("name: g\ngenerate: {kind: line, nodes: 3}\nnodes:\n  n9: {}\n", 4, "nodes.n9").message())
                .contains("not a node of the generated graph");
    }

    @Test
    void sharedMediumProblemsAreLocated() throws IOException {
        String medium = "name: m\nnodes: [n1, n2, n3]\nmedia:\n  - name: air\n    members: [n1, n2]\n    pairs:\n";
        assertThat(onlyProblem(medium + "      - {a: n1, b: n3}\n", 7, "media[0].pairs[0].b").message())
                .contains("unknown node 'n3'");
        assertThat(onlyProblem(medium + "      - {a: n1, b: n2}\n      - {b: n1, a: n2}\n", 8, "media[0].pairs[1]").message())
                .contains("already joined");
        assertThat(onlyProblem("name: m\nnodes: [n1]\nmedia:\n  - {name: Air, members: [n1]}\n", 4, "media[0].name")
                        .message())
                .contains("invalid medium name");
    }

    @Test
    void unknownKeyNamesTheAllowedKeys() throws IOException {
        InputProblem p = onlyProblem("""
                name: x
                nodes: [n1, n2]
                links:
                  - {a: n1, b: n2, los: 5%}
                """, 4, "links[0].los");
        assertThat(p.message()).contains("unknown key 'los'").contains("allowed: a, b, a_to_b, b_to_a, loss");
        assertThat(onlyProblem("name: x\nnodes: [n1]\nlinkz: []\n", 3, "linkz").message()).contains("allowed: name");
    }

    @Test
    void duplicateYamlKeyIsAnError() throws IOException {
        assertThat(onlyProblem("name: x\nnodes: [n1]\nname: y\n", 3, "name").message())
                .contains("duplicate key").contains("line 1");
    }

    @Test
    void duplicateNodeNames() throws IOException {
        assertThat(onlyProblem("name: x\nnodes: [n1, n2, n1]\n", 2, "nodes.n1").message())
                .contains("duplicate node name");
    }

    @Test
    void linkToUnknownNode() throws IOException {
        assertThat(onlyProblem("name: x\nnodes: [n1]\nlinks:\n  - a: n1\n    b: n9\n", 5, "links[0].b").message())
                .contains("unknown node 'n9'").contains("known: n1");
    }

    @Test
    void selfLoop() throws IOException {
        assertThat(onlyProblem("name: x\nnodes: [n1]\nlinks:\n  - {a: n1, b: n1}\n", 4, "links[0]").message())
                .contains("self-loop");
    }

    @Test
    void duplicateLinkInEitherDirection() throws IOException {
        assertThat(onlyProblem("name: x\nnodes: [n1, n2]\nlinks:\n  - {a: n1, b: n2}\n  - {a: n2, b: n1}\n", 5, "links[1]")
                        .message())
                .contains("already joined at line 4");
    }

    @Test
    void lossOutsideRange() throws IOException {
        assertThat(onlyProblem("name: x\nnodes: [n1, n2]\nlinks:\n  - {a: n1, b: n2, loss: 120%}\n", 4, "links[0].loss")
                        .message())
                .contains("outside 0..100");
        assertThat(onlyProblem("name: x\nnodes: [n1, n2]\nlinks:\n  - {a: n1, b: n2, loss: -1}\n", 4, "links[0].loss")
                        .message())
                .contains("outside 0..100");
    }

    @Test
    void badUnitsSayWhatIsExpected() throws IOException {
        assertThat(onlyProblem("name: x\nnodes: [n1, n2]\nlinks:\n  - {a: n1, b: n2, rate: 10MB}\n", 4, "links[0].rate")
                        .message())
                .contains("expected a rate like").contains("10MB");
        assertThat(onlyProblem("name: x\nnodes: [n1, n2]\nlinks:\n  - {a: n1, b: n2, delay: 5}\n", 4, "links[0].delay")
                        .message())
                .contains("expected a duration like");
        assertThat(onlyProblem("name: x\nnodes: [n1, n2]\nlinks:\n  - {a: n1, b: n2, loss: lots}\n", 4, "links[0].loss")
                        .message())
                .contains("expected a percentage");
        assertThat(onlyProblem("name: x\nnodes: [n1, n2]\ndefaults:\n  jitter: 1h\n", 4, "defaults.jitter").message())
                .contains("expected a duration");
    }

    @Test
    void invalidNodeNamesSayWhichRule() throws IOException {
        assertThat(onlyProblem("name: x\nnodes: [abcdefghijklmno]\n", 2, "nodes.abcdefghijklmno").message())
                .contains("15 characters long, at most 14");
        assertThat(onlyProblem("name: x\nnodes: [-n1]\n", 2, "nodes.-n1").message()).contains("must start with");
        assertThat(onlyProblem("name: x\nnodes: [N1]\n", 2, "nodes.N1").message()).contains("must start with");
        assertThat(onlyProblem("name: x\nnodes: [n_1]\n", 2, "nodes.n_1").message()).contains("contains '_'");
    }

    @Test
    void unknownDaemonListsTheKnownOnes() throws IOException {
        InputProblem p = onlyProblem("name: x\nnodes:\n  n1: {daemon: nosuchd}\n", 3, "nodes.n1.daemon");
        assertThat(p.message()).contains("unknown daemon 'nosuchd'").contains(NodeDefaults.DEFAULT_DAEMON);
        for (String known : DaemonRegistry.names()) assertThat(p.message()).contains(known);
    }

    @Test
    void allProblemsAreReportedTogetherInLineOrder() throws IOException {
        List<InputProblem> problems = problemsOf("""
                name: Bad_Name
                nodes: [n1, n2]
                links:
                  - {a: n1, b: n3}
                  - {a: n2, b: n2, rate: fast}
                """);
        assertThat(problems).extracting(InputProblem::line).containsExactly(1, 4, 5);
    }

    @Test
    void aFloodOfProblemsIsCutShort() throws IOException {
        List<InputProblem> problems = problemsOf("name: x\nnodes: [" + "n1, ".repeat(1000) + "]\n");
        assertThat(problems).hasSize(TopologyLoader.MAX_REPORTED + 1);
        assertThat(problems.get(TopologyLoader.MAX_REPORTED).message()).isEqualTo("... and 899 more problems");
    }

    @Test
    void structuralErrorsAreLocated() throws IOException {
        assertThat(onlyProblem("name: x\nnodes: 5\n", 2, "nodes").message()).contains("found the number 5");
        assertThat(problemsOf("- just\n- a list\n").get(0).message()).contains("expected a mapping");
        assertThat(problemsOf("").get(0).message()).contains("no YAML document");
        assertThat(problemsOf("name: [unclosed\n").get(0).message()).startsWith("not valid YAML");
    }

    @Test
    void knownDaemonsAreTheRegisteredDriversAndNone() {
        java.util.Set<String> expected = new java.util.TreeSet<>(DaemonRegistry.names());
        expected.add(DaemonRegistry.NONE);
        // The default daemon is not special-cased: it must be a registered driver.
        assertThat(TopologyLoader.knownDaemons()).isEqualTo(expected).contains(NodeDefaults.DEFAULT_DAEMON);
    }

    @Test
    void oversizedFileIsRefusedBeforeParsing() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (var out = Files.newOutputStream(big)) {
            byte[] line = "# padding padding padding padding padding padding padding padding\n".getBytes();
            for (long written = 0; written <= LocatedYaml.MAX_FILE_BYTES; written += line.length) out.write(line);
        }
        assertThatThrownBy(() -> TopologyLoader.load(big))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("limited to");
    }
}
