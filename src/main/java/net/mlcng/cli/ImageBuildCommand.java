package net.mlcng.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import net.mlcng.image.Bmx7Source;
import net.mlcng.image.NodeImageBuilder;
import net.mlcng.image.NodeImages;
import net.mlcng.runtime.DockerClients;
import net.mlcng.runtime.DockerImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mlc-ng image build [--bmx7 PATH] [--tag T]`: builds the node image. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build the node image from Debian packages (no registry needed: the base is bootstrapped"
                + " with mmdebstrap once and cached).",
                "bmx7 is not in Debian: supply your own build with --bmx7 (see docs/node-image.md)."})
public class ImageBuildCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--bmx7", paramLabel = "PATH",
            description = "A directory with the bmx7 binary and its bmx7_*.so plugins, or a bmx7 .deb.")
    Path bmx7;

    @Option(names = "--tag", paramLabel = "T", description = "Image tag (default: ${DEFAULT-VALUE}).")
    String tag = NodeImages.DEFAULT_TAG;

    @Option(names = "--no-cache", description = "Rebuild every layer instead of reusing cached ones.")
    boolean noCache;

    @Option(names = {"-v", "--verbose"}, description = "Show the full build output (apt and all).")
    boolean verbose;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        // Check --bmx7 before touching the engine: a wrong path is a usage error, nothing is built.
        Optional<Bmx7Source> source = Optional.ofNullable(bmx7).map(Bmx7Source::of);
        var builder = new NodeImageBuilder(new DockerImages(DockerClients.connect()));
        NodeImageBuilder.Result r = builder.build(new NodeImageBuilder.Request(tag, source, noCache), line -> {
            if (verbose || line.startsWith("Step ") || line.startsWith("base:")) {
                out.println(line);
                out.flush();
            }
        });
        out.printf("built %s (%s) from %s in %.1f s, %d MB%n", r.tag(), shortId(r.imageId()), r.base(),
                r.took().toMillis() / 1000.0, r.sizeBytes() / 1_000_000);
        out.println(r.hasBmx7()
                ? "bmx7: " + r.bmx7Version().orElse("unknown") + " (user-supplied)"
                : "bmx7: not in the image (babeld only; pass --bmx7 PATH to add yours)");
    }

    private static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
