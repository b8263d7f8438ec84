package net.mlcng.hostnet;

import net.mlcng.topology.LinkProps;

/**
 * What leaves interface {@code iface} should suffer: the impairments of the direction that starts
 * there ({@code props}, never null), or nothing at all when the link is {@code down}.
 */
public record EgressShaping(String iface, LinkProps props, boolean down) {
    /** True when the kernel needs a rule or qdisc on this interface. */
    public boolean impairs() {
        return down || !props.isEmpty();
    }
}
