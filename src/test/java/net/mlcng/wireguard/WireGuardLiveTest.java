package net.mlcng.wireguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.mlcng.daemon.DockerCliNode;
import net.mlcng.util.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A planned full mesh between three node-image containers over wireguard-go (this machine has no
 * kernel module), endpoints on Docker's default bridge: every node pings every other over its
 * tunnel address, and {@code wg show dump} reports the handshakes. The mesh routing under it is
 * the lab engine's part; here the containers share one bridge.
 */
@Tag("docker")
class WireGuardLiveTest {
    private static final List<String> NAMES = List.of("wga", "wgb", "wgc");
    private static final List<DockerCliNode> NODES = new ArrayList<>();

    @BeforeAll
    static void startNodes() {
        for (String n : NAMES) {
            NODES.add(DockerCliNode.start(n, List.of("--cap-add", "NET_ADMIN", "--device", "/dev/net/tun",
                    "--sysctl", "net.ipv6.conf.all.disable_ipv6=0")));
        }
    }

    @AfterAll
    static void removeNodes() {
        NODES.forEach(DockerCliNode::close);
    }

    @Test
    void fullMeshOverWireguardGo() {
        List<TunnelEndpoint> endpoints = new ArrayList<>();
        for (DockerCliNode n : NODES) {
            endpoints.add(new TunnelEndpoint(n.node(), bridgeAddress(n)));
        }
        WireGuardPlan plan = WireGuardPlan.plan("daemons-test", new TunnelShape.FullMesh(), endpoints);
        // wg reports whole seconds, and keepalives may handshake as soon as an interface is up.
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (DockerCliNode n : NODES) {
            WireGuardNode.up(n, plan.node(n.node()), WireGuardImpl.USERSPACE);
        }
        for (DockerCliNode from : NODES) {
            for (WireGuardPlan.NodeTunnels to : plan.nodes()) {
                if (!to.node().equals(from.node())) {
                    var ping = from.exec(List.of("ping", "-6", "-c", "1", "-W", "5", to.address()), Duration.ofSeconds(15));
                    assertThat(ping.exitCode()).as("%s -> %s over the tunnel: %s", from.node(), to.node(), ping.stdout()).isZero();
                }
            }
        }
        for (DockerCliNode n : NODES) {
            WgDump dump = WireGuardNode.show(n, WireGuardPlan.INTERFACE);
            assertThat(dump.publicKey()).isEqualTo(plan.node(n.node()).keys().publicKey());
            assertThat(dump.peers()).hasSize(2).allSatisfy(p -> {
                assertThat(p.latestHandshake()).isAfterOrEqualTo(before);
                assertThat(p.rxBytes()).isPositive();
            });
        }
        WireGuardNode.down(NODES.get(0), WireGuardPlan.INTERFACE);
        // wireguard-go removes its control socket when it exits.
        assertThat(NODES.get(0).exec(List.of("sh", "-c", "sleep 1; test -e /var/run/wireguard/wg0.sock"), Duration.ofSeconds(10)).exitCode())
                .as("wireguard-go ends with its interface").isNotZero();
    }

    private static String bridgeAddress(DockerCliNode n) {
        Processes.Result r = Processes.run(List.of("docker", "inspect", "--format",
                "{{.NetworkSettings.IPAddress}}", "mlcng-daemons-test-" + n.node()), Duration.ofSeconds(20));
        return r.stdout().strip();
    }
}
