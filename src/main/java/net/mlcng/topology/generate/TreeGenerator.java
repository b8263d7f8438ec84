package net.mlcng.topology.generate;

import java.util.ArrayList;
import java.util.List;
import net.mlcng.topology.Position;

/** A full tree: root n1, every inner node has {@code degree} children, {@code depth} levels below the root. */
public final class TreeGenerator implements TopologyGenerator {
    private final int depth;
    private final int degree;

    public TreeGenerator(int depth, int degree) {
        GraphBuilder.require(depth >= 1, "depth", "must be at least 1, got " + depth);
        GraphBuilder.require(degree >= 1, "degree", "must be at least 1, got " + degree);
        long total = 1;
        long level = 1;
        for (int d = 1; d <= depth && total <= MAX_NODES; d++) {
            level *= degree;
            total += level;
        }
        GraphBuilder.requireNodeCount(total, "depth");
        this.depth = depth;
        this.degree = degree;
    }

    @Override
    public GeneratedGraph generate() {
        GraphBuilder g = new GraphBuilder();
        int next = 1;
        List<String> level = List.of(g.node("n" + next++, new Position(0, 0)));
        for (int d = 1; d <= depth; d++) {
            List<String> children = new ArrayList<>();
            int width = level.size() * degree;
            for (String parent : level) {
                for (int k = 0; k < degree; k++) {
                    // Children are spread evenly on their row, centred below the root.
                    double x = children.size() - (width - 1) / 2.0;
                    String child = g.node("n" + next++, new Position(x, d));
                    g.edge(parent, child);
                    children.add(child);
                }
            }
            level = children;
        }
        return g.build();
    }
}
