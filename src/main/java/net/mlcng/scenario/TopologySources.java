package net.mlcng.scenario;

import net.mlcng.topology.LinkProps;
import net.mlcng.topology.NodeDefaults;
import net.mlcng.topology.Topology;
import net.mlcng.topology.TopologyLoader;
import net.mlcng.topology.generate.GeneratorSpecs;

/** Turns a scenario's topology reference into a topology: the topology loader for files, the generators otherwise. */
public final class TopologySources {
    private TopologySources() {}

    /**
     * Loads the file (its own node daemons stay) or generates the graph with every node running
     * {@code daemon}. Bad input fails with the topology loader's located errors (exit 2).
     */
    public static Topology load(TopologySource source, String daemon) {
        if (source.file() != null) return TopologyLoader.load(source.file());
        return GeneratorSpecs.create(source.generator(), source.parameters()).generate()
                .toTopology(source.generator(), NodeDefaults.withDaemon(daemon), LinkProps.NONE);
    }
}
