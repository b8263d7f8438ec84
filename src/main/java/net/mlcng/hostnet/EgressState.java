package net.mlcng.hostnet;

import java.util.List;

/**
 * The impairments the kernel holds on one interface's egress: the loss rule ({@code lossPerMille},
 * null when none), whether everything is dropped ({@code dropAll}), packets those rules dropped,
 * and the root qdiscs as {@code tc} names them (e.g. "tbf rate 2mbit").
 */
public record EgressState(String iface, Integer lossPerMille, boolean dropAll, long dropped, List<String> qdiscs) {
    public EgressState {
        qdiscs = List.copyOf(qdiscs);
    }
}
