package net.mlcng.scenario;

import net.mlcng.error.EnvironmentException;

/**
 * Where `mlc-ng run` gets its lab environment. MERGE HOOK: the lab engine's ScenarioEnvironment
 * implementation is returned here once the lab branch is merged; until then a run stops with a
 * clear environment error after the scenario validated (nothing is deployed).
 */
public final class ScenarioEnvironments {
    private ScenarioEnvironments() {}

    public static ScenarioEnvironment connect() {
        throw new EnvironmentException("this build has no lab engine wired to scenarios: the scenario is valid, but nothing can be deployed",
                "use a build that includes the lab engine (net.mlcng.lab); `mlc-ng run --check SCENARIO` validates without deploying");
    }
}
