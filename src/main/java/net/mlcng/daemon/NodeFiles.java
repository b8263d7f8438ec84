package net.mlcng.daemon;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.mlcng.error.OperationFailedException;

/**
 * Copies small files (keys, configs) into and out of a node through {@link NodeExec} alone, as
 * base64 text, so drivers need no file-copy API from the runtime and stay testable with a fake exec.
 * Files are limited to {@value #MAX_BYTES} bytes: the content travels as one command argument.
 */
public final class NodeFiles {
    static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String MISSING = "missing";

    private NodeFiles() {}

    /** The file's bytes, or empty when it does not exist in the node. */
    public static Optional<byte[]> read(NodeExec node, String path) {
        NodeExec.ExecResult r = node.exec(List.of("sh", "-c",
                "if [ -e \"$1\" ]; then base64 -w0 \"$1\"; else echo " + MISSING + "; fi", "sh", path), TIMEOUT);
        if (!r.ok()) {
            throw new OperationFailedException("reading " + path + " in node " + node.node() + " failed: " + r.stderr().strip());
        }
        String out = r.stdout().strip();
        if (out.equals(MISSING)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(out));
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException("reading " + path + " in node " + node.node() + " gave no base64: " + e.getMessage(), e);
        }
    }

    /** Writes the file (creating its directory) with the given octal mode, e.g. "600". */
    public static void write(NodeExec node, String path, byte[] content, String mode) {
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException(path + " is " + content.length + " bytes, more than " + MAX_BYTES);
        }
        String encoded = new String(Base64.getEncoder().encode(content), StandardCharsets.US_ASCII);
        // umask first, so the file is never readable by others, not even between write and chmod.
        NodeExec.ExecResult r = node.exec(List.of("sh", "-c",
                "umask 077 && mkdir -p \"$(dirname \"$1\")\" && printf '%s' \"$2\" | base64 -d > \"$1\" && chmod \"$3\" \"$1\"",
                "sh", path, encoded, mode), TIMEOUT);
        if (!r.ok()) {
            throw new OperationFailedException("writing " + path + " in node " + node.node() + " failed: " + r.stderr().strip());
        }
    }
}
