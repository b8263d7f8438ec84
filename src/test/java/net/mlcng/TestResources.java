package net.mlcng;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded fixtures under src/test/resources, read as UTF-8 text. */
public final class TestResources {
    private TestResources() {}

    /** The resource at {@code path} (absolute, e.g. {@code /fixtures/gdb/backtrace-debug.txt}). */
    public static String text(String path) {
        try (InputStream in = TestResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
