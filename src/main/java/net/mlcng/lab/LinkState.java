package net.mlcng.lab;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.mlcng.error.EnvironmentException;
import net.mlcng.hostnet.EgressShaping;

/**
 * Link state kept in the lab's state directory next to the topology, forgotten with the lab at
 * destroy:
 * <ul>
 *   <li>{@code down-links.json}: the links an operator set down ({@link LinkRef#key()}); a down
 *       link stays down across node restarts and re-deploys until set up again;</li>
 *   <li>{@code shaped.json}: the egress impairments last put into each node's namespace, written
 *       only after the kernel took them, so a deploy that died half-way is completed by the next.</li>
 * </ul>
 */
final class LinkState {
    private static final String DOWN = "down-links.json";
    private static final String SHAPED = "shaped.json";

    private final LabStore store;

    LinkState(LabStore store) {
        this.store = store;
    }

    Set<String> down(String lab) {
        return new TreeSet<>(read(lab, DOWN, new TypeReference<Set<String>>() {}, Set.of()));
    }

    void saveDown(String lab, Set<String> keys) {
        write(lab, DOWN, new TreeSet<>(keys));
    }

    Map<String, List<EgressShaping>> shaped(String lab) {
        return new TreeMap<>(read(lab, SHAPED, new TypeReference<Map<String, List<EgressShaping>>>() {}, Map.of()));
    }

    /** Records what the kernel now holds for {@code nodes} (other nodes' records stay). */
    void saveShaped(String lab, Map<String, List<EgressShaping>> nodes) {
        Map<String, List<EgressShaping>> all = shaped(lab);
        all.putAll(nodes);
        write(lab, SHAPED, all);
    }

    private <T> T read(String lab, String name, TypeReference<T> type, T missing) {
        Path file = store.directory(lab).resolve(name);
        if (!Files.isRegularFile(file)) return missing;
        try {
            return LabStore.mapper().readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable lab state " + file, e);
        }
    }

    private void write(String lab, String name, Object value) {
        Path dir = store.directory(lab);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            LabStore.mapper().writeValue(tmp.toFile(), value);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write lab state in " + dir + ": " + e.getMessage(),
                    "run as root or point MLCNG_STATE_DIR at a writable directory", e);
        }
    }
}
