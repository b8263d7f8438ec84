package net.mlcng.topology.generate;

import java.util.Random;
import net.mlcng.topology.Position;

/**
 * Random geometric (unit-disk) graph: n nodes placed uniformly in a width x height area, two nodes
 * linked when their distance is at most {@code range}, like radios in the open.
 */
public final class UnitDiskGenerator implements TopologyGenerator {
    private final int nodes;
    private final double width;
    private final double height;
    private final double range;
    private final long seed;

    public UnitDiskGenerator(int nodes, double width, double height, double range, long seed) {
        GraphBuilder.require(nodes >= 2, "nodes", "must be at least 2, got " + nodes);
        GraphBuilder.requireNodeCount(nodes, "nodes");
        GraphBuilder.require(width > 0 && Double.isFinite(width), "width", "must be a positive number, got " + width);
        GraphBuilder.require(height > 0 && Double.isFinite(height), "height", "must be a positive number, got " + height);
        GraphBuilder.require(range > 0 && Double.isFinite(range), "range", "must be a positive number, got " + range);
        this.nodes = nodes;
        this.width = width;
        this.height = height;
        this.range = range;
        this.seed = seed;
    }

    @Override
    public GeneratedGraph generate() {
        Random random = new Random(seed);
        GraphBuilder g = new GraphBuilder();
        Position[] at = new Position[nodes];
        for (int i = 0; i < nodes; i++) {
            at[i] = new Position(GraphBuilder.round(random.nextDouble() * width), GraphBuilder.round(random.nextDouble() * height));
            g.node("n" + (i + 1), at[i]);
        }
        for (int i = 0; i < nodes; i++) {
            for (int j = i + 1; j < nodes; j++) {
                if (Math.hypot(at[i].x() - at[j].x(), at[i].y() - at[j].y()) <= range) g.edge("n" + (i + 1), "n" + (j + 1));
            }
        }
        return g.build();
    }
}
