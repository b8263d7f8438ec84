package net.mlcng.hostnet;

/**
 * Impairment of frames a shared-medium bridge forwards from port {@code in} to port {@code out}:
 * a loss in per mille (0: none), or all of them dropped when {@code down}.
 */
public record PairImpairment(String in, String out, int lossPerMille, boolean down) {}
