package net.mlcng.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.mlcng.error.EnvironmentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineConfigTest {
    @TempDir
    Path dir;

    @Test
    void registersTheRuntimeOnceAndKeepsTheAdminsSettings() throws IOException {
        Path file = dir.resolve("docker/daemon.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"log-level\": \"warn\", \"runtimes\": {\"kata\": {\"path\": \"/usr/bin/kata\"}}}");
        EngineConfig config = new EngineConfig(file);

        assertThat(config.registerRuntime("crun", "/usr/bin/crun")).isTrue();
        assertThat(config.registerRuntime("crun", "/usr/bin/crun")).isFalse();

        var json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.path("log-level").asText()).isEqualTo("warn");
        assertThat(json.path("runtimes").path("kata").path("path").asText()).isEqualTo("/usr/bin/kata");
        assertThat(json.path("runtimes").path("crun").path("path").asText()).isEqualTo("/usr/bin/crun");
    }

    @Test
    void createsTheFileWhenThereIsNone() throws IOException {
        Path file = dir.resolve("etc/docker/daemon.json");
        assertThat(new EngineConfig(file).registerRuntime("crun", "/usr/bin/crun")).isTrue();
        assertThat(new ObjectMapper().readTree(file.toFile()).path("runtimes").path("crun").path("path").asText()).isEqualTo("/usr/bin/crun");
    }

    @Test
    void aBrokenFileIsNamedWithItsLineAndLeftAlone() throws IOException {
        Path file = dir.resolve("daemon.json");
        String broken = "{\n  \"log-level\": \"warn\",\n  \"runtimes\": {\n}\n";
        Files.writeString(file, broken);
        assertThatThrownBy(() -> new EngineConfig(file).registerRuntime("crun", "/usr/bin/crun"))
                .isInstanceOfSatisfying(EnvironmentException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith(file + ":5:").contains("not valid JSON");
                });
        assertThat(file).hasContent(broken);
    }
}
