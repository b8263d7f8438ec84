package net.mlcng.hostnet;

/**
 * One member's attachment to a shared-medium bridge: a veth whose host end {@code hostIf} is a
 * port of {@code bridge} and whose other end, {@code nodeIf} with MAC {@code mac}, lives in namespace {@code ns}.
 * {@code alias} is written on the host end so a human (and inspect) can tell whose port it is.
 */
public record BridgePort(String bridge, String hostIf, String ns, String nodeIf, String mac, String alias) {}
