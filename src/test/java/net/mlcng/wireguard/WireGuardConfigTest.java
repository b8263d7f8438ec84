package net.mlcng.wireguard;

import static net.mlcng.daemon.FakeNode.command;
import static net.mlcng.daemon.FakeNode.fail;
import static net.mlcng.daemon.FakeNode.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.mlcng.daemon.FakeNode;
import net.mlcng.error.OperationFailedException;
import org.junit.jupiter.api.Test;

class WireGuardConfigTest {
    private static final WireGuardKeyPair A = new WireGuardKeyPair("0F8sZc1WK97DIxPiU+CvvIOX1C/rA9ne7tzTTEtPkVk=", "v4/wtzQ97VhP41F+4iQQqxK5XATVlHe+3XoQ/TXe7xY=");
    private static final WireGuardKeyPair B = new WireGuardKeyPair("gKNILGqTiEZiIs/vztJI19PFxkKHMF06VnJ3v3KMkH4=", "LYy9Hkp8qPULqZMdxYsqZZ65QdoFikRUlzINZGw3dmI=");

    private static WireGuardPlan.NodeTunnels nodeA() {
        return WireGuardPlan.plan("demo", new TunnelShape.FullMesh(),
                List.of(new TunnelEndpoint("a", "fd70::a"), new TunnelEndpoint("b", "fd70::b")),
                n -> n.equals("a") ? A : B).node("a");
    }

    @Test
    void rendersWgSetconfFormat() {
        String prefix = TunnelAddresses.forLab("demo").prefix48();
        assertThat(WireGuardConfig.render(nodeA())).isEqualTo("""
                [Interface]
                PrivateKey = 0F8sZc1WK97DIxPiU+CvvIOX1C/rA9ne7tzTTEtPkVk=
                ListenPort = 51820

                [Peer]
                # b
                PublicKey = LYy9Hkp8qPULqZMdxYsqZZ65QdoFikRUlzINZGw3dmI=
                AllowedIPs = %s::2/128
                Endpoint = [fd70::b]:51820
                PersistentKeepalive = 25
                """.formatted(prefix));
    }

    @Test
    void commandsPerImplementation() {
        String addr = nodeA().address() + "/64";
        assertThat(WireGuardConfig.upCommands(nodeA(), WireGuardImpl.KERNEL)).containsExactly(
                List.of("ip", "link", "add", "wg0", "type", "wireguard"),
                List.of("wg", "setconf", "wg0", "/etc/wireguard/wg0.conf"),
                List.of("ip", "-6", "addr", "add", addr, "dev", "wg0"),
                List.of("ip", "link", "set", "wg0", "up"));
        assertThat(WireGuardConfig.upCommands(nodeA(), WireGuardImpl.USERSPACE).get(0))
                .containsExactly("env", "WG_I_PREFER_BUGGY_USERSPACE_TO_POLISHED_KMOD=1", "wireguard-go", "wg0");
        assertThat(WireGuardConfig.upCommands(nodeA(), WireGuardImpl.USERSPACE).subList(1, 4))
                .isEqualTo(WireGuardConfig.upCommands(nodeA(), WireGuardImpl.KERNEL).subList(1, 4));
    }

    @Test
    void upWritesThePrivateConfigThenRunsTheCommands() {
        FakeNode node = new FakeNode("a").on(c -> true, ok(""));
        WireGuardNode.up(node, nodeA(), WireGuardImpl.USERSPACE);
        assertThat(new String(node.files().get("/etc/wireguard/wg0.conf"), StandardCharsets.UTF_8)).isEqualTo(WireGuardConfig.render(nodeA()));
        assertThat(node.commands().get(0)).last().isEqualTo("600");
        assertThat(node.commands().subList(1, 5)).isEqualTo(WireGuardConfig.upCommands(nodeA(), WireGuardImpl.USERSPACE));
    }

    @Test
    void failuresNameTheNodeAndCommand() {
        FakeNode node = new FakeNode("a").on(c -> true, ok("")).on(command("env"), fail(1, "wireguard-go: not found"));
        assertThatThrownBy(() -> WireGuardNode.up(node, nodeA(), WireGuardImpl.USERSPACE))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("WireGuard in node a").hasMessageContaining("wireguard-go: not found");
    }

    @Test
    void downOfAMissingInterfaceIsFine() {
        FakeNode node = new FakeNode("a").on(command("ip", "link", "del"), fail(1, "Cannot find device \"wg0\""));
        WireGuardNode.down(node, "wg0");
        FakeNode broken = new FakeNode("a").on(command("ip", "link", "del"), fail(2, "RTNETLINK answers: Operation not permitted"));
        assertThatThrownBy(() -> WireGuardNode.down(broken, "wg0")).hasMessageContaining("Operation not permitted");
    }
}
