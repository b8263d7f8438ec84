package net.mlcng.topology;

/** Two members of a shared medium that hear each other, with per-direction impairments. */
public record MediumPair(String a, String b, LinkProps aToB, LinkProps bToA) {}
