package net.mlcng.wireguard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The lab's own ULA prefix for tunnel addresses (RFC 4193: fd + a 40-bit global id), derived from
 * the lab name so the same lab always gets the same tunnel addresses and two labs (almost
 * surely) different ones. Tunnels use the first /64 of that /48; node i (1-based) gets {@code ::i}.
 */
public record TunnelAddresses(String lab, String prefix48) {
    public static final int PREFIX_LENGTH = 64;
    private static final int MAX_NODES = 0xffff;

    public static TunnelAddresses forLab(String lab) {
        if (lab == null || lab.isBlank()) {
            throw new IllegalArgumentException("tunnel addresses need a lab name");
        }
        byte[] h = sha256("mlc-ng wireguard " + lab);
        String prefix = String.format("fd%02x:%x:%x", h[0] & 0xff, ((h[1] & 0xff) << 8) | (h[2] & 0xff), ((h[3] & 0xff) << 8) | (h[4] & 0xff));
        return new TunnelAddresses(lab, prefix);
    }

    /** The tunnel network, e.g. {@code fd12:3456:789a::/64}. */
    public String network() {
        return prefix48 + "::/" + PREFIX_LENGTH;
    }

    /** The tunnel address of the {@code index}-th node (1-based), without prefix length. */
    public String address(int index) {
        if (index < 1 || index > MAX_NODES) {
            throw new IllegalArgumentException("tunnel node index " + index + " outside 1.." + MAX_NODES);
        }
        return prefix48 + "::" + Integer.toHexString(index);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
