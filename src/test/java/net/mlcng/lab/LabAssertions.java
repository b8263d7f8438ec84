package net.mlcng.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.topology.Topology;
import net.mlcng.util.Processes;
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
                // Retracted routes stay as "unreachable ..." lines for a while; they do not count.
                String table = routes.get(from).stdout().lines().filter(l -> !l.startsWith("unreachable")).map(l -> l + "\n")
                        .reduce("", String::concat);
                long have = t.nodes().keySet().stream().filter(to -> !to.equals(from) && table.contains(names.loopbackAddress(to) + " ")).count();
                if (have < t.nodes().size() - 1) missing.add(from + " has " + have + "/" + (t.nodes().size() - 1) + " routes");
            }
            return missing.isEmpty() ? Condition.Status.OK : Condition.Status.notYet(String.join(", ", missing));
        };
    }

    /**
     * What the host still holds of a lab, listed the way a user would: containers by label,
     * host links by the lab's prefix, nft tables, namespace handles, the state directory.
     */
    static List<String> leftovers(String lab, java.nio.file.Path stateRoot) {
        LabNames names = new LabNames(lab);
        List<String> left = new ArrayList<>();
        for (String id : sh("docker ps -a -q --filter label=" + LabNames.LABEL_LAB + "=" + lab)) left.add("container " + id);
        for (String l : sh("ip -o link show")) {
            String ifname = l.split(": ")[1].split("@")[0];
            if (ifname.startsWith(names.hostPrefix())) left.add("host link " + ifname);
        }
        for (String t : sh("nft list tables")) if (t.endsWith(" " + names.nftTable())) left.add("nft " + t);
        for (String n : sh("ip netns list")) if (n.startsWith(names.netnsPrefix())) left.add("netns " + n);
        if (java.nio.file.Files.exists(stateRoot.resolve(lab))) left.add("state dir " + stateRoot.resolve(lab));
        return left;
    }

    private static List<String> sh(String command) {
        Processes.Result r = Processes.run(List.of("sh", "-c", command), Duration.ofSeconds(30));
        if (!r.ok()) throw new AssertionError(command + " failed: " + r.stderr());
        return r.stdout().lines().filter(l -> !l.isBlank()).toList();
    }
}
