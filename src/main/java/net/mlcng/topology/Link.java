package net.mlcng.topology;

/** A point-to-point link between nodes a and b, with the impairments of each direction resolved. */
public record Link(String a, String b, LinkProps aToB, LinkProps bToA) {
    /** True when this link joins x and y, in either order. */
    public boolean joins(String x, String y) {
        return (a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x));
    }
}
