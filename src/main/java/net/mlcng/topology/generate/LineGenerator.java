package net.mlcng.topology.generate;

import net.mlcng.topology.Position;

/** n1 - n2 - ... - nN; a ring when closed (old mlc's mlc_configure_line). */
public final class LineGenerator implements TopologyGenerator {
    private final int nodes;
    private final boolean closed;

    public LineGenerator(int nodes, boolean closed) {
        GraphBuilder.require(nodes >= (closed ? 3 : 2), "nodes", "a " + (closed ? "ring" : "line") + " needs at least "
                + (closed ? 3 : 2) + " nodes, got " + nodes);
        GraphBuilder.requireNodeCount(nodes, "nodes");
        this.nodes = nodes;
        this.closed = closed;
    }

    @Override
    public GeneratedGraph generate() {
        GraphBuilder g = new GraphBuilder();
        for (int i = 1; i <= nodes; i++) {
            g.node("n" + i, closed ? GraphBuilder.onCircle(i - 1, nodes) : new Position(i - 1, 0));
            if (i > 1) g.edge("n" + (i - 1), "n" + i);
        }
        if (closed) g.edge("n" + nodes, "n1");
        return g.build();
    }
}
