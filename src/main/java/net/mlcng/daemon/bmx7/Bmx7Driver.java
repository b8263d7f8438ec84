package net.mlcng.daemon.bmx7;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.mlcng.daemon.DaemonConfig;
import net.mlcng.daemon.DaemonView;
import net.mlcng.daemon.KernelRoutes;
import net.mlcng.daemon.NodeExec;
import net.mlcng.daemon.NodeFiles;
import net.mlcng.daemon.NodeIdentity;
import net.mlcng.daemon.Route;
import net.mlcng.daemon.RoutingDaemon;
import net.mlcng.daemon.Supervisor;
import net.mlcng.error.OperationFailedException;

/**
 * Drives bmx7 in a node: {@code bmx7 debug=0 dev=IF... <topology args>} under a {@link Supervisor}
 * (debug=0 keeps it in the foreground, so mlc-ng holds its PID and learns how it ended), status
 * through its control socket ({@code bmx7 -c ...}), routes from kernel table {@value #ROUTE_TABLE}.
 * The node's RSA key ({@value #KEY_FILE}), from which bmx7 derives node id and primary IPv6, is kept
 * on the host when the lab gives an identity directory: restored before start, kept after the first.
 */
public final class Bmx7Driver implements RoutingDaemon {
    public static final String NAME = "bmx7";
    public static final String KEY_FILE = "/etc/bmx7/rsa.der";
    public static final int ROUTE_TABLE = 70;
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    /** Ready once the control socket answers; bmx7 opens it after reading its key. */
    private static final String READY_CHECK = "bmx7 -c version";

    private final Duration startTimeout;

    /** First start makes an RSA2048 key (1-3 s CPU each); with many nodes on 2 cores that queues up. */
    public Bmx7Driver() {
        this(Duration.ofSeconds(90));
    }

    Bmx7Driver(Duration startTimeout) {
        this.startTimeout = startTimeout;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The daemon's command line: foreground, one {@code dev=} per mesh interface, then the topology's arguments. */
    public static List<String> command(DaemonConfig config) {
        List<String> argv = new ArrayList<>(List.of("bmx7", "debug=0"));
        config.meshInterfaces().forEach(dev -> argv.add("dev=" + dev));
        argv.addAll(config.extraArgs());
        return List.copyOf(argv);
    }

    @Override
    public void start(NodeExec node, DaemonConfig config) {
        if (config.meshInterfaces().isEmpty()) {
            throw new OperationFailedException("node " + node.node() + " has no mesh interface; bmx7 needs at least one dev=");
        }
        Supervisor supervisor = supervisor(config);
        if (supervisor.probe(node).running()) {
            return;
        }
        if (config.identityDir() != null) {
            NodeIdentity.restore(node, config.identityDir(), KEY_FILE);
        }
        supervisor.start(node, new Supervisor.Launch(command(config), Map.of(), List.of(), READY_CHECK, startTimeout));
        if (config.identityDir() != null) {
            NodeIdentity.keep(node, config.identityDir(), KEY_FILE);
        }
    }

    /** bmx7's primary IP (fd70::/16, derived from the node key), from its status. */
    @Override
    public String announcedAddress(NodeExec node, DaemonConfig config) {
        return status(node).primaryIp();
    }

    /** Routes in table 70, with hop counts from bmx7's originators (matched by primary IP). */
    @Override
    public List<Route> routes(NodeExec node, DaemonConfig config) {
        Map<String, Integer> hopsByIp = originators(node).stream()
                .filter(o -> o.hops() != null)
                .collect(Collectors.toMap(o -> o.primaryIp() + "/128", Bmx7Originator::hops, (a, b) -> a));
        return KernelRoutes.read(node, ROUTE_TABLE).stream()
                .map(r -> new Route(r.destination(), r.via(), r.device(), hopsByIp.get(r.destination())))
                .toList();
    }

    /**
     * Known nodes: the originators other than this node (by bmx7 name, its hostname); neighbours:
     * the nodes bmx7 has links to; resolved: bmx7's {@code nodes=A/B} A without itself.
     */
    @Override
    public DaemonView view(NodeExec node, DaemonConfig config) {
        Bmx7Output out = query(node, "show=status", "show=originators", "show=links");
        List<String> known = out.originators().stream().filter(o -> !o.self()).map(Bmx7Originator::name).toList();
        List<String> neighbours = out.links().stream().map(Bmx7Link::name).distinct().toList();
        return new DaemonView(known, neighbours, out.status().nodes().resolved() - 1);
    }

    public Bmx7Status status(NodeExec node) {
        return query(node, "show=status").status();
    }

    public List<Bmx7Originator> originators(NodeExec node) {
        return query(node, "show=originators").originators();
    }

    public List<Bmx7Link> links(NodeExec node) {
        return query(node, "show=links").links();
    }

    /** bmx7's NetJSON graph, when the json plugin is loaded ({@code plugin=bmx7_json.so}); else empty. */
    public Optional<NetJsonGraph> networkGraph(NodeExec node) {
        return NodeFiles.read(node, Bmx7Json.NETWORK_GRAPH_FILE).map(b -> Bmx7Json.networkGraph(new String(b, StandardCharsets.UTF_8)));
    }

    /** bmx7's NetJSON routes, when the json plugin is loaded; else empty. */
    public Optional<NetJsonRoutes> networkRoutes(NodeExec node) {
        return NodeFiles.read(node, Bmx7Json.NETWORK_ROUTES_FILE).map(b -> Bmx7Json.networkRoutes(new String(b, StandardCharsets.UTF_8)));
    }

    /** One point of a convergence time series, {@code seconds} after the event being measured. */
    public Bmx7Sample sample(NodeExec node, double seconds) {
        return new Bmx7Sample(seconds, status(node).nodes(), KernelRoutes.read(node, ROUTE_TABLE).size());
    }

    /**
     * Asks the running daemon through its control socket. A view bmx7 refuses raises
     * {@link Bmx7ViewUnavailableException}; no daemon to ask raises OperationFailedException.
     */
    public Bmx7Output query(NodeExec node, String... views) {
        return ask(node, views, Bmx7Output::parse);
    }

    public Bmx7Version version(NodeExec node) {
        return ask(node, new String[] {"version"}, Bmx7Version::parse);
    }

    private <T> T ask(NodeExec node, String[] args, Function<String, T> parser) {
        List<String> cmd = new ArrayList<>(List.of("bmx7", "-c"));
        cmd.addAll(List.of(args));
        NodeExec.ExecResult r = node.exec(cmd, QUERY_TIMEOUT);
        // bmx7 prints its refusal of a view as ERROR lines; let the parser turn them into the typed error.
        if (r.stdout().lines().anyMatch(l -> l.startsWith("ERROR")) || r.stderr().lines().anyMatch(l -> l.startsWith("ERROR"))) {
            return parser.apply(r.stdout() + "\n" + r.stderr());
        }
        if (!r.ok()) {
            throw new OperationFailedException("bmx7 in node " + node.node() + " did not answer '" + String.join(" ", cmd) + "'"
                    + " (exit " + r.exitCode() + (r.stderr().isBlank() ? "" : ": " + r.stderr().strip()) + ")");
        }
        return parser.apply(r.stdout());
    }

    @Override
    public Supervisor supervisor(DaemonConfig config) {
        return new Supervisor(NAME, config.stateDir());
    }
}
