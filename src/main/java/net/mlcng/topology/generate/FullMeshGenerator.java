package net.mlcng.topology.generate;

/** Every node linked to every other node. */
public final class FullMeshGenerator implements TopologyGenerator {
    /** n(n-1)/2 links grow fast; beyond this no host could wire them anyway. */
    public static final int MAX_MESH_NODES = 300;

    private final int nodes;

    public FullMeshGenerator(int nodes) {
        GraphBuilder.require(nodes >= 2, "nodes", "must be at least 2, got " + nodes);
        GraphBuilder.require(nodes <= MAX_MESH_NODES, "nodes", "at most " + MAX_MESH_NODES + " for a full mesh, got " + nodes);
        this.nodes = nodes;
    }

    @Override
    public GeneratedGraph generate() {
        GraphBuilder g = new GraphBuilder();
        for (int i = 0; i < nodes; i++) g.node("n" + (i + 1), GraphBuilder.onCircle(i, nodes));
        for (int i = 1; i <= nodes; i++) {
            for (int j = i + 1; j <= nodes; j++) g.edge("n" + i, "n" + j);
        }
        return g.build();
    }
}
