package net.mlcng.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.mlcng.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Bmx7SourceTest {
    @TempDir
    Path dir;

    @Test
    void directoryWithBinaryAndPluginsIsADirectorySource() throws IOException {
        Files.writeString(dir.resolve("bmx7"), "x");
        Files.writeString(dir.resolve("bmx7_topology.so"), "x");
        Files.writeString(dir.resolve("bmx7_config.so"), "x");
        Files.writeString(dir.resolve("notes.txt"), "x");

        Bmx7Source source = Bmx7Source.of(dir);

        assertThat(source).isInstanceOf(Bmx7Source.Directory.class);
        var d = (Bmx7Source.Directory) source;
        assertThat(d.binary()).isEqualTo(dir.resolve("bmx7"));
        assertThat(d.plugins()).containsExactly(dir.resolve("bmx7_config.so"), dir.resolve("bmx7_topology.so"));
    }

    @Test
    void directoryWithoutBinaryIsAUsageError() {
        assertThatThrownBy(() -> Bmx7Source.of(dir))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no file named bmx7");
    }

    @Test
    void debFileIsADebSource() throws IOException {
        Path deb = Files.writeString(dir.resolve("bmx7_0.2_amd64.deb"), "x");
        assertThat(Bmx7Source.of(deb)).isEqualTo(new Bmx7Source.Deb(deb));
    }

    @Test
    void otherFileOrMissingPathIsAUsageError() throws IOException {
        Path tarball = Files.writeString(dir.resolve("bmx7.tar.gz"), "x");
        assertThatThrownBy(() -> Bmx7Source.of(tarball)).isInstanceOf(UsageException.class)
                .hasMessageContaining("expected a directory");
        assertThatThrownBy(() -> Bmx7Source.of(dir.resolve("nope"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("no such file or directory");
    }

    @Test
    void copyIntoPutsBinaryAndPluginsUnderFixedNames() throws IOException {
        Path from = Files.createDirectory(dir.resolve("from"));
        Path to = Files.createDirectory(dir.resolve("to"));
        Files.writeString(from.resolve("bmx7"), "binary");
        Files.writeString(from.resolve("bmx7_json.so"), "plugin");
        Bmx7Source.of(from).copyInto(to);
        assertThat(to.resolve("bmx7")).hasContent("binary");
        assertThat(to.resolve("bmx7_json.so")).hasContent("plugin");

        Path deb = Files.writeString(dir.resolve("some-name.deb"), "deb");
        Path debTo = Files.createDirectory(dir.resolve("debto"));
        Bmx7Source.of(deb).copyInto(debTo);
        assertThat(debTo.resolve("bmx7.deb")).hasContent("deb");
    }
}
