package net.mlcng.runtime;

import java.util.List;
import java.util.Map;

/**
 * What a container is made from. {@code capabilities} are added to an otherwise empty set (all
 * default capabilities dropped); {@code devices} are host device paths passed through as they are;
 * the container gets no network of its own ({@code --network none}): the lab wires it.
 */
public record ContainerSpec(
        String name,
        String image,
        String hostname,
        Map<String, String> labels,
        Map<String, String> env,
        List<String> capabilities,
        List<String> devices,
        Map<String, String> sysctls) {
    public ContainerSpec {
        labels = Map.copyOf(labels);
        env = Map.copyOf(env);
        capabilities = List.copyOf(capabilities);
        devices = List.copyOf(devices);
        sysctls = Map.copyOf(sysctls);
    }
}
