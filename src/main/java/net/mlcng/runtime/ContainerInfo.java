package net.mlcng.runtime;

import java.util.Map;

/** A container as the engine reports it; {@code state} is Docker's word (running, exited, created...). */
public record ContainerInfo(String id, String name, String image, String state, Map<String, String> labels) {
    public ContainerInfo {
        labels = Map.copyOf(labels);
    }

    public boolean running() {
        return "running".equals(state);
    }

    public String label(String key) {
        return labels.get(key);
    }
}
