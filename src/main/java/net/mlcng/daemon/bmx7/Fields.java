package net.mlcng.daemon.bmx7;

import java.time.Duration;
import java.util.Map;
import net.mlcng.error.OperationFailedException;

/**
 * Typed access to one bmx7 row (table, list or json form alike). bmx7 prints {@code ---} for
 * "none" and {@code -1} for "not measured"; both become null.
 */
record Fields(String what, Map<String, String> row) {
    String text(String key) {
        String v = row.get(key);
        return v == null || v.equals("---") ? null : v;
    }

    String required(String key) {
        String v = text(key);
        if (v == null) {
            throw new OperationFailedException("bmx7 " + what + " has no '" + key + "' in " + row);
        }
        return v;
    }

    Integer integer(String key) {
        String v = text(key);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer");
        }
    }

    int requiredInt(String key) {
        required(key);
        return integer(key);
    }

    double decimal(String key) {
        String v = required(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(key, v, "a number");
        }
    }

    /** A bmx7 rate or metric such as {@code 999M}, {@code 257G}, {@code 19607K}: bits per second. */
    Long rate(String key) {
        String v = text(key);
        if (v == null || v.equals("-1")) {
            return null;
        }
        long factor = switch (v.charAt(v.length() - 1)) {
            case 'K' -> 1_000L;
            case 'M' -> 1_000_000L;
            case 'G' -> 1_000_000_000L;
            default -> 1L;
        };
        String digits = factor == 1L ? v : v.substring(0, v.length() - 1);
        try {
            return Long.parseLong(digits) * factor;
        } catch (NumberFormatException e) {
            throw bad(key, v, "a rate like 999M");
        }
    }

    /** bmx7's {@code D:HH:MM:SS} uptime. */
    Duration uptime(String key) {
        String v = required(key);
        String[] p = v.split(":");
        if (p.length != 4) {
            throw bad(key, v, "D:HH:MM:SS");
        }
        try {
            return Duration.ofDays(Long.parseLong(p[0]))
                    .plusHours(Long.parseLong(p[1]))
                    .plusMinutes(Long.parseLong(p[2]))
                    .plusSeconds(Long.parseLong(p[3]));
        } catch (NumberFormatException e) {
            throw bad(key, v, "D:HH:MM:SS");
        }
    }

    NodeCount nodeCount(String key) {
        return NodeCount.parse(required(key));
    }

    private OperationFailedException bad(String key, String value, String expected) {
        return new OperationFailedException("bmx7 " + what + ": '" + key + "' is '" + value + "', expected " + expected);
    }
}
