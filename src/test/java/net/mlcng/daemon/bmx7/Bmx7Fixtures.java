package net.mlcng.daemon.bmx7;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.mlcng.TestResources;

/** The recorded bmx7 outputs under src/test/resources/fixtures/bmx7 (see its README.md). */
final class Bmx7Fixtures {
    private Bmx7Fixtures() {}

    static String read(String name) {
        return TestResources.text("/fixtures/bmx7/" + name);
    }

    /** Every recorded output file, relative to the fixture directory (README excluded). */
    static List<String> all() {
        Path dir = dir();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .filter(n -> !n.equals("README.md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir() {
        try {
            return Path.of(Bmx7Fixtures.class.getResource("/fixtures/bmx7").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
