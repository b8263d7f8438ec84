package net.mlcng.scenario.measure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replies of one {@code ping -D} run: each reply's sequence number, receive time (ping's
 * {@code -D} epoch timestamp, microseconds) and round-trip time. {@code transmitted} comes from
 * ping's summary line (0 when ping printed none, e.g. "Network is unreachable" at start).
 */
public record PingSeries(List<Reply> replies, int transmitted) {
    public PingSeries {
        replies = List.copyOf(replies);
    }

    public record Reply(int seq, Instant at, double rttMillis) {}

    private static final Pattern REPLY = Pattern.compile(
            "^\\[(\\d+)\\.(\\d+)\\] \\d+ bytes from .*icmp_seq=(\\d+) .*time=([\\d.]+) ms.*$");
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) packets transmitted, (\\d+) (?:packets )?received.*$");

    /** Parses ping's output; duplicate replies ("DUP!") count once. */
    public static PingSeries parse(String text) {
        List<Reply> replies = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        int transmitted = 0;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            Matcher r = REPLY.matcher(line);
            if (r.matches()) {
                int seq = Integer.parseInt(r.group(3));
                if (!seen.add(seq)) continue;
                String frac = (r.group(2) + "000000000").substring(0, 9);
                Instant at = Instant.ofEpochSecond(Long.parseLong(r.group(1)), Long.parseLong(frac));
                replies.add(new Reply(seq, at, Double.parseDouble(r.group(4))));
                continue;
            }
            Matcher s = SUMMARY.matcher(line);
            if (s.matches()) transmitted = Integer.parseInt(s.group(1));
        }
        return new PingSeries(replies, transmitted);
    }

    public int received() {
        return replies.size();
    }

    public int lost() {
        return Math.max(0, transmitted - replies.size());
    }

    /** Lost packets in percent of those sent; 100 when nothing was sent. */
    public double lossPercent() {
        return transmitted == 0 ? 100 : 100.0 * lost() / transmitted;
    }

    /** The first reply, or null when none came. */
    public Reply firstReply() {
        return replies.stream().min(java.util.Comparator.comparing(Reply::at)).orElse(null);
    }
}
