package net.mlcng.daemon.babel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.mlcng.daemon.DaemonConfig;
import net.mlcng.daemon.DaemonState;
import net.mlcng.daemon.DaemonView;
import net.mlcng.daemon.NodeExec;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.daemon.Route;
import net.mlcng.daemon.RoutingDaemon;
import net.mlcng.error.OperationFailedException;

/**
 * babeld in a node. The container has a read-only /proc/sys, so babeld runs with
 * {@code skip-kernel-setup} and relies on the sysctls the lab presets at container creation
 * (forwarding on, redirects off). It announces only the node's loopback ULA. A small shell
 * wrapper records babeld's exit status next to its pid and log files, so {@link #state} can say
 * how it ended. Extra daemon arguments from the topology are extra babeld.conf lines.
 */
public final class BabeldDriver implements RoutingDaemon {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOG_LINES = 20;

    @Override
    public String name() {
        return "babeld";
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

    private static String dir(DaemonConfig c) {
        return c.stateDir() + "/babeld";
    }

    @Override
    public void start(NodeExec node, DaemonConfig config) {
        String script = """
                set -e
                mkdir -p "$1" && cd "$1"
                printf '%s' "$2" > babeld.conf
                rm -f babeld.pid babeld.exit
                setsid sh -c 'babeld -c babeld.conf -I babeld.pid -L babeld.log -S babeld.state; echo $? > babeld.exit' </dev/null >/dev/null 2>&1 &
                i=0
                while [ ! -s babeld.pid ]; do
                  if [ -e babeld.exit ]; then echo "babeld exited with status $(cat babeld.exit):" >&2; tail -5 babeld.log >&2; exit 1; fi
                  i=$((i+1)); if [ $i -gt 200 ]; then echo "babeld wrote no pid file within 10 s" >&2; exit 1; fi
                  sleep 0.05
                done
                cat babeld.pid
                """;
        ExecResult r = node.exec(List.of("sh", "-c", script, "babeld-start", dir(config), configFile(config)), TIMEOUT);
        if (!r.ok()) {
            throw new OperationFailedException("babeld did not start in node " + node.node() + ": " + r.stderr().strip());
        }
    }

    @Override
    public void stop(NodeExec node, DaemonConfig config) {
        String script = """
                cd "$1" 2>/dev/null || exit 0
                [ -s babeld.pid ] || exit 0
                pid=$(cat babeld.pid)
                kill "$pid" 2>/dev/null || exit 0
                i=0
                while kill -0 "$pid" 2>/dev/null; do
                  i=$((i+1)); if [ $i -gt 60 ]; then kill -9 "$pid"; break; fi
                  sleep 0.05
                done
                """;
        ExecResult r = node.exec(List.of("sh", "-c", script, "babeld-stop", dir(config)), TIMEOUT);
        if (!r.ok()) throw new OperationFailedException("cannot stop babeld in node " + node.node() + ": " + r.stderr().strip());
    }

    @Override
    public DaemonState state(NodeExec node, DaemonConfig config) {
        String script = """
                cd "$1" 2>/dev/null || exit 0
                pid=$(cat babeld.pid 2>/dev/null)
                echo "pid=$pid"
                if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo running=yes; else echo running=no; fi
                if [ -e babeld.exit ]; then echo "exit=$(cat babeld.exit)"; echo "stopped=$(stat -c %Y babeld.exit)"; fi
                echo --log--
                tail -n "$2" babeld.log 2>/dev/null
                """;
        ExecResult r = node.exec(List.of("sh", "-c", script, "babeld-state", dir(config), String.valueOf(LOG_LINES)), TIMEOUT);
        if (!r.ok()) throw new OperationFailedException("cannot read babeld state in node " + node.node() + ": " + r.stderr().strip());
        return parseState(r.stdout());
    }

    static DaemonState parseState(String out) {
        Integer pid = null, exit = null;
        Instant stopped = null;
        boolean running = false;
        List<String> log = new ArrayList<>();
        boolean inLog = false;
        for (String line : out.split("\n", -1)) {
            if (inLog) {
                if (!line.isEmpty()) log.add(line);
            } else if (line.equals("--log--")) {
                inLog = true;
            } else if (line.startsWith("pid=") && line.length() > 4) {
                pid = Integer.valueOf(line.substring(4).trim());
            } else if (line.equals("running=yes")) {
                running = true;
            } else if (line.startsWith("exit=")) {
                exit = Integer.valueOf(line.substring(5).trim());
            } else if (line.startsWith("stopped=")) {
                stopped = Instant.ofEpochSecond(Long.parseLong(line.substring(8).trim()));
            }
        }
        if (running) return new DaemonState(true, pid, null, null, null, log);
        // The shell reports death by signal N as 128+N.
        String signal = exit != null && exit > 128 ? "signal " + (exit - 128) : null;
        Integer exitCode = signal == null ? exit : null;
        return new DaemonState(false, pid, exitCode, signal, stopped, log);
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
