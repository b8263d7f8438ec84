package net.mlcng.wireguard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.mlcng.daemon.NodeExec;
import net.mlcng.daemon.NodeFiles;
import net.mlcng.error.OperationFailedException;

/** Brings one node's planned WireGuard interface up or down and reads its state, through {@link NodeExec}. */
public final class WireGuardNode {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private WireGuardNode() {}

    public static void up(NodeExec node, WireGuardPlan.NodeTunnels tunnels, WireGuardImpl impl) {
        NodeFiles.write(node, WireGuardConfig.configPath(tunnels), WireGuardConfig.render(tunnels).getBytes(StandardCharsets.UTF_8), "600");
        for (List<String> cmd : WireGuardConfig.upCommands(tunnels, impl)) {
            run(node, cmd, "bringing up " + tunnels.interfaceName() + " (" + impl + ")");
        }
    }

    /** Removes the interface; nothing to do when it is not there. */
    public static void down(NodeExec node, String interfaceName) {
        NodeExec.ExecResult r = node.exec(WireGuardConfig.downCommand(interfaceName), TIMEOUT);
        if (!r.ok() && !r.stderr().contains("Cannot find device")) {
            throw failure(node, "removing " + interfaceName, WireGuardConfig.downCommand(interfaceName), r);
        }
    }

    public static WgDump show(NodeExec node, String interfaceName) {
        return WgDump.parse(run(node, WireGuardConfig.dumpCommand(interfaceName), "reading " + interfaceName).stdout());
    }

    private static NodeExec.ExecResult run(NodeExec node, List<String> cmd, String what) {
        NodeExec.ExecResult r = node.exec(cmd, TIMEOUT);
        if (!r.ok()) {
            throw failure(node, what, cmd, r);
        }
        return r;
    }

    private static OperationFailedException failure(NodeExec node, String what, List<String> cmd, NodeExec.ExecResult r) {
        return new OperationFailedException("WireGuard in node " + node.node() + ": " + what + " failed: '" + String.join(" ", cmd)
                + "' exited " + r.exitCode() + (r.stderr().isBlank() ? "" : ": " + r.stderr().strip()));
    }
}
