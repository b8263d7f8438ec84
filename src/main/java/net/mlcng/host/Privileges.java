package net.mlcng.host;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The effective user and capabilities of this process, read from /proc/self/status. */
public record Privileges(int effectiveUid, BigInteger effectiveCapabilities) {
    private static final int CAP_NET_ADMIN = 12;

    public static Privileges current() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/self/status")));
        } catch (IOException e) {
            // Not Linux or /proc not mounted: report no privileges rather than guess.
            return new Privileges(-1, BigInteger.ZERO);
        }
    }

    /** Parses the Uid: and CapEff: lines of a /proc/PID/status file. */
    static Privileges parse(List<String> statusLines) {
        int uid = -1;
        BigInteger caps = BigInteger.ZERO;
        for (String line : statusLines) {
            String[] f = line.split("\\s+");
            if (f[0].equals("Uid:") && f.length > 2) uid = Integer.parseInt(f[2]);
            if (f[0].equals("CapEff:") && f.length > 1) caps = new BigInteger(f[1], 16);
        }
        return new Privileges(uid, caps);
    }

    public boolean isRoot() {
        return effectiveUid == 0;
    }

    public boolean hasNetAdmin() {
        return effectiveCapabilities.testBit(CAP_NET_ADMIN);
    }
}
