package net.mlcng.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import net.mlcng.topology.TopologyLoader;
import net.mlcng.topology.export.GraphFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `graph FILE --format dot|mermaid|netjson|svg`: export a topology for docs and other tools. */
@Command(name = "graph", mixinStandardHelpOptions = true, description = "Export a topology as DOT, Mermaid, NetJSON NetworkGraph or SVG.")
public class GraphCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Topology YAML file.")
    Path file;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "One of: ${COMPLETION-CANDIDATES}.")
    GraphFormat format;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        output.write(format.export(TopologyLoader.load(file)), spec.commandLine().getOut());
        return 0;
    }
}
