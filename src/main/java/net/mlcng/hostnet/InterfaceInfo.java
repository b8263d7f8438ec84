package net.mlcng.hostnet;

import java.util.List;

/** An interface as the kernel reports it; addresses carry their prefix length. */
public record InterfaceInfo(String name, boolean up, String alias, List<String> addresses) {
    public InterfaceInfo {
        addresses = List.copyOf(addresses);
    }
}
