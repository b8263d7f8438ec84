package net.mlcng.hostnet;

/** A named handle (/run/netns/NAME) on the network namespace of process {@code pid}. */
public record NetnsHandle(String name, int pid) {}
