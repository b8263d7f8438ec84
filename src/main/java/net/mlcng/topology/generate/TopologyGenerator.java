package net.mlcng.topology.generate;

/**
 * Builds the shape of a topology. Implementations validate their parameters in the constructor
 * (a {@link net.mlcng.error.UsageException} naming the parameter) and draw any randomness from
 * their seed only, so the same parameters always give the same graph.
 */
public interface TopologyGenerator {
    /** Largest graph a generator builds: far beyond what one host can emulate, small enough to stay fast. */
    int MAX_NODES = 10_000;

    GeneratedGraph generate();
}
