package net.mlcng.hostnet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interfaces to bring up in one namespace, each with its MAC (from which its link-local address
 * is made), and /128 addresses to put on loopback.
 */
public record NamespaceSetup(String ns, Map<String, String> interfaceMacs, List<String> loopbackAddresses) {
    public NamespaceSetup {
        interfaceMacs = Collections.unmodifiableMap(new LinkedHashMap<>(interfaceMacs));
        loopbackAddresses = List.copyOf(loopbackAddresses);
    }
}
