package net.mlcng.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.command.PullImageResultCallback;
import java.io.IOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.mlcng.error.OperationFailedException;

/** Image operations on the Docker engine: inspect, pull, import, build, and one-shot runs. */
public final class DockerImages {
    private final DockerClient docker;

    public DockerImages(DockerClient docker) {
        this.docker = docker;
    }

    /** What the engine knows about a local image: its id, size in bytes and labels. */
    public record ImageInfo(String id, long sizeBytes, Map<String, String> labels) {}

    /** Output of a command run once in a throwaway container. */
    public record RunOutput(long exitCode, String output) {}

    public Optional<ImageInfo> inspect(String image) {
        try {
            InspectImageResponse r = docker.inspectImageCmd(image).exec();
            Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null
                    ? Map.of() : Map.copyOf(r.getConfig().getLabels());
            return Optional.of(new ImageInfo(r.getId(), r.getSize() == null ? 0 : r.getSize(), labels));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public boolean exists(String image) {
        return inspect(image).isPresent();
    }

    /** Pulls image ("repo:tag"); false when no registry answers (this is expected offline). */
    public boolean tryPull(String image, Duration timeout) {
        int colon = image.lastIndexOf(':');
        try {
            return docker.pullImageCmd(image.substring(0, colon)).withTag(image.substring(colon + 1))
                    .exec(new PullImageResultCallback())
                    .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS) && exists(image);
        } catch (RuntimeException e) {
            // No registry (DNS or connect failure) or no such image there: the caller falls back.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Makes image from a root filesystem tarball, like `docker import`. docker-java's import call
     * (POST /images/create?fromSrc=-) ends in "unexpected EOF" on this engine, so this builds
     * `FROM scratch` + `ADD rootfs.tar /` instead (ADD keeps owners and modes) from an
     * uncompressed context tar: seconds, where letting docker-java gzip the context takes ~40 s.
     */
    public void importRootfs(Path tarball, String image, Consumer<String> log) {
        Path context = tarball.resolveSibling("context.tar");
        String dockerfile = "FROM scratch\nADD rootfs.tar /\nCMD [\"bash\"]\n";
        try {
            try (var out = new TarArchiveOutputStream(Files.newOutputStream(context))) {
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                byte[] df = dockerfile.getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry dfEntry = new TarArchiveEntry("Dockerfile");
                dfEntry.setSize(df.length);
                out.putArchiveEntry(dfEntry);
                out.write(df);
                out.closeArchiveEntry();
                TarArchiveEntry rootfs = new TarArchiveEntry("rootfs.tar");
                rootfs.setSize(Files.size(tarball));
                out.putArchiveEntry(rootfs);
                Files.copy(tarball, out);
                out.closeArchiveEntry();
            }
            try (InputStream in = Files.newInputStream(context)) {
                awaitBuild(docker.buildImageCmd().withTarInputStream(in).withTag(image).withPull(false).withRemove(true), log);
            }
        } catch (IOException e) {
            throw new OperationFailedException("cannot import " + tarball + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(context);
            } catch (IOException e) {
                // A leftover temp file is harmless.
            }
        }
    }

    /**
     * Builds contextDir/Dockerfile with host networking (so apt inside the build reaches the
     * package mirrors like the host does) and returns the image id. Build output goes to log.
     */
    public String build(Path contextDir, Optional<String> tag, Map<String, String> buildArgs,
            Map<String, String> labels, boolean noCache, Consumer<String> log) {
        var cmd = docker.buildImageCmd(contextDir.toFile())
                .withNetworkMode("host")
                .withLabels(labels)
                .withNoCache(noCache)
                .withPull(false)
                .withRemove(true)
                .withForcerm(true);
        tag.ifPresent(cmd::withTag);
        buildArgs.forEach(cmd::withBuildArg);
        return awaitBuild(cmd, log);
    }

    private static String awaitBuild(BuildImageCmd cmd, Consumer<String> log) {
        try {
            return cmd.exec(new BuildImageResultCallback() {
                @Override
                public void onNext(BuildResponseItem item) {
                    if (item.getStream() != null) {
                        item.getStream().lines().filter(l -> !l.isBlank()).forEach(log);
                    }
                    super.onNext(item);
                }
            }).awaitImageId();
        } catch (DockerClientException e) {
            throw new OperationFailedException("image build failed: " + e.getMessage(), e);
        }
    }

    /** Runs cmd once in a throwaway container of image (no network) and returns its output. */
    public RunOutput runOnce(String image, List<String> cmd, Duration timeout) {
        String id = docker.createContainerCmd(image)
                .withCmd(cmd)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            Integer code = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                    .awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
            StringBuilder out = new StringBuilder();
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new RunOutput(code, out.toString());
        } catch (DockerClientException e) {
            throw new OperationFailedException("running " + cmd + " in " + image + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while running " + cmd + " in " + image, e);
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    /** Removes a local image (tests clean up their own images with this). */
    public void remove(String image) {
        try {
            docker.removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException e) {
            // Already gone: nothing to clean up.
        }
    }
}
