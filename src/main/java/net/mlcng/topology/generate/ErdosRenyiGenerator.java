package net.mlcng.topology.generate;

import java.util.Random;

/** G(n, p): every pair of the n nodes is linked independently with probability p. */
public final class ErdosRenyiGenerator implements TopologyGenerator {
    private final int nodes;
    private final double probability;
    private final long seed;

    public ErdosRenyiGenerator(int nodes, double probability, long seed) {
        GraphBuilder.require(nodes >= 2, "nodes", "must be at least 2, got " + nodes);
        GraphBuilder.requireNodeCount(nodes, "nodes");
        GraphBuilder.require(probability >= 0 && probability <= 1, "p", "must be within 0..1, got " + probability);
        this.nodes = nodes;
        this.probability = probability;
        this.seed = seed;
    }

    @Override
    public GeneratedGraph generate() {
        Random random = new Random(seed);
        GraphBuilder g = new GraphBuilder();
        for (int i = 0; i < nodes; i++) g.node("n" + (i + 1), GraphBuilder.onCircle(i, nodes));
        for (int i = 1; i <= nodes; i++) {
            for (int j = i + 1; j <= nodes; j++) {
                if (random.nextDouble() < probability) g.edge("n" + i, "n" + j);
            }
        }
        return g.build();
    }
}
