package net.mlcng.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.mlcng.error.EnvironmentException;
import net.mlcng.error.InvalidInputException;
import net.mlcng.scenario.RunResult.FailureCause;
import net.mlcng.scenario.RunResult.MetricValue;
import net.mlcng.topology.Topology;
import org.junit.jupiter.api.Test;

/** The runner's sequencing, failure classification and measurements, against the scripted test double. */
class ScenarioRunnerTest {
    final List<String> progress = new ArrayList<>();

    static Scenario scenario(String yaml) {
        return new ScenarioLoader(Set.of("babeld", "bmx7")).parse(yaml, Path.of("test.yaml"));
    }

    RunResult run(ScriptedEnvironment env, String yaml) {
        return new ScenarioRunner(env, env.clock, new ScriptedEnvironment.HostStub(), progress::add).run(scenario(yaml));
    }

    static List<Double> values(RunResult r, String metric) {
        return r.values().stream().filter(v -> v.metric().equals(metric)).map(MetricValue::value).toList();
    }

    static final String CONVERGE = """
            topology: {generate: line, nodes: 4, closed: true}
            daemon: babeld
            repetitions: 3
            steps:
              - deploy
              - start_daemons
              - wait_converged: {timeout: 30s, ping_sample: 4}
              - assert: {metric: convergence_control_s, stat: max, op: "<", bound: 30}
              - destroy
            """;

    @Test
    void convergenceIsMeasuredFromRouteEventsInEveryRepetition() {
        ScriptedEnvironment env = new ScriptedEnvironment();
        RunResult r = run(env, CONVERGE);
        assertThat(r.repetitions()).hasSize(3).allMatch(RunResult.Repetition::ok);
        // Nodes are scripted full at 1.0, 1.1, 1.2 and 1.3 s after start_daemons.
        assertThat(values(r, "convergence_control_s")).containsExactly(1.3, 1.3, 1.3);
        assertThat(values(r, "convergence_node_s")).hasSize(12).contains(1.0, 1.1, 1.2, 1.3);
        // Data plane: the sampled pings answer on the first 100 ms probe at or after both ends converged.
        assertThat(values(r, "convergence_data_s")).hasSize(3).allSatisfy(v -> assertThat(v).isBetween(1.1, 1.31));
        assertThat(r.statistics().get("convergence_control_s").count()).isEqualTo(3);
        assertThat(r.asserts()).singleElement().satisfies(a -> assertThat(a.passed()).isTrue());
        assertThat(r.convergenceTraces()).hasSize(3);
        assertThat(r.convergenceTraces().get(0).timeline()).extracting(t -> t.nodesFull()).containsExactly(0, 1, 2, 3, 4);
        assertThat(r.topologyHash()).hasSize(64);
        assertThat(progress).hasSize(3).allMatch(p -> p.contains(": ok"));
    }

    @Test
    void stepsRunInOrderAndEachRepetitionGetsItsOwnLab() {
        ScriptedEnvironment env = new ScriptedEnvironment();
        run(env, CONVERGE.replace("repetitions: 3", "repetitions: 2"));
        List<String> lifecycle = env.calls.stream().filter(c -> !c.startsWith("ping")).toList();
        assertThat(lifecycle).containsExactly("deploy test-r1 4 nodes babeld", "startDaemons", "destroy",
                "deploy test-r2 4 nodes babeld", "startDaemons", "destroy");
    }

