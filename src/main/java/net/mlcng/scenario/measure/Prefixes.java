package net.mlcng.scenario.measure;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a route destination ({@code 10.1.0.0/24}, {@code fd70::5}, {@code default}) covers an address. */
public final class Prefixes {
    private Prefixes() {}

    /** A parsed destination: network bytes and prefix length; parsed once per route, checked often. */
    record Prefix(byte[] network, int bits) {
        static Prefix parse(String destination) {
            if (destination.equals("default")) return new Prefix(new byte[0], 0);
            int slash = destination.indexOf('/');
            byte[] net = bytes(slash < 0 ? destination : destination.substring(0, slash));
            return new Prefix(net, slash < 0 ? net.length * 8 : Integer.parseInt(destination.substring(slash + 1)));
        }

        boolean covers(byte[] address) {
            if (bits == 0) return true;
            if (network.length != address.length) return false;
            int full = bits / 8;
            for (int i = 0; i < full; i++) if (network[i] != address[i]) return false;
            int rest = bits % 8;
            if (rest == 0) return true;
            int mask = 0xff << (8 - rest) & 0xff;
            return (network[full] & mask) == (address[full] & mask);
        }
    }

    public static boolean covers(String destination, String address) {
        return Prefix.parse(destination).covers(bytes(address));
    }

    /** The address bytes of an IPv4 or IPv6 literal (never a name lookup). */
    static byte[] bytes(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) throw new IllegalArgumentException("not an IP address literal: " + literal);
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + literal, e);
        }
    }
}
