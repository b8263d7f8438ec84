package net.mlcng.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.mlcng.error.UsageException;
import net.mlcng.lab.LabWireGuard;
import net.mlcng.lab.Progress;
import net.mlcng.util.Plural;
import net.mlcng.wireguard.TunnelShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `mlc-ng wg LAB up|down|show`: WireGuard tunnels over a running lab's routed mesh. */
@Command(name = "wg", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"WireGuard tunnels over a running lab: keys made by mlc-ng (JDK X25519), endpoints at the nodes'"
                + " mesh addresses, tunnel addresses from a lab-owned ULA /64; kernel WireGuard where present, else wireguard-go.",
                "Examples: wg lab1 up | wg lab1 up --mode hub --nodes n1,n2,n3 | wg lab1 up --mode pairs --nodes n1,n9,n3,n7"
                        + " | wg lab1 show | wg lab1 down"})
public class WgCommand implements Callable<Integer> {
    enum Action { up, down, show }

    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Mixin
    LabTarget target;

    @Parameters(index = "1", paramLabel = "ACTION", description = "up, down or show.")
    Action action;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "full-mesh",
            description = "full-mesh (every pair), hub (the first node to every other) or pairs (consecutive: n1,n2 n3,n4 ...). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--nodes", paramLabel = "N1,N2,...", split = ",", description = "Tunnel endpoints (default: every node).")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "show: table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Usage errors before the engine is touched.
        TunnelShape shape = action == Action.up ? shape() : null;
        try (LabOptions.Session s = target.open(Progress.NONE)) {
            LabWireGuard wg = new LabWireGuard(s.engine());
            switch (action) {
                case up -> {
                    LabWireGuard.Applied a = wg.up(target.lab, shape, nodes);
                    out.printf("lab %s: %s with tunnels (%s, %s), network %s%n", target.lab, Plural.of(a.plan().nodes().size(), "node"),
                            mode, a.impl().name().toLowerCase(java.util.Locale.ROOT), a.plan().addresses().network());
                    a.plan().nodes().forEach(n -> out.printf("  %-14s %s  %s%n", n.node(), n.address(), Plural.of(n.peers().size(), "peer")));
                }
                case down -> out.printf("lab %s: tunnels removed from %s%n", target.lab, Plural.of(wg.down(target.lab), "node"));
                case show -> show(out, wg.state(target.lab));
            }
        }
        out.flush();
        return 0;
    }

    private TunnelShape shape() {
        return switch (mode) {
            case "full-mesh" -> new TunnelShape.FullMesh();
            case "hub" -> {
                if (nodes.isEmpty()) throw new UsageException("--mode hub needs --nodes HUB,SPOKE,...: the first node is the hub");
                yield new TunnelShape.Hub(nodes.get(0));
            }
            case "pairs" -> {
                if (nodes.isEmpty() || nodes.size() % 2 != 0) {
                    throw new UsageException("--mode pairs needs an even --nodes list: n1,n2,n3,n4 = tunnels n1-n2 and n3-n4");
                }
                yield TunnelShape.Pairs.consecutive(nodes);
            }
            default -> throw new UsageException("--mode " + mode + ": expected full-mesh, hub or pairs");
        };
    }

    private void show(PrintWriter out, LabWireGuard.State state) {
        if (format == Format.json) {
            out.println(LabWireGuard.toJson(state));
            return;
        }
        if (state == null) {
            out.printf("lab %s has no WireGuard tunnels (bring them up: mlc-ng wg %s up)%n", target.lab, target.lab);
            return;
        }
        out.printf("lab %s: WireGuard (%s), network %s%n", target.lab, state.impl(), state.network());
        long now = Instant.now().getEpochSecond();
        for (LabWireGuard.NodeState n : state.nodes()) {
            out.printf("  %-14s %s%s%n", n.node(), n.address(), n.error() == null ? "" : "  (" + n.error() + ")");
            for (LabWireGuard.PeerState p : n.peers()) {
                String handshake = p.latestHandshake() == null ? "no handshake" : "handshake " + (now - p.latestHandshake()) + " s ago";
                out.printf("    -> %-14s %-44s %-22s rx %d B  tx %d B%n", p.node(), p.endpoint() == null ? "(no endpoint)" : p.endpoint(),
                        handshake, p.rxBytes(), p.txBytes());
            }
        }
    }
}
