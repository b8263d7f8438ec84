package net.mlcng.scenario;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a scenario's topology comes from: a topology file (resolved against the scenario file's
 * directory) or a generator with its parameters, typed as
 * {@link net.mlcng.topology.generate.GeneratorSpecs} declares them. Exactly one of {@code file} and
 * {@code generator} is set.
 */
public record TopologySource(Path file, String generator, Map<String, Object> parameters) {
    public TopologySource {
        if ((file == null) == (generator == null)) {
            throw new IllegalArgumentException("exactly one of file and generator must be set");
        }
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    public static TopologySource file(Path file) {
        return new TopologySource(file, null, Map.of());
    }

    public static TopologySource generated(String generator, Map<String, Object> parameters) {
        return new TopologySource(null, generator, parameters);
    }

    /** Short human description, e.g. {@code grid-3x3.yaml} or {@code grid(rows=3, cols=3)}. */
    public String describe() {
        if (file != null) return file.toString();
        return generator + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }
}
