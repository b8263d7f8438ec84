package net.mlcng.lab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every name and address a lab gives the things it makes, derived from the lab and node names
 * alone so that destroy, inspect and a second deploy find them again without memory of the
 * deploying process, and so that MACs and addresses are stable across deploys.
 */
public record LabNames(String lab) {
    public static final String LABEL_LAB = "mlc-ng.lab";
    public static final String LABEL_NODE = "mlc-ng.node";
    public static final String LABEL_RUN = "mlc-ng.run";
    public static final String LABEL_TOPOLOGY_HASH = "mlc-ng.topology-hash";
    /** Hash of the node's own definition: a changed node is re-created on reconcile. */
    public static final String LABEL_NODE_HASH = "mlc-ng.node-hash";
    /** Written on host interfaces (alias) and bridges so destroy can confirm whose they are. */
    public static final String ALIAS_PREFIX = "mlc-ng:";

    public String container(String node) {
        return "mlcng-" + lab + "-" + node;
    }

    /** Dots cannot occur in lab or node names, so this prefix never matches another lab's handles. */
    public String netnsPrefix() {
        return "mlcng." + lab + ".";
    }

    public String netns(String node) {
        return netnsPrefix() + node;
    }

    /** Point-to-point interface in a node facing {@code peer}. */
    public static String linkInterface(String peer) {
        return "e" + peer;
    }

    /** A node's interface on shared medium {@code medium}. */
    public static String mediumInterface(String medium) {
        return "m" + medium;
    }

    /** 8 characters that start every host interface of this lab (bridges and ports; 15-char limit). */
    public String hostPrefix() {
        return "mn" + hex(lab).substring(0, 6);
    }

    public String bridge(String medium) {
        return hostPrefix() + "b" + hex("bridge/" + medium).substring(0, 6);
    }

    public String bridgePort(String medium, String node) {
        return hostPrefix() + hex("port/" + medium + "/" + node).substring(0, 7);
    }

    public String alias(String what) {
        return ALIAS_PREFIX + lab + ":" + what;
    }

    /** nftables identifiers take '_' but not every '-' position; lab names have no '_', so this stays unique. */
    public String nftTable() {
        return "mlcng_" + lab.replace('-', '_');
    }

    /** Locally administered unicast MAC of {@code node}'s interface {@code ifname}. */
    public String mac(String node, String ifname) {
        byte[] h = sha256(lab + "/" + node + "/" + ifname);
        StringBuilder mac = new StringBuilder("02");
        for (int i = 0; i < 5; i++) mac.append(':').append(String.format("%02x", h[i]));
        return mac.toString();
    }

    /** The lab's IPv6 ULA /48: fd + 40 bits of sha256(lab) (RFC 4193 style). */
    public String ulaPrefix() {
        byte[] addr = new byte[16];
        addr[0] = (byte) 0xfd;
        System.arraycopy(sha256(lab), 0, addr, 1, 5);
        return Ipv6.format(addr) + "/48";
    }

    /** The node's stable loopback address: the lab's /48, subnet 0, interface id from sha256(node). */
    public String loopbackAddress(String node) {
        byte[] addr = new byte[16];
        addr[0] = (byte) 0xfd;
        System.arraycopy(sha256(lab), 0, addr, 1, 5);
        System.arraycopy(sha256(node), 0, addr, 8, 8);
        return Ipv6.format(addr);
    }

    static String hex(String s) {
        return HexFormat.of().formatHex(sha256(s));
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
