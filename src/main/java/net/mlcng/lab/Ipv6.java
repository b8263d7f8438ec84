package net.mlcng.lab;

/** RFC 5952 text form of an IPv6 address (what {@code ip} prints), which java.net does not produce. */
final class Ipv6 {
    private Ipv6() {}

    static String format(byte[] addr) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = ((addr[2 * i] & 0xff) << 8) | (addr[2 * i + 1] & 0xff);
        // The longest run of two or more zero groups becomes "::" (the first such run on a tie).
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') s.append(':');
            s.append(Integer.toHexString(groups[i]));
        }
        return s.toString();
    }
}
