package net.mlcng.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import net.mlcng.error.OperationFailedException;

/**
 * Daemon identity files (bmx7's RSA key, from which it derives its node id and primary IPv6) kept
 * on the host per lab and node, so a redeployed or repeated lab keeps the same identities and
 * addresses (comparable results) and skips key generation. The lab owns the directory
 * ({@link #dir}) and passes it as {@link DaemonConfig#identityDir()}; drivers copy a kept file into
 * the node before start and keep a newly generated one after the first start.
 */
public final class NodeIdentity {
    private NodeIdentity() {}

    /**
     * {@code <labs root>/<lab>/keys/<node>/}, the labs root being the lab store's
     * ({@code /var/lib/mlc-ng/labs} by default). Destroying a lab should leave {@code keys/} in place.
     */
    public static Path dir(Path labsRoot, String lab, String node) {
        return labsRoot.resolve(lab).resolve("keys").resolve(node);
    }

    /** Copies the kept file into the node at {@code nodePath}; false when none is kept yet. */
    public static boolean restore(NodeExec node, Path identityDir, String nodePath) {
        Path kept = identityDir.resolve(fileName(nodePath));
        if (!Files.isRegularFile(kept)) {
            return false;
        }
        try {
            NodeFiles.write(node, nodePath, Files.readAllBytes(kept), "600");
        } catch (IOException e) {
            throw new OperationFailedException("reading kept identity " + kept + " failed: " + e.getMessage(), e);
        }
        return true;
    }

    /**
     * Keeps the node's {@code nodePath} on the host unless a copy is kept already; true when it kept
     * a new one. Fails when the node has no such file (the daemon did not create its identity).
     */
    public static boolean keep(NodeExec node, Path identityDir, String nodePath) {
        Path kept = identityDir.resolve(fileName(nodePath));
        if (Files.isRegularFile(kept)) {
            return false;
        }
        Optional<byte[]> content = NodeFiles.read(node, nodePath);
        if (content.isEmpty()) {
            throw new OperationFailedException("node " + node.node() + " has no " + nodePath + " to keep as its identity");
        }
        try {
            Files.createDirectories(identityDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            // Write beside and move, so a crash never leaves a truncated key that a later deploy would use.
            Path tmp = Files.createTempFile(identityDir, ".keep", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, content.get());
            Files.move(tmp, kept, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OperationFailedException("keeping identity of node " + node.node() + " in " + identityDir + " failed: " + e.getMessage(), e);
        }
        return true;
    }

    private static String fileName(String nodePath) {
        return Path.of(nodePath).getFileName().toString();
    }
}
