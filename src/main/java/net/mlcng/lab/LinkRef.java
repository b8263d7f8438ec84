package net.mlcng.lab;

/**
 * One link of a lab as the topology names it: a point-to-point link between {@code a} and
 * {@code b} ({@code medium} null), or the pair a-b on shared medium {@code medium}. {@code a} and
 * {@code b} are in topology order, so a ref has one spelling.
 */
public record LinkRef(String medium, String a, String b) {
    /** The key under which the lab's state remembers the link (e.g. down links). */
    public String key() {
        return (medium == null ? "" : medium + ":") + a + "|" + b;
    }

    @Override
    public String toString() {
        return a + "-" + b + (medium == null ? "" : " on " + medium);
    }
}
