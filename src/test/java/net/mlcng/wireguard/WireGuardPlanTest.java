package net.mlcng.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.mlcng.error.UsageException;
import net.mlcng.wireguard.TunnelShape.NodePair;
import org.junit.jupiter.api.Test;

class WireGuardPlanTest {
    private static final List<String> CORNERS = List.of("n11", "n13", "n31", "n33");
    private static final List<TunnelEndpoint> ENDPOINTS = List.of(
            new TunnelEndpoint("n11", "fd00::11"), new TunnelEndpoint("n13", "fd00::13"),
            new TunnelEndpoint("n31", "fd00::31"), new TunnelEndpoint("n33", "10.0.0.33"));

    @Test
    void fullMeshHasEveryPairOnce() {
        assertThat(new TunnelShape.FullMesh().tunnels(CORNERS)).containsExactly(
                new NodePair("n11", "n13"), new NodePair("n11", "n31"), new NodePair("n11", "n33"),
                new NodePair("n13", "n31"), new NodePair("n13", "n33"), new NodePair("n31", "n33"));
    }

    @Test
    void hubConnectsEverySpokeToTheHub() {
        assertThat(new TunnelShape.Hub("n13").tunnels(CORNERS)).containsExactly(
                new NodePair("n11", "n13"), new NodePair("n13", "n31"), new NodePair("n13", "n33"));
    }

    @Test
    void pairsAreNormalisedAndDeduplicated() {
        var shape = new TunnelShape.Pairs(List.of(new NodePair("n33", "n11"), new NodePair("n11", "n33"), new NodePair("n13", "n31")));
        assertThat(shape.tunnels(CORNERS)).containsExactly(new NodePair("n11", "n33"), new NodePair("n13", "n31"));
    }

    @Test
    void consecutivePairsTakeTheNodesTwoByTwo() {
        assertThat(TunnelShape.Pairs.consecutive(CORNERS).tunnels(CORNERS))
                .containsExactly(new NodePair("n11", "n13"), new NodePair("n31", "n33"));
        assertThatThrownBy(() -> TunnelShape.Pairs.consecutive(List.of("n11", "n13", "n31")))
                .isInstanceOf(UsageException.class).hasMessageContaining("even number of nodes");
    }

    @Test
    void unknownOrSelfTunnelsAreUsageErrors() {
        assertThatThrownBy(() -> new TunnelShape.Hub("n22").tunnels(CORNERS)).isInstanceOf(UsageException.class)
                .hasMessageContaining("'n22' is not among the tunnel endpoints");
        assertThatThrownBy(() -> new TunnelShape.Pairs(List.of(new NodePair("n11", "n11"))).tunnels(CORNERS))
                .isInstanceOf(UsageException.class).hasMessageContaining("two different nodes");
        assertThatThrownBy(() -> WireGuardPlan.plan("lab", new TunnelShape.FullMesh(),
                List.of(new TunnelEndpoint("a", "fd00::1"), new TunnelEndpoint("a", "fd00::2"))))
                .hasMessageContaining("listed twice");
    }

    @Test
    void labPrefixIsStablePerLabAndDiffersBetweenLabs() {
        TunnelAddresses a = TunnelAddresses.forLab("grid");
        assertThat(TunnelAddresses.forLab("grid")).isEqualTo(a);
        assertThat(TunnelAddresses.forLab("grid2").prefix48()).isNotEqualTo(a.prefix48());
        assertThat(a.prefix48()).matches("fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}");
        assertThat(a.network()).isEqualTo(a.prefix48() + "::/64");
        assertThat(a.address(1)).isEqualTo(a.prefix48() + "::1");
        assertThat(a.address(26)).isEqualTo(a.prefix48() + "::1a");
        assertThatThrownBy(() -> a.address(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fullMeshPlanGivesEachNodeAllOthersAsHostRoutes() {
        WireGuardPlan plan = WireGuardPlan.plan("grid", new TunnelShape.FullMesh(), ENDPOINTS);
        TunnelAddresses addr = TunnelAddresses.forLab("grid");
        assertThat(plan.nodes()).hasSize(4);
        WireGuardPlan.NodeTunnels n11 = plan.node("n11");
        assertThat(n11.address()).isEqualTo(addr.address(1));
        assertThat(n11.peers()).extracting(WireGuardPlan.Peer::node).containsExactly("n13", "n31", "n33");
        WireGuardPlan.Peer toN33 = n11.peers().get(2);
        assertThat(toN33.publicKey()).isEqualTo(plan.node("n33").keys().publicKey());
        assertThat(toN33.allowedIps()).containsExactly(addr.address(4) + "/128");
        assertThat(toN33.endpoint()).isEqualTo("10.0.0.33:51820");
        assertThat(plan.node("n33").peers().get(0).endpoint()).isEqualTo("[fd00::11]:51820");
    }

    @Test
    void hubPlanRoutesTheTunnelNetworkViaTheHub() {
        WireGuardPlan plan = WireGuardPlan.plan("grid", new TunnelShape.Hub("n11"), ENDPOINTS);
        String network = TunnelAddresses.forLab("grid").network();
        assertThat(plan.node("n13").peers()).singleElement().satisfies(p -> {
            assertThat(p.node()).isEqualTo("n11");
            assertThat(p.allowedIps()).containsExactly(network);
        });
        assertThat(plan.node("n11").peers()).hasSize(3).allSatisfy(p -> assertThat(p.allowedIps().get(0)).endsWith("/128"));
    }

    @Test
    void nodesWithoutTunnelsGetNoInterfaceAndKeysComeFromTheSource() {
        Map<String, Integer> asked = new HashMap<>();
        WireGuardPlan plan = WireGuardPlan.plan("grid", new TunnelShape.Pairs(List.of(new NodePair("n11", "n13"))), ENDPOINTS,
                node -> {
                    asked.merge(node, 1, Integer::sum);
                    return WireGuardKeyPair.generate();
                });
        assertThat(plan.nodes()).extracting(WireGuardPlan.NodeTunnels::node).containsExactly("n11", "n13");
        assertThat(asked).containsOnlyKeys("n11", "n13", "n31", "n33").allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
        assertThatThrownBy(() -> plan.node("n31")).hasMessageContaining("no WireGuard tunnel");
    }
}
