package net.mlcng.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import net.mlcng.error.InputProblem;
import net.mlcng.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    final ScenarioLoader loader = new ScenarioLoader(Set.of("babeld", "bmx7"));

    Scenario parse(String yaml) {
        return loader.parse(yaml, Path.of("s.yaml"));
    }

    InvalidInputException invalid(String yaml) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class, () -> parse(yaml));
    }

    @Test
    void everyStepKind() {
        Scenario s = parse("""
                name: all-steps
                topology: {generate: grid, rows: 2, cols: 3}
                daemon: bmx7
                repetitions: 4
                steps:
                  - deploy
                  - start_daemons
                  - wait_converged: {timeout: 60s, ping_sample: 3, metric: startup}
                  - wireguard_up: {mode: hub, nodes: [n1, n2, n3]}
                  - ping: {pairs: [[n1, n6], [n6, n1]], count: 10, interval: 100ms, over: tunnel}
                  - ping: {from: n1, to: n6, count: 300, interval: 100ms, background: true}
                  - link: {a: n2, b: n5, loss: 30%, rate: 2mbit, direction: a-to-b}
                  - link: {a: n2, b: n5, state: down}
                  - node: {name: n3, action: restart}
                  - wait: {duration: 1500ms}
                  - traffic: {from: n1, to: n6, duration: 5s}
                  - measure: {what: outage}
                  - assert: {metric: startup_control_s, stat: p95, op: "<=", bound: 20.5}
                  - destroy
                """);
        assertThat(s.name()).isEqualTo("all-steps");
        assertThat(s.daemon()).isEqualTo("bmx7");
        assertThat(s.repetitions()).isEqualTo(4);
        assertThat(s.topology().generator()).isEqualTo("grid");
        assertThat(s.topology().parameters()).containsEntry("rows", 2).containsEntry("cols", 3);
        assertThat(s.steps()).hasSize(14);
        assertThat(s.steps().get(2)).isEqualTo(new Step.WaitConverged(Duration.ofSeconds(60), 3, "startup", 8));
        assertThat(s.steps().get(3)).isEqualTo(new Step.WireguardUp(Step.TunnelMode.HUB, java.util.List.of("n1", "n2", "n3"), Duration.ofSeconds(30), 9));
        Step.Ping tunnel = (Step.Ping) s.steps().get(4);
        assertThat(tunnel.pairs()).containsExactly(new Step.NodePair("n1", "n6"), new Step.NodePair("n6", "n1"));
        assertThat(tunnel.over()).isEqualTo(Step.Over.TUNNEL);
        assertThat(((Step.Ping) s.steps().get(5)).background()).isTrue();
        assertThat(s.steps().get(6)).isEqualTo(new Step.Link("n2", "n5", 30.0, 2_000_000L, null, null, Step.Direction.A_TO_B, 12));
        assertThat(((Step.Link) s.steps().get(7)).state()).isEqualTo(Step.LinkState.DOWN);
        assertThat(s.steps().get(8)).isEqualTo(new Step.Node("n3", Step.NodeAction.RESTART, 14));
        assertThat(s.steps().get(9)).isEqualTo(new Step.Wait(Duration.ofMillis(1500), 15));
        assertThat(s.asserts()).singleElement().isEqualTo(new Step.Assert("startup_control_s", Step.Stat.P95, Step.Op.LE, 20.5, 18));
        assertThat(s.repetitionSteps()).hasSize(13);
    }

    @Test
    void defaultsAndNameFromFile() {
        Scenario s = loader.parse("""
                topology: {generate: full-mesh, nodes: 3}
                daemon: babeld
                steps: [deploy, start_daemons, {wait_converged: {timeout: 5s}}, {ping: {pairs: all}}, destroy]
                """, Path.of("dir/my-test.yaml"));
        assertThat(s.name()).isEqualTo("my-test");
        assertThat(s.repetitions()).isEqualTo(1);
        Step.Ping p = (Step.Ping) s.steps().get(3);
        assertThat(p.allPairs()).isTrue();
        assertThat(p.count()).isEqualTo(5);
        assertThat(p.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.over()).isEqualTo(Step.Over.MESH);
        assertThat(((Step.WaitConverged) s.steps().get(2)).metric()).isEqualTo("convergence");
    }

    @Test
    void topologyFileIsRelativeToTheScenario(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("topologies"));
        Files.writeString(dir.resolve("topologies/t.yaml"), "name: t\nnodes: {a: {}, b: {}}\nlinks: [{a: a, b: b}]\n");
        Files.createDirectories(dir.resolve("scenarios"));
        Path file = dir.resolve("scenarios/s.yaml");
        Files.writeString(file, "topology: ../topologies/t.yaml\ndaemon: babeld\nsteps: [deploy, destroy]\n");
        Scenario s = loader.load(file);
        assertThat(s.topology().file()).isEqualTo(dir.resolve("topologies/t.yaml"));
        assertThat(TopologySources.load(s.topology(), s.daemon()).nodes()).containsOnlyKeys("a", "b");
    }

    @Test
    void everyProblemIsReportedWithLineColumnAndField() {
        InvalidInputException e = invalid("""
                topology: {generate: grid, rows: three, cols: 3}
                daemon: olsrd
                repetitions: 0
                colour: blue
                steps:
                  - deploy
                  - wait_converged: {timeout: soon}
                  - ping: {from: n1, to: N2, interval: 1ms}
                  - link: {a: n1, b: n1, loss: 130%}
                  - node: {name: n3, action: reboot}
                  - jump: {height: 3}
                  - assert: {metric: x, op: "=~", bound: fast}
                """);
        assertThat(e.problems()).extracting(InputProblem::toString).containsExactly(
                "s.yaml:1:34: topology.rows: must be a whole number, got 'three'",
                "s.yaml:2:9: daemon: unknown daemon 'olsrd'; known daemons: babeld, bmx7",
                "s.yaml:3:14: repetitions: must be a whole number from 1 to 10000, got '0'",
                "s.yaml:4:1: colour: unknown field (known: daemon, description, name, repetitions, steps, topology)",
                "s.yaml:7: wait_converged: needs running daemons: put start_daemons before it",
                "s.yaml:7:31: steps[1].wait_converged.timeout: must be a positive duration: a duration like 250us, 5ms or 1s, got 'soon'",
                "s.yaml:8:26: steps[2].ping.to: " + net.mlcng.topology.Names.nodeNameProblem("N2"),
                "s.yaml:8:40: steps[2].ping.interval: must be at least 2ms (ping's floor for root)",
                "s.yaml:9:22: steps[3].link.b: a link joins two different nodes",
                "s.yaml:9:32: steps[3].link.loss: must be a percentage 0..100 like 10% or 0.5 (a bare number is percent), got '130%'",
                "s.yaml:10:30: steps[4].node.action: must be one of stop, start, restart, got 'reboot'",
                "s.yaml:11:5: steps[5]: unknown step 'jump'; steps: deploy, start_daemons, wait_converged, wireguard_up, ping, link, node, wait, traffic, measure, assert, destroy",
                "s.yaml:12: steps: the lab is never destroyed: end with a destroy step",
                "s.yaml:12:29: steps[6].assert.op: must be one of <, <=, >, >=, ==",
                "s.yaml:12:42: steps[6].assert.bound: must be a number in the metric's unit (e.g. 30 for seconds), got 'fast'");
    }

    @Test
    void malformedYamlIsLocated() {
        InvalidInputException e = invalid("steps: [deploy\ndaemon: babeld\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.message()).startsWith("not valid YAML");
        });
        assertThat(invalid("steps: []\nsteps: [deploy]\n").getMessage()).contains("s.yaml:2:1: steps: duplicate key");
        assertThat(invalid("- deploy\n").getMessage()).contains("a scenario is a mapping");
    }

    @Test
    void stepOrderIsChecked() {
        InvalidInputException e = invalid("""
                topology: {generate: line, nodes: 2}
                daemon: babeld
                steps:
                  - start_daemons
                  - deploy
                  - deploy
                  - destroy
                  - destroy
                """);
        assertThat(e.problems()).extracting(InputProblem::message).containsExactly(
                "needs a deployed lab: put a deploy step before it",
                "the lab is already deployed (destroy it first)",
                "nothing deployed to destroy");
    }

    @Test
    void generatorProblemsAndMissingTopologyFile() {
        assertThat(invalid("topology: {generate: moebius}\ndaemon: babeld\nsteps: [deploy, destroy]\n").getMessage())
                .contains("s.yaml:1:22: topology.generate: unknown generator 'moebius'; known: line, grid");
        assertThat(invalid("topology: {generate: grid, rows: 3, cols: 3, depth: 2}\ndaemon: babeld\nsteps: [deploy, destroy]\n").getMessage())
                .contains("s.yaml:1:46: topology.depth: unknown field");
        assertThat(invalid("topology: {generate: grid, rows: 3}\ndaemon: babeld\nsteps: [deploy, destroy]\n").getMessage())
                .contains("s.yaml:1:11: topology: generator 'grid' needs parameter 'cols'");
        assertThat(invalid("topology: nowhere.yaml\ndaemon: babeld\nsteps: [deploy, destroy]\n").getMessage())
                .contains("s.yaml:1:11: topology: no topology file");
    }

    @Test
    void unknownNodesAreCheckedAgainstTheTopology() {
        Scenario s = parse("""
                topology: {generate: line, nodes: 3}
                daemon: babeld
                steps: [deploy, {link: {a: n1, b: n7, state: down}}, {traffic: {from: x1, to: n2}}, destroy]
                """);
        assertThatThrownBy(() -> ScenarioLoader.checkNodes(s, Set.of("n1", "n2", "n3")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("s.yaml:3: link: no node 'n7' in the topology")
                .hasMessageContaining("s.yaml:3: traffic: no node 'x1' in the topology");
    }
}
