package net.mlcng.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.mlcng.error.UsageException;
import net.mlcng.image.NodeImages;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Names;
import net.mlcng.topology.NodeDefaults;
import net.mlcng.topology.Topology;
import net.mlcng.topology.TopologyLoader;
import net.mlcng.topology.TopologyWriter;
import net.mlcng.topology.Units;
import net.mlcng.topology.generate.ClustersGenerator;
import net.mlcng.topology.generate.ErdosRenyiGenerator;
import net.mlcng.topology.generate.FullMeshGenerator;
import net.mlcng.topology.generate.GeneratorSpecs;
import net.mlcng.topology.generate.GridGenerator;
import net.mlcng.topology.generate.LineGenerator;
import net.mlcng.topology.generate.TopologyGenerator;
import net.mlcng.topology.generate.TreeGenerator;
import net.mlcng.topology.generate.UnitDiskGenerator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `generate KIND ...`: write a generated topology file; one subcommand per generator. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generate a topology file (line, grid, tree, unit-disk, erdos-renyi, full-mesh, clusters).",
        subcommands = {
            GenerateCommand.Line.class,
            GenerateCommand.Grid.class,
            GenerateCommand.Tree.class,
            GenerateCommand.UnitDisk.class,
            GenerateCommand.ErdosRenyi.class,
            GenerateCommand.FullMesh.class,
            GenerateCommand.Clusters.class,
        })
public class GenerateCommand extends CommandGroup {

    /** Options every generator takes: name, node settings, link impairments, output. */
    public static class Common {
        @Option(names = "--name", paramLabel = "NAME", description = "Topology name (default: the generator kind).")
        String name;

        @Option(names = "--daemon", paramLabel = "DAEMON", description = "Routing daemon of every node (default: ${DEFAULT-VALUE}).",
                defaultValue = NodeDefaults.DEFAULT_DAEMON)
        String daemon;

        @Option(names = "--image", paramLabel = "IMAGE", description = "Node image (default: ${DEFAULT-VALUE}).",
                defaultValue = NodeImages.DEFAULT_TAG)
        String image;

        @Option(names = "--loss", paramLabel = "LOSS", description = "Loss of every link, e.g. 5%% (both directions).")
        String loss;

        @Option(names = "--rate", paramLabel = "RATE", description = "Rate of every link, e.g. 10mbit.")
        String rate;

        @Option(names = "--delay", paramLabel = "DELAY", description = "Delay of every link, e.g. 5ms.")
        String delay;

        @Option(names = "--jitter", paramLabel = "JITTER", description = "Delay jitter of every link, e.g. 1ms.")
        String jitter;

        @Mixin
        OutputOption output;

        LinkProps linkProps() {
            Double lossPercent = loss == null ? null : parsed("--loss", loss, Units.parseLoss(loss), Units.LOSS_EXPECTED);
            if (lossPercent != null && (lossPercent < 0 || lossPercent > 100)) {
                throw new UsageException("--loss: " + loss + " is outside 0..100 percent");
            }
            Long bits = rate == null ? null : parsed("--rate", rate, Units.parseRate(rate), Units.RATE_EXPECTED);
            Duration d = delay == null ? null : parsed("--delay", delay, Units.parseDuration(delay), Units.DURATION_EXPECTED);
            Duration j = jitter == null ? null : parsed("--jitter", jitter, Units.parseDuration(jitter), Units.DURATION_EXPECTED);
            return new LinkProps(lossPercent, bits, d, j);
        }

        private static <T> T parsed(String option, String given, T value, String expected) {
            if (value == null) throw new UsageException(option + ": expected " + expected + ", got '" + given + "'");
            return value;
        }
    }

    /** --nodes, for the generators that take a node count. */
    static class NodeCount {
        @Option(names = "--nodes", required = true, description = "Number of nodes.")
        int nodes;
    }

    /** --seed, for the random generators: the same seed gives the same topology. */
    static class Seed {
        @Option(names = "--seed", defaultValue = "" + GeneratorSpecs.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;
    }

    /** Shared body of the generator subcommands: build, check, write. */
    abstract static class Kind implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common;

        abstract TopologyGenerator generator();

