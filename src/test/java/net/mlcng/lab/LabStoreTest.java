package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import net.mlcng.daemon.NodeIdentity;
import net.mlcng.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabStoreTest {
    @TempDir
    Path root;

    private LabStore labWithKeysAndCrashes() throws Exception {
        LabStore store = new LabStore(root);
        store.save(new LabStore.StoredLab(TestTopologies.grid("hl-store", 1, 2), "hash"));
        Path key = NodeIdentity.dir(root, "hl-store", "n1").resolve("rsa.der");
        Files.createDirectories(key.getParent());
        Files.writeString(key, "key");
        Path core = root.resolve("hl-store/crashes/n1/core.n1.babeld.7");
        Files.createDirectories(core.getParent());
        Files.writeString(core, "core");
        return store;
    }

    @Test
    void deleteKeepsTheNamedEntriesAndTheLabNoLongerCounts() throws Exception {
        LabStore store = labWithKeysAndCrashes();
        store.delete("hl-store", LabEngine.KEPT_STATE);
        assertThat(root.resolve("hl-store/topology.json")).doesNotExist();
        assertThat(NodeIdentity.dir(root, "hl-store", "n1").resolve("rsa.der")).hasContent("key");
        assertThat(root.resolve("hl-store/crashes/n1/core.n1.babeld.7")).hasContent("core");
        assertThat(store.labs()).isEmpty();
        assertThat(store.load("hl-store")).isEmpty();
    }

    @Test
    void deleteWithNothingKeptRemovesTheWholeDirectory() throws Exception {
        LabStore store = labWithKeysAndCrashes();
        store.delete("hl-store", Set.of());
        assertThat(root.resolve("hl-store")).doesNotExist();
    }

    @Test
    void daemonsStartWithTheNodesIdentityDirectoryUnderTheLabsKeys() {
        LabEngine engine = new LabEngine(null, null, new LabStore(root), null, Progress.NONE);
        Topology t = TestTopologies.grid("hl-store", 1, 2);
        assertThat(engine.daemonStartConfig(t, new LabNames("hl-store"), "n2").identityDir())
                .isEqualTo(root.resolve("hl-store").resolve("keys").resolve("n2"));
        assertThat(LabEngine.daemonConfig(t, new LabNames("hl-store"), "n2").identityDir()).isNull();
    }
}
