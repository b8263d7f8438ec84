package net.mlcng.scenario;

import java.util.Map;
import net.mlcng.topology.Topology;

/**
 * What the scenario runner needs from the lab engine: deploying a lab, and the host facts for the
 * results. The lab engine
 * implements it; tests use a scripted in-memory double. Keeping the runner behind this seam lets
 * its sequencing, failure classification and measurements be tested without Docker.
 */
public interface ScenarioEnvironment {
    /**
     * Deploys {@code topology} as lab {@code labName} with {@code daemon} configured on every node
     * but not yet started, and {@code ip -ts monitor route} already running in every node so that
     * no route event is missed.
     */
    LabSession deploy(String labName, Topology topology, String daemon);

    /** Facts about the host for results.json (kernel, cores, memory, Docker, netem, ...: doctor's findings). */
    Map<String, String> hostFacts();
}
