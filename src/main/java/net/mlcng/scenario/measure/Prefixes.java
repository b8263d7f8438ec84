package net.mlcng.scenario.measure;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a route destination ({@code 10.1.0.0/24}, {@code fd70::5}, {@code default}) covers an address. */
public final class Prefixes {
    private Prefixes() {}

    public static boolean covers(String destination, String address) {
        byte[] addr = bytes(address);
        if (destination.equals("default")) return true;
        int slash = destination.indexOf('/');
        byte[] net = bytes(slash < 0 ? destination : destination.substring(0, slash));
        if (net.length != addr.length) return false;
        int bits = slash < 0 ? net.length * 8 : Integer.parseInt(destination.substring(slash + 1));
        int shift = net.length * 8 - bits;
        return new BigInteger(1, net).shiftRight(shift).equals(new BigInteger(1, addr).shiftRight(shift));
    }

    private static byte[] bytes(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) throw new IllegalArgumentException("not an IP address literal: " + literal);
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + literal, e);
        }
    }
}
