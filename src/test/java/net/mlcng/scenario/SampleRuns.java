package net.mlcng.scenario;

import java.nio.file.Path;
import java.util.Set;

/** Runs realistic scenarios on the scripted test double, for tests of what consumes a RunResult. */
public final class SampleRuns {
    private SampleRuns() {}

    /**
     * A 3x3 grid, 6 repetitions (the 3rd crashes a daemon): convergence, a WireGuard full mesh of the
     * corners, a link failure with a background ping, and two asserts of which the second fails.
     */
    public static RunResult gridWithEverything() {
        ScriptedEnvironment env = new ScriptedEnvironment();
        env.troubles.put(3, ScriptedEnvironment.Trouble.CRASH);
        Scenario s = new ScenarioLoader(Set.of("babeld")).parse("""
                name: sample-grid
                topology: {generate: grid, rows: 3, cols: 3}
                daemon: babeld
                repetitions: 6
                steps:
                  - deploy
                  - start_daemons
                  - wait_converged: {timeout: 30s}
                  - wireguard_up: {mode: full-mesh, nodes: [n1, n3, n7, n9]}
                  - ping: {from: n1, to: n9, count: 80, interval: 100ms, background: true}
                  - wait: {duration: 2s}
                  - link: {a: n1, b: n2, state: down}
                  - wait: {duration: 5s}
                  - measure: {what: outage}
                  - measure: {what: overhead}
                  - assert: {metric: convergence_control_s, stat: p95, op: "<", bound: 60}
                  - assert: {metric: outage_s, stat: max, op: "<", bound: 1}
                  - destroy
                """, Path.of("sample-grid.yaml"));
        return new ScenarioRunner(env, env.clock, new ScriptedEnvironment.HostStub(), line -> { }).run(s);
    }
}
