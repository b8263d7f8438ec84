package net.mlcng.lab;

import java.util.Map;
import java.util.function.Supplier;
import net.mlcng.error.EnvironmentException;
import net.mlcng.scenario.LabSession;
import net.mlcng.scenario.ScenarioEnvironment;
import net.mlcng.topology.Topology;

/**
 * The scenario runner's environment on the real lab engine: each deploy is a lab of its own,
 * with a route monitor in every node started before any daemon, see {@link LabScenarioSession}.
 */
public final class LabScenarioEnvironment implements ScenarioEnvironment {
    private final LabEngine engine;
    private final Supplier<Map<String, String>> hostFacts;

    /** {@code hostFacts}: asked once per run, for results.json (doctor's findings). */
    public LabScenarioEnvironment(LabEngine engine, Supplier<Map<String, String>> hostFacts) {
        this.engine = engine;
        this.hostFacts = hostFacts;
    }

    @Override
    public LabSession deploy(String labName, Topology topology, String daemon) {
        // A leftover lab of this name would be reconciled, not measured from scratch: refuse instead.
        if (engine.labs().contains(labName)) {
            throw new EnvironmentException("lab " + labName + " exists already (a run still going, or one that was killed)",
                    "remove it: ./mlc-ng destroy " + labName);
        }
        Topology t = new Topology(labName, topology.nodes(), topology.links(), topology.media(), topology.layout());
        return LabScenarioSession.deploy(engine, t);
    }

    @Override
    public Map<String, String> hostFacts() {
        return hostFacts.get();
    }
}
