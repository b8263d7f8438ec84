package net.mlcng.topology.generate;

import net.mlcng.topology.Position;

/**
 * rows x cols grid (old mlc's mlc_configure_grid): node {@code n<r*cols+c+1>} at column c, row r,
 * linked to its right and lower neighbour; with diagonals also to both lower diagonal neighbours;
 * wrapped in x and/or y the last column/row links back to the first (both: a torus).
 */
public final class GridGenerator implements TopologyGenerator {
    private final int rows;
    private final int cols;
    private final boolean diagonal;
    private final boolean wrapX;
    private final boolean wrapY;

    public GridGenerator(int rows, int cols, boolean diagonal, boolean wrapX, boolean wrapY) {
        GraphBuilder.require(rows >= 1, "rows", "must be at least 1, got " + rows);
        GraphBuilder.require(cols >= 1, "cols", "must be at least 1, got " + cols);
        GraphBuilder.require((long) rows * cols >= 2, "rows", "a grid needs at least 2 nodes");
        // Wrapping fewer than 3 columns/rows would only duplicate existing links.
        GraphBuilder.require(!wrapX || cols >= 3, "wrap-x", "needs at least 3 columns, got " + cols);
        GraphBuilder.require(!wrapY || rows >= 3, "wrap-y", "needs at least 3 rows, got " + rows);
        GraphBuilder.requireNodeCount((long) rows * cols, "rows");
        this.rows = rows;
        this.cols = cols;
        this.diagonal = diagonal;
        this.wrapX = wrapX;
        this.wrapY = wrapY;
    }

    @Override
    public GeneratedGraph generate() {
        GraphBuilder g = new GraphBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) g.node(name(r, c), new Position(c, r));
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                link(g, r, c, r, c + 1);
                link(g, r, c, r + 1, c);
                if (diagonal) {
                    link(g, r, c, r + 1, c + 1);
                    link(g, r, c, r + 1, c - 1);
                }
            }
        }
        return g.build();
    }

    /** Links (r, c) to (r2, c2) when that cell exists, wrapping around where enabled. */
    private void link(GraphBuilder g, int r, int c, int r2, int c2) {
        if (c2 < 0 || c2 >= cols) {
            if (!wrapX) return;
            c2 = Math.floorMod(c2, cols);
        }
        if (r2 >= rows) {
            if (!wrapY) return;
            r2 = r2 % rows;
        }
        g.edge(name(r, c), name(r2, c2));
    }

    private String name(int r, int c) {
        return "n" + (r * cols + c + 1);
    }
}
