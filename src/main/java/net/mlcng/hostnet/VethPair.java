package net.mlcng.hostnet;

/** A veth pair between two named network namespaces: {@code ifA} (MAC {@code macA}) lives in {@code nsA}. */
public record VethPair(String nsA, String ifA, String macA, String nsB, String ifB, String macB) {}
