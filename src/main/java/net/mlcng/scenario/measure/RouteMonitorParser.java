package net.mlcng.scenario.measure;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses timestamped {@code ip monitor route} output, in both of iproute2's formats:
 * {@code ip -ts monitor route} ({@code [2026-11-25T03:04:32.842852] 10.1.0.5 via ...}) and
 * {@code ip -timestamp monitor route} (a {@code Timestamp: Wed Nov 25 03:04:32 2026 843015 usec}
 * line before each event). Timestamps are the node's local time with microsecond resolution;
 * the zone is given by the caller (containers run in UTC unless TZ is set).
 */
public final class RouteMonitorParser {
    private static final Pattern SHORT = Pattern.compile("^\\[(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+)\\]\\s*(.*)$");
    private static final Pattern LONG = Pattern.compile("^Timestamp: \\w{3} (\\w{3} +\\d+ \\d\\d:\\d\\d:\\d\\d \\d{4}) (\\d+) usec\\s*$");
    private static final DateTimeFormatter LONG_FORMAT = DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ROOT);
    private static final Set<String> TYPES = Set.of("unicast", "local", "broadcast", "multicast", "unreachable",
            "prohibit", "blackhole", "throw", "nat", "anycast");

    private RouteMonitorParser() {}

    /** Every route event in {@code text}; lines that are not route events (e.g. {@code Deleted} links) are skipped. */
    public static List<RouteEvent> parse(String node, String text, ZoneId zone) {
        List<RouteEvent> events = new ArrayList<>();
        Instant pending = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            Matcher s = SHORT.matcher(line);
            Matcher l = LONG.matcher(line);
            if (s.matches()) {
                RouteEvent e = event(node, LocalDateTime.parse(s.group(1)).atZone(zone).toInstant(), s.group(2));
                if (e != null) events.add(e);
            } else if (l.matches()) {
                pending = longTimestamp(l.group(1), l.group(2), zone);
            } else if (pending != null) {
                RouteEvent e = event(node, pending, line);
                if (e != null) events.add(e);
                pending = null;
            }
        }
        return events;
    }

    private static Instant longTimestamp(String date, String micros, ZoneId zone) {
        try {
            LocalDateTime t = LocalDateTime.parse(date.replaceAll(" +", " "), LONG_FORMAT);
            return t.atZone(zone).toInstant().plusNanos(Long.parseLong(micros) * 1_000);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("unexpected ip monitor timestamp: " + date, e);
        }
    }

    /** One route line, e.g. {@code Deleted fd70::6 via fd99::3 dev sv0 table 70 metric 1024 pref medium}. */
    static RouteEvent event(String node, Instant at, String line) {
        String[] w = line.split("\\s+");
        int i = 0;
        boolean deleted = false;
        if (w[i].equals("Deleted")) {
            deleted = true;
            i++;
        }
        String type = "unicast";
        if (i < w.length && TYPES.contains(w[i])) type = w[i++];
        if (i >= w.length || !looksLikeDestination(w[i])) return null;
        String destination = w[i++];
        String table = "main";
        String proto = null;
        for (; i + 1 < w.length; i++) {
            if (w[i].equals("table")) table = w[++i];
            else if (w[i].equals("proto")) proto = w[++i];
        }
        return new RouteEvent(node, at, deleted, destination, table, proto, type);
    }

    private static boolean looksLikeDestination(String word) {
        return word.equals("default") || word.matches("[0-9a-fA-F]*:[0-9a-fA-F]*:[0-9a-fA-F:.]*(/\\d+)?")
                || word.matches("\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?");
    }
}
