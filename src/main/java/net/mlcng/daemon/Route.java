package net.mlcng.daemon;

/**
 * A route the daemon installed: destination prefix (e.g. {@code fd00::1/128}), next hop (null when
 * on-link), device, and the hop count when the daemon reports one (else null).
 */
public record Route(String destination, String via, String device, Integer hops) {}