        @Override
        public Integer call() {
            String name = common.name != null ? common.name : spec.name();
            String nameProblem = Names.topologyNameProblem(name);
            if (nameProblem != null) throw new UsageException("--name: " + nameProblem);
            if (!TopologyLoader.knownDaemons().contains(common.daemon)) {
                throw new UsageException("--daemon: unknown daemon '" + common.daemon + "'; known daemons: "
                        + String.join(", ", TopologyLoader.knownDaemons()));
            }
            NodeDefaults nodes = new NodeDefaults(common.daemon, common.image, Map.of(), List.of());
            Topology t = generator().generate().toTopology(name, nodes, common.linkProps());
            // Record how the file was made, so it can be regenerated or varied later.
            String header = "# Generated by: mlc-ng "
                    + String.join(" ", spec.commandLine().getParseResult().originalArgs()) + "\n";
            common.output.write(header + TopologyWriter.write(t), spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "line", mixinStandardHelpOptions = true, description = "n1 - n2 - ... - nN; a ring with --closed.")
    static class Line extends Kind {
        @Mixin
        NodeCount count;

        @Option(names = "--closed", description = "Link the last node back to the first (a ring).")
        boolean closed;

        @Override
        TopologyGenerator generator() {
            return new LineGenerator(count.nodes, closed);
        }
    }

    @Command(name = "grid", mixinStandardHelpOptions = true, description = "rows x cols grid; --diagonal adds diagonals, --torus wraps both ways.")
    static class Grid extends Kind {
        @Option(names = "--rows", required = true, description = "Number of rows.")
        int rows;

        @Option(names = "--cols", required = true, description = "Number of columns.")
        int cols;

        @Option(names = "--diagonal", description = "Also link diagonal neighbours.")
        boolean diagonal;

        @ArgGroup(exclusive = true)
        Wrap wrap = new Wrap();

        static class Wrap {
            @Option(names = "--torus", description = "Wrap around in x and y.")
            boolean torus;

            @ArgGroup(exclusive = false)
            Axes axes = new Axes();
        }

        static class Axes {
            @Option(names = "--wrap-x", description = "Link the last column to the first.")
            boolean wrapX;

            @Option(names = "--wrap-y", description = "Link the last row to the first.")
            boolean wrapY;
        }

        @Override
        TopologyGenerator generator() {
            return new GridGenerator(rows, cols, diagonal, wrap.torus || wrap.axes.wrapX, wrap.torus || wrap.axes.wrapY);
        }
    }

    @Command(name = "tree", mixinStandardHelpOptions = true, description = "Full tree: every inner node has DEGREE children, DEPTH levels below the root.")
    static class Tree extends Kind {
        @Option(names = "--depth", required = true, description = "Levels below the root.")
        int depth;

        @Option(names = "--degree", defaultValue = "2", description = "Children per inner node (default: ${DEFAULT-VALUE}).")
        int degree;

        @Override
        TopologyGenerator generator() {
            return new TreeGenerator(depth, degree);
        }
    }

    @Command(name = "unit-disk", mixinStandardHelpOptions = true, description = "Random geometric graph: N nodes in an area, linked when within RANGE.")
    static class UnitDisk extends Kind {
        @Mixin
        NodeCount count;

        @Option(names = "--width", defaultValue = "100", description = "Area width (default: ${DEFAULT-VALUE}).")
        double width;

        @Option(names = "--height", defaultValue = "100", description = "Area height (default: ${DEFAULT-VALUE}).")
        double height;

        @Option(names = "--range", required = true, description = "Radio range, in area units.")
        double range;

        @Mixin
        Seed random;

        @Override
        TopologyGenerator generator() {
            return new UnitDiskGenerator(count.nodes, width, height, range, random.seed);
        }
    }

    @Command(name = "erdos-renyi", mixinStandardHelpOptions = true, description = "G(n, p): each pair of N nodes linked with probability P.")
    static class ErdosRenyi extends Kind {
        @Mixin
        NodeCount count;

        @Option(names = "--p", required = true, description = "Link probability 0..1.")
        double p;

        @Mixin
        Seed random;

        @Override
        TopologyGenerator generator() {
            return new ErdosRenyiGenerator(count.nodes, p, random.seed);
        }
    }

    @Command(name = "full-mesh", mixinStandardHelpOptions = true, description = "Every node linked to every other.")
    static class FullMesh extends Kind {
        @Mixin
        NodeCount count;

        @Override
        TopologyGenerator generator() {
            return new FullMeshGenerator(count.nodes);
        }
    }

    @Command(name = "clusters", mixinStandardHelpOptions = true, description = "Full-mesh clusters in a chain, joined by bridge nodes b1, b2, ...")
    static class Clusters extends Kind {
        @Option(names = "--clusters", required = true, description = "Number of clusters.")
        int clusters;

        @Option(names = "--size", required = true, description = "Nodes per cluster.")
        int size;

        @Override
        TopologyGenerator generator() {
            return new ClustersGenerator(clusters, size);
        }
    }
}
