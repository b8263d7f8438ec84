package net.mlcng.wireguard;

import java.util.ArrayList;
import java.util.List;

/**
 * A node's interface as {@code wg setconf} reads it, and the commands that bring it up and down
 * for the chosen implementation. Addresses and link state are not part of {@code wg setconf};
 * {@code ip} sets them.
 */
public final class WireGuardConfig {
    /** wireguard-go refuses to start where it believes a kernel module could be used, unless told so. */
    static final String USERSPACE_ENV = "WG_I_PREFER_BUGGY_USERSPACE_TO_POLISHED_KMOD=1";

    private WireGuardConfig() {}

    public static String configPath(WireGuardPlan.NodeTunnels node) {
        return "/etc/wireguard/" + node.interfaceName() + ".conf";
    }

    /** The {@code wg setconf} file; it holds the private key, so it is written mode 600. */
    public static String render(WireGuardPlan.NodeTunnels node) {
        StringBuilder s = new StringBuilder()
                .append("[Interface]\n")
                .append("PrivateKey = ").append(node.keys().privateKey()).append('\n')
                .append("ListenPort = ").append(node.listenPort()).append('\n');
        for (WireGuardPlan.Peer p : node.peers()) {
            s.append("\n[Peer]\n")
                    .append("# ").append(p.node()).append('\n')
                    .append("PublicKey = ").append(p.publicKey()).append('\n')
                    .append("AllowedIPs = ").append(String.join(", ", p.allowedIps())).append('\n')
                    .append("Endpoint = ").append(p.endpoint()).append('\n')
                    .append("PersistentKeepalive = ").append(p.keepaliveSeconds()).append('\n');
        }
        return s.toString();
    }

    /** Commands (run in the node, in order, after the config file is written) that bring the interface up. */
    public static List<List<String>> upCommands(WireGuardPlan.NodeTunnels node, WireGuardImpl impl) {
        String dev = node.interfaceName();
        List<List<String>> cmds = new ArrayList<>();
        cmds.add(switch (impl) {
            case KERNEL -> List.of("ip", "link", "add", dev, "type", "wireguard");
            case USERSPACE -> List.of("env", USERSPACE_ENV, "wireguard-go", dev);
        });
        cmds.add(List.of("wg", "setconf", dev, configPath(node)));
        cmds.add(List.of("ip", "-6", "addr", "add", node.address() + "/" + TunnelAddresses.PREFIX_LENGTH, "dev", dev));
        cmds.add(List.of("ip", "link", "set", dev, "up"));
        return List.copyOf(cmds);
    }

    /** Deleting the interface also ends wireguard-go (observed with v0.0.20220316), so both implementations go down alike. */
    public static List<String> downCommand(String interfaceName) {
        return List.of("ip", "link", "del", interfaceName);
    }

    public static List<String> dumpCommand(String interfaceName) {
        return List.of("wg", "show", interfaceName, "dump");
    }
}
