package net.mlcng.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import net.mlcng.error.UsageException;
import net.mlcng.lab.LabEngine.DeployReport;
import net.mlcng.topology.Topology;
import net.mlcng.topology.TopologyLoader;
import net.mlcng.util.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `mlc-ng deploy FILE`: create the lab, or reconcile a running one towards the file. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy a topology file as a lab (containers, links, addresses, daemons); "
                + "on a running lab, add and remove what changed.")
public class DeployCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions lab;

    @Parameters(paramLabel = "FILE", description = "Topology file (YAML).")
    Path file;

    @Option(names = "--name", paramLabel = "LAB", description = "Lab name (default: the topology's name).")
    String name;

    @Override
    public Integer call() {
        Topology t = TopologyLoader.load(file);
        if (name != null) {
            if (!name.matches("[a-z0-9][a-z0-9-]{0,19}")) {
                throw new UsageException("--name " + name + ": lab names are 1-20 characters of a-z, 0-9 and '-', starting with a letter or digit");
            }
            t = new Topology(name, t.nodes(), t.links(), t.media(), t.layout());
        }
        var out = spec.commandLine().getOut();
        try (LabOptions.Session s = lab.open(ConsoleProgress.to(spec.commandLine().getErr()))) {
            DeployReport r = s.engine().deploy(t, sha256(file));
            out.printf("lab %s: %s (%d created, %d removed), %s wired, %s started%n", r.lab(), Plural.of(t.nodes().size(), "node"),
                    r.nodesCreated(), r.nodesRemoved(), Plural.of(r.linksWired(), "link"), Plural.of(r.daemonsStarted(), "daemon"));
            StringBuilder times = new StringBuilder("times:");
            r.stages().forEach((stage, d) -> times.append(String.format(" %s %.2f s", stage, d.toMillis() / 1000.0)));
            out.println(times);
            var oci = s.runtime().ociRuntime();
            if (r.nodesCreated() > 0 && oci.name() == null) spec.commandLine().getErr().println("note: containers run under the " + oci.describe());
        }
        return 0;
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
