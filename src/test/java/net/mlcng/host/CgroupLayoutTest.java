package net.mlcng.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupLayoutTest {
    @TempDir
    Path root;

    @Test
    void controllersLeftOnTheUnifiedHierarchyOfAHybridHostAreStranded() throws IOException {
        Files.createDirectories(root.resolve("unified"));
        Files.writeString(root.resolve("unified/cgroup.controllers"), "hugetlb misc\n");
        assertThat(new CgroupLayout(root).strandedControllers()).containsExactly("hugetlb", "misc");
    }

    @Test
    void noneOnAHybridHostWhoseV1HierarchiesHoldEveryController() throws IOException {
        Files.createDirectories(root.resolve("unified"));
        Files.writeString(root.resolve("unified/cgroup.controllers"), "\n");
        assertThat(new CgroupLayout(root).strandedControllers()).isEmpty();
    }

    @Test
    void noneOnAPureV2Host() throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "cpu io memory pids hugetlb\n");
        assertThat(new CgroupLayout(root).strandedControllers()).isEmpty();
    }
}
