package net.mlcng.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.topology.Topology;
import net.mlcng.wait.Condition;

/** Conditions and host listings shared by the lab integration tests. */
final class LabAssertions {
    private LabAssertions() {}

    /** Every node has a babel route to every other node's loopback address. */
    static Condition converged(LabEngine engine, Topology t) {
        LabNames names = new LabNames(t.name());
        return () -> {
            Map<String, ExecResult> routes = engine.exec(t.name(), "all", List.of("ip", "-6", "route", "show", "proto", "babel"), Duration.ofSeconds(10));
            List<String> missing = new ArrayList<>();
            for (String from : t.nodes().keySet()) {
                String table = routes.get(from).stdout();
                long have = t.nodes().keySet().stream().filter(to -> !to.equals(from) && table.contains(names.loopbackAddress(to) + " ")).count();
                if (have < t.nodes().size() - 1) missing.add(from + " has " + have + "/" + (t.nodes().size() - 1) + " routes");
            }
            return missing.isEmpty() ? Condition.Status.OK : Condition.Status.notYet(String.join(", ", missing));
        };
    }
}
