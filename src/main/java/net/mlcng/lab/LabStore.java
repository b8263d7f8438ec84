package net.mlcng.lab;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.mlcng.error.EnvironmentException;
import net.mlcng.topology.Topology;

/**
 * The lab state directory (default /var/lib/mlc-ng/labs/LAB/; MLCNG_STATE_DIR moves it): the
 * resolved topology a lab was last deployed with, written before anything is created so that
 * inspect, reconcile and destroy work from the host's state, not from the deploying process.
 */
public final class LabStore {
    private static final ObjectMapper JSON = newMapper();

    private final Path root;

    public LabStore(Path root) {
        this.root = root;
    }

    public static LabStore fromEnvironment() {
        String dir = System.getenv("MLCNG_STATE_DIR");
        return new LabStore(Path.of(dir == null || dir.isBlank() ? "/var/lib/mlc-ng" : dir).resolve("labs"));
    }

    /** The resolved topology with the hash of the file it came from. */
    public record StoredLab(Topology topology, String topologyHash) {}

    public void save(StoredLab lab) {
        Path dir = root.resolve(lab.topology().name());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "topology", ".tmp");
            JSON.writeValue(tmp.toFile(), lab);
            Files.move(tmp, dir.resolve("topology.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write lab state in " + dir + ": " + e.getMessage(),
                    "run as root or point MLCNG_STATE_DIR at a writable directory", e);
        }
    }

    public Optional<StoredLab> load(String lab) {
        Path file = root.resolve(lab).resolve("topology.json");
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(file.toFile(), StoredLab.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable lab state " + file, e);
        }
    }

    /** Names of labs that have a stored topology (a destroyed lab's kept keys or crashes do not count). */
    public List<String> labs() {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("topology.json"))).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the lab's state directory and everything in it but the top-level entries named in
     * {@code keep} (the directory itself stays while any is kept); a missing one is fine.
     */
    public void delete(String lab, Set<String> keep) {
        Path dir = root.resolve(lab);
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(all.sorted(Comparator.reverseOrder())
                    .filter(p -> p.equals(dir) || !keep.contains(dir.relativize(p).getName(0).toString()))
                    .toList());
            for (Path p : paths) {
                if (p.equals(dir) && !isEmpty(dir)) continue;
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    public Path root() {
        return root;
    }

    public Path directory(String lab) {
        return root.resolve(lab);
    }

    /** Canonical JSON of any model value (the stored form; also what node hashes are taken over). */
    static String canonicalJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapper used for stored state, also right for reports on the model (durations as ISO-8601 text). */
    static ObjectMapper mapper() {
        return JSON;
    }

    private static ObjectMapper newMapper() {
        SimpleModule durations = new SimpleModule();
        durations.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration d, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(d.toString());
            }
        });
        durations.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return Duration.parse(p.getValueAsString());
            }
        });
        // Instants (daemon end times) as ISO-8601 text, like durations: readable, no extra module.
        durations.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant i, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(i.toString());
            }
        });
        ObjectMapper m = new ObjectMapper().registerModule(durations);
        // Record components only: helper methods such as LinkProps.isEmpty() are not state.
        m.setVisibility(PropertyAccessor.ALL, Visibility.NONE);
        m.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        m.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
        return m;
    }
}
