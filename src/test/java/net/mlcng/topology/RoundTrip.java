package net.mlcng.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: model -> YAML -> model, through a real file so locations and sizes are exercised. */
final class RoundTrip {
    private RoundTrip() {}

    static Topology reload(Topology t) {
        try {
            Path f = Files.createTempFile("roundtrip", ".yaml");
            try {
                Files.writeString(f, TopologyWriter.write(t));
                return TopologyLoader.load(f);
            } finally {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
