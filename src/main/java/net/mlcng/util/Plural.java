package net.mlcng.util;

/** A count with its noun, as users read it: "1 repetition", "3 repetitions", "1 medium", "2 media". */
public final class Plural {
    private Plural() {}

    /** {@code n} and {@code noun}, with "s" added unless n is 1. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code n} and {@code singular} when n is 1, else {@code plural} (for nouns like medium/media). */
    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