    @Test
    void failedRepetitionsAreClassifiedCountedAndKeptOutOfStatistics() {
        ScriptedEnvironment env = new ScriptedEnvironment();
        env.troubles.put(2, ScriptedEnvironment.Trouble.CRASH);
        env.troubles.put(4, ScriptedEnvironment.Trouble.ISOLATE);
        RunResult r = run(env, CONVERGE.replace("repetitions: 3", "repetitions: 5"));
        assertThat(r.repetitions()).extracting(RunResult.Repetition::ok).containsExactly(true, false, true, false, true);
        RunResult.Repetition crash = r.repetitions().get(1);
        assertThat(crash.cause()).isEqualTo(FailureCause.DAEMON_CRASHED);
        assertThat(crash.message()).contains("n1", "SIGSEGV", "assertion failed");
        assertThat(crash.line()).isEqualTo(7);
        RunResult.Repetition isolated = r.repetitions().get(3);
        assertThat(isolated.cause()).isEqualTo(FailureCause.NODE_ISOLATED);
        assertThat(isolated.message()).contains("node n1", "reaches none of the other 3");
        assertThat(r.failedRepetitions()).isEqualTo(2);
        assertThat(values(r, "failed_repetitions")).containsExactly(2.0);
        assertThat(r.statistics().get("convergence_control_s").count()).isEqualTo(3);
        assertThat(env.destroys).as("every deployed lab is destroyed, failed or not").isEqualTo(5);
        // A failed repetition is not a timing: it waited the whole timeout.
        assertThat(crash.seconds()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void anAssertThatDoesNotHoldNamesItsBoundAndValue() {
        ScriptedEnvironment env = new ScriptedEnvironment();
        RunResult r = run(env, CONVERGE.replace("bound: 30", "bound: 0.5") + """
                  - assert: {metric: no_such_metric, op: "<", bound: 1}
                  - assert: {metric: failed_repetitions, op: "==", bound: 0}
                """);
        assertThat(r.asserts()).extracting(RunResult.AssertOutcome::passed).containsExactly(false, false, true);
        assertThat(r.failedAsserts().get(0).message()).isEqualTo("convergence_control_s max < 0.5: was 1.3");
        assertThat(r.failedAsserts().get(0).line()).isEqualTo(8);
        assertThat(r.failedAsserts().get(1).message()).contains("no values", "convergence_control_s");
    }

    @Test
    void outageAcrossALinkFailureAndWithdrawalAfterANodeStops() {
        ScriptedEnvironment env = new ScriptedEnvironment();
        RunResult r = run(env, """
                topology: {generate: line, nodes: 5, closed: true}
                daemon: babeld
                steps:
                  - deploy
                  - start_daemons
                  - wait_converged: {timeout: 20s}
                  - ping: {from: n1, to: n3, count: 100, interval: 100ms, background: true}
                  - wait: {duration: 2s}
                  - link: {a: n1, b: n2, state: down}
                  - wait: {duration: 5s}
                  - link: {a: n1, b: n2, state: up}
                  - measure: {what: outage}
                  - node: {name: n4, action: stop}
                  - wait: {duration: 5s}
                  - measure: {what: withdrawal}
                  - destroy
                """);
        assertThat(r.repetitions().get(0).message()).isNull();
        // Scripted: 1.5 s without replies from the link-down instant; probes every 100 ms.
        assertThat(values(r, "outage_lost_packets")).containsExactly(15.0);
        assertThat(values(r, "outage_s").get(0)).isCloseTo(1.6, within(1e-6));
        assertThat(r.outageTraces()).singleElement().satisfies(t -> {
            assertThat(t.eventSeconds()).isCloseTo(2.0, within(1e-9));
            assertThat(t.replySeconds()).hasSize(85);
        });
        assertThat(values(r, "withdrawal_s")).containsExactly(2.5);
        assertThat(values(r, "withdrawal_node_s")).hasSize(4);
        assertThat(env.calls).contains("link n1 n2 DOWN", "link n1 n2 UP", "node n4 STOP");
    }

    @Test
    void tunnelSetupPerPairOfAFullMesh() {
        ScriptedEnvironment env = new ScriptedEnvironment();
        RunResult r = run(env, """
                topology: {generate: line, nodes: 6, closed: true}
                daemon: babeld
                steps:
                  - deploy
                  - start_daemons
                  - wait_converged: {timeout: 20s, ping_sample: 0}
                  - wireguard_up: {mode: full-mesh, nodes: [n1, n2, n4, n5]}
                  - ping: {pairs: [[n1, n5], [n2, n4]], count: 3, interval: 200ms, over: tunnel}
                  - destroy
                """);
        assertThat(r.repetitions().get(0).ok()).isTrue();
        assertThat(values(r, "tunnel_ping_s")).hasSize(6).allSatisfy(v -> assertThat(v).isCloseTo(1.3, within(0.001)));
        assertThat(values(r, "tunnel_handshake_s")).hasSize(6).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.3));
        assertThat(values(r, "ping_loss_percent")).containsExactly(0.0, 0.0);
        assertThat(values(r, "convergence_data_s")).as("no ping sample asked").isEmpty();
        assertThat(env.calls).anyMatch(c -> c.startsWith("ping n1 fd77::"));
    }

    @Test
    void hopsOverheadResourcesAndTraffic() {
        ScriptedEnvironment env = new ScriptedEnvironment();
        RunResult r = run(env, """
                topology: {generate: line, nodes: 4, closed: true}
                daemon: babeld
                steps:
                  - deploy
                  - start_daemons
                  - wait_converged: {timeout: 20s, ping_sample: 0}
                  - wait: {duration: 10s}
                  - measure: {what: hops}
                  - measure: {what: overhead}
                  - measure: {what: resources}
                  - traffic: {from: n1, to: n3, duration: 5s}
                  - destroy
                """);
        assertThat(values(r, "stretch")).hasSize(12).contains(2.0).filteredOn(v -> v == 1.0).hasSize(11);
        assertThat(values(r, "overhead_bytes_per_s")).hasSize(4).allSatisfy(v -> assertThat(v).isCloseTo(200, within(0.1)));
        assertThat(values(r, "cpu_percent")).allSatisfy(v -> assertThat(v).isCloseTo(5, within(0.01)));
        assertThat(values(r, "throughput_bps")).containsExactly(9.5e6);
    }

    @Test
    void unknownNodesFailBeforeAnythingIsDeployed() {
        ScriptedEnvironment env = new ScriptedEnvironment();
        String yaml = CONVERGE.replace("  - destroy", "  - node: {name: n9, action: stop}\n  - destroy");
        assertThatThrownBy(() -> run(env, yaml)).isInstanceOf(InvalidInputException.class)
                .hasMessage("test.yaml:9: node: no node 'n9' in the topology (nodes: n1, n2, n3, n4)");
        assertThat(env.deployments).isZero();
    }

    @Test
    void aBrokenEnvironmentStopsTheRunInsteadOfFailingEveryRepetition() {
        ScriptedEnvironment env = new ScriptedEnvironment() {
            @Override
            public LabSession deploy(String labName, Topology t, String daemon) {
                throw new EnvironmentException("Docker engine not running", "start dockerd");
            }
        };
        assertThatThrownBy(() -> run(env, CONVERGE)).isInstanceOf(EnvironmentException.class);
    }
}
