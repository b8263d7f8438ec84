package net.mlcng.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import net.mlcng.topology.Topology;
import net.mlcng.topology.TopologyGraph;
import net.mlcng.topology.TopologyLoader;
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
        out.printf("OK %s: topology '%s', %d nodes, %d links%s%n", file, t.name(), t.nodes().size(), t.links().size(),
                t.media().isEmpty() ? "" : ", " + t.media().size() + " media with " + pairs + " pairs");
        for (String warning : TopologyGraph.warnings(t)) out.println("warning: " + warning);
        out.flush();
        return 0;
    }
}
