package net.mlcng.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import net.mlcng.topology.Topology;
import net.mlcng.topology.TopologyGraph;
import net.mlcng.topology.TopologyLoader;
import net.mlcng.util.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `validate FILE`: load a topology file and report every problem, or OK with counts and warnings. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a topology file; exit 2 listing every problem (file:line:column).")
public class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Topology YAML file.")
    Path file;

    @Override
    public Integer call() {
        Topology t = TopologyLoader.load(file);
        PrintWriter out = spec.commandLine().getOut();
        int pairs = t.media().stream().mapToInt(m -> m.pairs().size()).sum();
        out.printf("OK %s: topology '%s', %s, %s%s%n", file, t.name(), Plural.of(t.nodes().size(), "node"), Plural.of(t.links().size(), "link"),
                t.media().isEmpty() ? "" : ", " + Plural.of(t.media().size(), "medium", "media") + " with " + Plural.of(pairs, "pair"));
        for (String warning : TopologyGraph.warnings(t)) out.println("warning: " + warning);
        out.flush();
        return 0;
    }
}
