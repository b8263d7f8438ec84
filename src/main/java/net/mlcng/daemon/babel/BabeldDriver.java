package net.mlcng.daemon.babel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.mlcng.daemon.DaemonConfig;
import net.mlcng.daemon.DaemonView;
import net.mlcng.daemon.NodeExec;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.daemon.Route;
import net.mlcng.daemon.RoutingDaemon;
import net.mlcng.daemon.Supervisor;
import net.mlcng.error.OperationFailedException;

/**
 * babeld in a node. The container has a read-only /proc/sys, so babeld runs with
 * {@code skip-kernel-setup} and relies on the sysctls the lab presets at container creation
 * (forwarding on, redirects off). It announces only the node's loopback ULA. It runs under the
 * shared {@link Supervisor}, which records its PID, log and how it ended, so {@link #state} can say
 * why it stopped. Extra daemon arguments from the topology are extra babeld.conf lines.
 */
public final class BabeldDriver implements RoutingDaemon {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "babeld";
    private static final String READY_FILE = "babeld.ready";
    private static final String CONFIG_FILE = "babeld.conf";

    @Override
    public String name() {
        return NAME;
    }

    /** The babeld.conf this driver writes for a node. */
    public static String configFile(DaemonConfig c) {
        StringBuilder conf = new StringBuilder();
        conf.append("skip-kernel-setup true\n");
        for (String i : c.meshInterfaces()) {
            // Shared media behave like radio: babeld's wireless mode keeps link-quality estimation on.
            conf.append("interface ").append(i).append(" type ").append(i.startsWith("m") ? "wireless" : "wired").append('\n');
        }
        conf.append("redistribute local ip ").append(c.loopbackAddress()).append("/128 allow\n");
        conf.append("redistribute local deny\n");
        for (String line : c.extraArgs()) conf.append(line).append('\n');
        return conf.toString();
    }

    /** babeld's pid/log/exit record and, as its working directory, its core and config live here. */
    @Override
    public Supervisor supervisor(DaemonConfig config) {
        return new Supervisor(NAME, config.stateDir() + "/" + NAME);
    }

    /**
     * babeld in the foreground (it logs to stderr, which the supervisor keeps), started with its
     * config in one exec. Its own pid file ({@code -I}) is opened with O_EXCL, so one left by a
     * crash would block every restart; it is named {@value #READY_FILE}, removed before each start,
     * and serves only as the sign that babeld read its config and is up.
     */
    @Override
    public void start(NodeExec node, DaemonConfig config) {
        Supervisor supervisor = supervisor(config);
        String dir = supervisor.stateDir();
        supervisor.start(node, new Supervisor.Launch(
                List.of(NAME, "-c", dir + "/" + CONFIG_FILE, "-I", dir + "/" + READY_FILE, "-S", dir + "/babeld.state"),
                Map.of(CONFIG_FILE, configFile(config)), List.of(READY_FILE), "test -s " + READY_FILE, TIMEOUT));
    }

    @Override
    public String announcedAddress(NodeExec node, DaemonConfig config) {
        return config.loopbackAddress();
    }

    @Override
    public List<Route> routes(NodeExec node, DaemonConfig config) {
        ExecResult r = node.exec(List.of("ip", "-6", "-j", "route", "show", "proto", "babel"), TIMEOUT);
        if (!r.ok()) throw new OperationFailedException("cannot read routes in node " + node.node() + ": " + r.stderr().strip());
        return parseRoutes(r.stdout());
    }

    static List<Route> parseRoutes(String json) {
        List<Route> routes = new ArrayList<>();
        try {
            for (JsonNode n : JSON.readTree(json.isBlank() ? "[]" : json)) {
                // babeld keeps retracted routes as "unreachable" for a while: not a way to the node.
                if ("unreachable".equals(n.path("type").asText())) continue;
                String dst = n.path("dst").asText();
                if (!dst.contains("/")) dst = dst + "/128";
                routes.add(new Route(dst, n.path("gateway").asText(null), n.path("dev").asText(null), null));
            }
        } catch (IOException e) {
            throw new OperationFailedException("unreadable route list from ip: " + e.getMessage(), e);
        }
        return routes;
    }

    /**
     * Known nodes are the destinations babeld routes to; neighbours are the peers its next hops
     * sit behind: the peer a point-to-point interface {@code eX} faces, or next hop@interface on a medium.
     */
    @Override
    public DaemonView view(NodeExec node, DaemonConfig config) {
        return viewOf(routes(node, config));
    }

    static DaemonView viewOf(List<Route> routes) {
        Set<String> known = new LinkedHashSet<>();
        Set<String> neighbours = new LinkedHashSet<>();
        for (Route r : routes) {
            known.add(r.destination().replaceFirst("/128$", ""));
            if (r.device() == null) continue;
            if (r.device().startsWith("e")) neighbours.add(r.device().substring(1));
            else neighbours.add(r.via() + "@" + r.device());
        }
        return new DaemonView(List.copyOf(known), List.copyOf(neighbours));
    }
}
