package net.mlcng.wireguard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.mlcng.error.OperationFailedException;

/**
 * {@code wg show IFACE dump}: the interface's public key and port, and per peer its endpoint,
 * latest handshake and bytes. The private key on the dump's first line is never kept.
 */
public record WgDump(String publicKey, int listenPort, List<Peer> peers) {
    public WgDump {
        peers = List.copyOf(peers);
    }

    /** {@code latestHandshake} null: never; {@code endpoint} null: not known yet; {@code keepaliveSeconds} null: off. */
    public record Peer(
            String publicKey, String endpoint, List<String> allowedIps, Instant latestHandshake, long rxBytes, long txBytes,
            Integer keepaliveSeconds) {
        public Peer {
            allowedIps = List.copyOf(allowedIps);
        }

        /** How long ago the latest handshake was, or null when there was none. */
        public Duration handshakeAge(Instant now) {
            return latestHandshake == null ? null : Duration.between(latestHandshake, now);
        }
    }

    public static WgDump parse(String dump) {
        List<String> lines = dump.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new OperationFailedException("wg show dump is empty");
        }
        String[] iface = fields(lines.get(0), 4, 1);
        List<Peer> peers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = fields(lines.get(i), 8, i + 1);
            long handshake = number(f[4], i + 1);
            peers.add(new Peer(f[0],
                    f[2].equals("(none)") ? null : f[2],
                    f[3].equals("(none)") ? List.of() : Arrays.asList(f[3].split(",")),
                    handshake == 0 ? null : Instant.ofEpochSecond(handshake),
                    number(f[5], i + 1),
                    number(f[6], i + 1),
                    f[7].equals("off") ? null : (int) number(f[7], i + 1)));
        }
        return new WgDump(iface[1], (int) number(iface[2], 1), peers);
    }

    public Peer peer(String publicKey) {
        return peers.stream().filter(p -> p.publicKey().equals(publicKey)).findFirst()
                .orElseThrow(() -> new OperationFailedException("no WireGuard peer with key " + publicKey));
    }

    private static String[] fields(String line, int expected, int lineNo) {
        String[] f = line.split("\t");
        if (f.length != expected) {
            throw new OperationFailedException("wg show dump line " + lineNo + " has " + f.length + " fields, expected " + expected);
        }
        return f;
    }

    private static long number(String s, int lineNo) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new OperationFailedException("wg show dump line " + lineNo + ": '" + s + "' is not a number");
        }
    }
}
