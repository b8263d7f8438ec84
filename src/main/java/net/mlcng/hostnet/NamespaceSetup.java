package net.mlcng.hostnet;

import java.util.List;

/** Interfaces to bring up and /128 addresses to put on loopback in one namespace. */
public record NamespaceSetup(String ns, List<String> interfacesUp, List<String> loopbackAddresses) {
    public NamespaceSetup {
        interfacesUp = List.copyOf(interfacesUp);
        loopbackAddresses = List.copyOf(loopbackAddresses);
    }
}
