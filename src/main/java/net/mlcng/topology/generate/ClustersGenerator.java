package net.mlcng.topology.generate;

import net.mlcng.topology.Position;

/**
 * {@code clusters} full meshes of {@code size} nodes each ({@code c<i>n<j>}), in a chain: bridge node
 * {@code b<i>} links the last node of cluster i to the first node of cluster i+1, so every
 * inter-cluster route crosses a single bridge (a bottleneck routing must find).
 */
public final class ClustersGenerator implements TopologyGenerator {
    private final int clusters;
    private final int size;

    public ClustersGenerator(int clusters, int size) {
        GraphBuilder.require(clusters >= 2, "clusters", "must be at least 2, got " + clusters);
        GraphBuilder.require(size >= 1, "size", "must be at least 1, got " + size);
        GraphBuilder.require(size <= FullMeshGenerator.MAX_MESH_NODES, "size",
                "at most " + FullMeshGenerator.MAX_MESH_NODES + " (each cluster is a full mesh), got " + size);
        GraphBuilder.requireNodeCount((long) clusters * size + clusters - 1, "clusters");
        this.clusters = clusters;
        this.size = size;
    }

    @Override
    public GeneratedGraph generate() {
        GraphBuilder g = new GraphBuilder();
        double spacing = Math.max(3, size) + 2;
        for (int c = 1; c <= clusters; c++) {
            for (int j = 1; j <= size; j++) {
                Position p = GraphBuilder.onCircle(j - 1, size);
                g.node(member(c, j), new Position(GraphBuilder.round((c - 1) * spacing + p.x()), p.y()));
                for (int k = 1; k < j; k++) g.edge(member(c, k), member(c, j));
            }
        }
        for (int c = 1; c < clusters; c++) {
            String bridge = g.node("b" + c, new Position(GraphBuilder.round(c * spacing - 1), -1));
            g.edge(member(c, size), bridge);
            g.edge(bridge, member(c + 1, 1));
        }
        return g.build();
    }

    private static String member(int cluster, int index) {
        return "c" + cluster + "n" + index;
    }
}
