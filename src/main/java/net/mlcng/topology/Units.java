package net.mlcng.topology;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parsing and canonical formatting of the link units topology files use. Parsing returns
 * null for anything malformed so the loader can report it with the file location; formatting
 * always yields text that parses back to the same value (round trip).
 */
public final class Units {
    public static final String LOSS_EXPECTED = "a percentage 0..100 like 10% or 0.5 (a bare number is percent)";
    public static final String RATE_EXPECTED = "a rate like 100bit, 500kbit, 10mbit or 1gbit";
    public static final String DURATION_EXPECTED = "a duration like 250us, 5ms or 1s";

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-zA-Z%]*)");
    // A sign is accepted only for loss, so that "-5%" is reported as out of range rather than malformed.
    private static final Pattern SIGNED_NUMBER_WITH_UNIT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)([a-zA-Z%]*)");
    private static final String[] RATE_UNITS = {"gbit", "mbit", "kbit", "bit"};
    private static final long[] RATE_FACTORS = {1_000_000_000L, 1_000_000L, 1_000L, 1L};
    private static final String[] TIME_UNITS = {"s", "ms", "us"};
    private static final long[] TIME_NANOS = {1_000_000_000L, 1_000_000L, 1_000L};

    private Units() {}

    /** Loss from {@code 10%} or a bare number (percent); null when malformed. Range is checked by the caller. */
    public static Double parseLoss(String text) {
        Matcher m = SIGNED_NUMBER_WITH_UNIT.matcher(text.trim());
        if (!m.matches() || !(m.group(2).isEmpty() || m.group(2).equals("%"))) return null;
        return Double.valueOf(m.group(1));
    }

    /** Bits per second from {@code 10mbit} etc. (SI factors, as tc uses); null when malformed or not whole bits. */
    public static Long parseRate(String text) {
        BigDecimal bits = scaled(text, RATE_UNITS, RATE_FACTORS);
        if (bits == null || bits.signum() <= 0) return null;
        try {
            return bits.longValueExact();
        } catch (ArithmeticException fractionalOrHuge) {
            return null;
        }
    }

    /** A duration from {@code 250us}, {@code 5ms}, {@code 1.5s}; microsecond resolution; null when malformed. */
    public static Duration parseDuration(String text) {
        BigDecimal nanos = scaled(text, TIME_UNITS, TIME_NANOS);
        if (nanos == null) return null;
        try {
            long n = nanos.longValueExact();
            return n % 1_000 == 0 ? Duration.ofNanos(n) : null;
        } catch (ArithmeticException fractionalOrHuge) {
            return null;
        }
    }

    public static String formatLoss(double percent) {
        return plain(BigDecimal.valueOf(percent)) + "%";
    }

    public static String formatRate(long bitsPerSecond) {
        return largestExactUnit(BigDecimal.valueOf(bitsPerSecond), RATE_UNITS, RATE_FACTORS);
    }

    public static String formatDuration(Duration d) {
        return largestExactUnit(BigDecimal.valueOf(d.toNanos()), TIME_UNITS, TIME_NANOS);
    }

    private static BigDecimal scaled(String text, String[] units, long[] factors) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text.trim());
        if (!m.matches()) return null;
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        for (int i = 0; i < units.length; i++) {
            if (units[i].equals(unit)) return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factors[i]));
        }
        return null;
    }

    private static String largestExactUnit(BigDecimal value, String[] units, long[] factors) {
        for (int i = 0; i < units.length; i++) {
            BigDecimal inUnit = value.divide(BigDecimal.valueOf(factors[i]));
            if (inUnit.stripTrailingZeros().scale() <= 0 || i == units.length - 1) {
                return plain(inUnit) + units[i];
            }
        }
        throw new AssertionError("unreachable: the last unit always matches");
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
