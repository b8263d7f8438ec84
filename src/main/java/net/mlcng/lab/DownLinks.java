package net.mlcng.lab;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;
import net.mlcng.error.EnvironmentException;

/**
 * The links an operator set down (by {@link LinkRef#key()}), kept in the lab's state directory
 * next to the topology: a down link stays down across node restarts and re-deploys until set up
 * again, and is forgotten with the lab at destroy.
 */
final class DownLinks {
    private static final String FILE = "down-links.json";

    private final LabStore store;

    DownLinks(LabStore store) {
        this.store = store;
    }

    Set<String> load(String lab) {
        Path file = store.directory(lab).resolve(FILE);
        if (!Files.isRegularFile(file)) return new TreeSet<>();
        try {
            return new TreeSet<>(LabStore.mapper().readValue(file.toFile(), new TypeReference<Set<String>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable lab state " + file, e);
        }
    }

    void save(String lab, Set<String> keys) {
        Path dir = store.directory(lab);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "down-links", ".tmp");
            LabStore.mapper().writeValue(tmp.toFile(), new TreeSet<>(keys));
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write lab state in " + dir + ": " + e.getMessage(),
                    "run as root or point MLCNG_STATE_DIR at a writable directory", e);
        }
    }
}
