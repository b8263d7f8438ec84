package net.mlcng.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.mlcng.error.OperationFailedException;
import net.mlcng.runtime.DockerImages;

/**
 * Builds the node image: makes sure a base image exists, assembles the build context (node-image/
 * from the jar plus the user's bmx7), builds with host networking and labels the result.
 */
public final class NodeImageBuilder {
    /** Files of node-image/, packaged into the jar under this resource path (see pom.xml). */
    private static final String CONTEXT_RESOURCES = "/net/mlcng/image/context/";
    private static final List<String> CONTEXT_FILES = List.of("Dockerfile", "install-bmx7");
    private static final Pattern BMX7_VERSION = Pattern.compile("BMX7-\\S+");

    private final DockerImages images;

    public NodeImageBuilder(DockerImages images) {
        this.images = images;
    }

    /** What to build: the tag, an optional user-supplied bmx7, and whether to ignore the layer cache. */
    public record Request(String tag, Optional<Bmx7Source> bmx7, boolean noCache) {}

    /** What was built; bmx7Version is empty when the image has no bmx7. */
    public record Result(String tag, String imageId, String base, boolean hasBmx7, Optional<String> bmx7Version,
            long sizeBytes, Duration took) {}

    public Result build(Request request, Consumer<String> log) {
        long start = System.nanoTime();
        String base = BaseImage.ensure(images, log);
        Path context = assembleContext(request.bmx7());
        try {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(NodeImages.BMX7_LABEL, Boolean.toString(request.bmx7().isPresent()));
            Map<String, String> args = Map.of("BASE", base);
            Optional<String> version = Optional.empty();
            boolean noCache = request.noCache();
            if (request.bmx7().isPresent()) {
                // The version is only known once bmx7 runs inside the image; the second build only
                // adds the label on top of the cached layers of the first.
                String untagged = images.build(context, Optional.empty(), args, labels, noCache, log);
                version = Optional.of(bmx7Version(untagged));
                labels.put(NodeImages.BMX7_VERSION_LABEL, version.get());
                noCache = false;
            }
            String id = images.build(context, Optional.of(request.tag()), args, labels, noCache, log);
            long size = images.inspect(id).map(DockerImages.ImageInfo::sizeBytes).orElse(0L);
            return new Result(request.tag(), id, base, request.bmx7().isPresent(), version, size,
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            deleteTree(context);
        }
    }

    /** What `bmx7 --version` says in the image, reduced to its BMX7-x.y token when there is one. */
    private String bmx7Version(String image) {
        DockerImages.RunOutput out = images.runOnce(image,
                List.of("timeout", "10", "bmx7", "--version"), Duration.ofSeconds(30));
        Matcher m = BMX7_VERSION.matcher(out.output());
        if (m.find()) return m.group();
        String first = out.output().lines().findFirst().orElse("").strip();
        return first.isEmpty() ? "unknown" : first.substring(0, Math.min(first.length(), 100));
    }

    private static Path assembleContext(Optional<Bmx7Source> bmx7) {
        try {
            Path dir = Files.createTempDirectory("mlcng-node-image-");
            for (String name : CONTEXT_FILES) {
                try (InputStream in = NodeImageBuilder.class.getResourceAsStream(CONTEXT_RESOURCES + name)) {
                    if (in == null) {
                        throw new OperationFailedException("node image file " + name + " is missing from the mlc-ng jar (rebuild it)");
                    }
                    Files.copy(in, dir.resolve(name));
                }
            }
            Path bmx7Dir = Files.createDirectory(dir.resolve("bmx7"));
            // The build's COPY needs bmx7/ to exist even when it holds no bmx7; an empty directory
            // would not make it into the context tarball.
            Files.writeString(bmx7Dir.resolve("README"), "user-supplied bmx7 for this build, if any\n");
            bmx7.ifPresent(source -> source.copyInto(bmx7Dir));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot assemble the node image build context", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }
}
