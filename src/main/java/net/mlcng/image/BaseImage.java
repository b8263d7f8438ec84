package net.mlcng.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import net.mlcng.error.EnvironmentException;
import net.mlcng.error.OperationFailedException;
import net.mlcng.runtime.DockerImages;
import net.mlcng.util.Processes;

/**
 * The Debian 12 image the node image starts FROM: the registry's slim image when a registry
 * answers, otherwise a minimal root filesystem bootstrapped from Debian packages with mmdebstrap
 * and imported once; later builds reuse it.
 */
public final class BaseImage {
    public static final String REGISTRY_IMAGE = "debian:bookworm-slim";
    public static final String BOOTSTRAPPED_IMAGE = "mlc-ng/base:bookworm";

    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration BOOTSTRAP_TIMEOUT = Duration.ofMinutes(20);

    private BaseImage() {}

    /** Returns the name of a base image present on the engine, making one if needed. */
    public static String ensure(DockerImages images, Consumer<String> log) {
        if (images.exists(REGISTRY_IMAGE)) return REGISTRY_IMAGE;
        if (images.exists(BOOTSTRAPPED_IMAGE)) {
            log.accept("base: " + BOOTSTRAPPED_IMAGE + " (bootstrapped earlier, cached)");
            return BOOTSTRAPPED_IMAGE;
        }
        if (images.tryPull(REGISTRY_IMAGE, PULL_TIMEOUT)) {
            log.accept("base: " + REGISTRY_IMAGE + " (pulled)");
            return REGISTRY_IMAGE;
        }
        log.accept("base: no registry answers; bootstrapping " + BOOTSTRAPPED_IMAGE
                + " from Debian packages with mmdebstrap (once; a few minutes)");
        bootstrap(images, BOOTSTRAPPED_IMAGE, log);
        return BOOTSTRAPPED_IMAGE;
    }

    /** Makes image from a Debian 12 minbase root filesystem made by mmdebstrap (needs root). */
    static void bootstrap(DockerImages images, String image, Consumer<String> log) {
        Path dir;
        try {
            dir = Files.createTempDirectory("mlcng-base-");
        } catch (IOException e) {
            throw new OperationFailedException("cannot create a temporary directory: " + e.getMessage(), e);
        }
        Path tarball = dir.resolve("rootfs.tar");
        try {
            Processes.Result r = Processes.run(
                    List.of("mmdebstrap", "--variant=minbase", "--quiet", "bookworm", tarball.toString()),
                    BOOTSTRAP_TIMEOUT);
            if (r.exitCode() == 127) {
                throw new EnvironmentException("mmdebstrap is not installed (needed to make the base image without a registry)",
                        "run ./mlc-ng host setup (installs mmdebstrap), or apt-get install mmdebstrap");
            }
            if (!r.ok()) {
                throw new OperationFailedException("mmdebstrap failed (exit " + r.exitCode() + "):\n" + tail(r.stderr()));
            }
            images.importRootfs(tarball, image, log);
        } finally {
            try {
                Files.deleteIfExists(tarball);
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // A leftover temp file is harmless; the build result matters more.
            }
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
