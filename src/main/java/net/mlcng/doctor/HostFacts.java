package net.mlcng.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The host facts a scenario's results record: kernel, cores, memory, and every doctor finding. */
public final class HostFacts {
    private HostFacts() {}

    public static Map<String, String> collect(String nodeImage) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("kernel", read("/proc/sys/kernel/osrelease").orElse("unknown"));
        facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        read("/proc/meminfo").flatMap(m -> m.lines().filter(l -> l.startsWith("MemTotal:")).findFirst())
                .ifPresent(l -> facts.put("memory", l.substring("MemTotal:".length()).strip()));
        facts.putAll(of(Doctor.examine(nodeImage)));
        return facts;
    }

    /** One entry per check: {@code "ok: detail"}, {@code "missing: detail"}, ... */
    static Map<String, String> of(List<Check> checks) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (Check c : checks) facts.put(c.name(), c.status().label() + ": " + c.detail());
        return facts;
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
