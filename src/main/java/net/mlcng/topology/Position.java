package net.mlcng.topology;

/** Where a node is drawn (and, for unit-disk graphs, where it stands); arbitrary units. */
public record Position(double x, double y) {}
