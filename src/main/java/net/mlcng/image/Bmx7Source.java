package net.mlcng.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import net.mlcng.error.UsageException;

/**
 * A user-supplied bmx7 for the node image: either a directory holding the {@code bmx7} binary and
 * its {@code bmx7_*.so} plugins, or a Debian package. mlc-ng never builds bmx7 itself.
 */
public sealed interface Bmx7Source {
    /** Copies what goes into the image into dir (the build context's bmx7/ directory). */
    void copyInto(Path dir);

    /** The binary and its plugins, found in a directory. */
    record Directory(Path binary, List<Path> plugins) implements Bmx7Source {
        @Override
        public void copyInto(Path dir) {
            copy(binary, dir.resolve("bmx7"));
            plugins.forEach(p -> copy(p, dir.resolve(p.getFileName())));
        }
    }

    /** A .deb, installed with apt inside the build so its dependencies come from Debian. */
    record Deb(Path file) implements Bmx7Source {
        @Override
        public void copyInto(Path dir) {
            copy(file, dir.resolve("bmx7.deb"));
        }
    }

    /** Checks path and says which kind it is; a wrong path is a usage error (exit 2). */
    static Bmx7Source of(Path path) {
        if (Files.isDirectory(path)) {
            Path binary = path.resolve("bmx7");
            if (!Files.isRegularFile(binary)) {
                throw new UsageException("--bmx7 " + path + ": the directory has no file named bmx7"
                        + " (expected the bmx7 binary and its bmx7_*.so plugins)");
            }
            List<Path> plugins = new ArrayList<>();
            try (DirectoryStream<Path> found = Files.newDirectoryStream(path, "bmx7_*.so")) {
                found.forEach(plugins::add);
            } catch (IOException e) {
                throw new UsageException("--bmx7 " + path + ": cannot list the directory: " + e.getMessage(), e);
            }
            plugins.sort(null);
            return new Directory(binary, List.copyOf(plugins));
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".deb")) {
            return new Deb(path);
        }
        throw new UsageException("--bmx7 " + path + ": expected a directory with bmx7 and bmx7_*.so, or a .deb file"
                + (Files.exists(path) ? "" : " (no such file or directory)"));
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " into the build context", e);
        }
    }
}
