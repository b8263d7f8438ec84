package net.mlcng.wireguard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.mlcng.error.UsageException;

/**
 * Every node's WireGuard interface for one lab: its key, tunnel address and peers. Built from the
 * tunnel shape over the endpoints; in a hub, spokes send the whole tunnel network to the hub
 * (which must forward), elsewhere each peer owns just its /128.
 */
public record WireGuardPlan(TunnelAddresses addresses, List<NodeTunnels> nodes) {
    public static final String INTERFACE = "wg0";
    public static final int LISTEN_PORT = 51820;
    /** Keepalives make peers handshake on their own, so handshake times show up without traffic. */
    public static final int KEEPALIVE_SECONDS = 25;

    public WireGuardPlan {
        nodes = List.copyOf(nodes);
    }

    /** One node's interface. */
    public record NodeTunnels(String node, String interfaceName, String address, int listenPort, WireGuardKeyPair keys, List<Peer> peers) {
        public NodeTunnels {
            peers = List.copyOf(peers);
        }
    }

    public record Peer(String node, String publicKey, String endpoint, List<String> allowedIps, int keepaliveSeconds) {
        public Peer {
            allowedIps = List.copyOf(allowedIps);
        }
    }

    /** Plans with fresh keys for every node. */
    public static WireGuardPlan plan(String lab, TunnelShape shape, List<TunnelEndpoint> endpoints) {
        return plan(lab, shape, endpoints, node -> WireGuardKeyPair.generate());
    }

    /** Plans with keys from {@code keys} (e.g. kept from an earlier run), asked once per node. */
    public static WireGuardPlan plan(String lab, TunnelShape shape, List<TunnelEndpoint> endpoints, Function<String, WireGuardKeyPair> keys) {
        Map<String, TunnelEndpoint> byNode = new LinkedHashMap<>();
        for (TunnelEndpoint e : endpoints) {
            if (byNode.put(e.node(), e) != null) {
                throw new UsageException("node '" + e.node() + "' is listed twice as tunnel endpoint");
            }
        }
        List<String> order = List.copyOf(byNode.keySet());
        TunnelAddresses addresses = TunnelAddresses.forLab(lab);
        Map<String, WireGuardKeyPair> keyOf = new LinkedHashMap<>();
        Map<String, String> addressOf = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            keyOf.put(order.get(i), keys.apply(order.get(i)));
            addressOf.put(order.get(i), addresses.address(i + 1));
        }
        Map<String, List<Peer>> peers = new LinkedHashMap<>();
        order.forEach(n -> peers.put(n, new ArrayList<>()));
        String hub = shape instanceof TunnelShape.Hub h ? h.hub() : null;
        for (TunnelShape.NodePair t : shape.tunnels(order)) {
            peers.get(t.a()).add(peer(t.b(), t.a(), hub, keyOf, addressOf, byNode, addresses));
            peers.get(t.b()).add(peer(t.a(), t.b(), hub, keyOf, addressOf, byNode, addresses));
        }
        List<NodeTunnels> nodes = new ArrayList<>();
        for (String n : order) {
            if (!peers.get(n).isEmpty()) {
                nodes.add(new NodeTunnels(n, INTERFACE, addressOf.get(n), LISTEN_PORT, keyOf.get(n), peers.get(n)));
            }
        }
        return new WireGuardPlan(addresses, nodes);
    }

    public NodeTunnels node(String name) {
        return nodes.stream().filter(n -> n.node().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("node '" + name + "' has no WireGuard tunnel in this plan"));
    }

    private static Peer peer(String peer, String self, String hub, Map<String, WireGuardKeyPair> keyOf, Map<String, String> addressOf,
            Map<String, TunnelEndpoint> byNode, TunnelAddresses addresses) {
        boolean spokeToHub = peer.equals(hub) && !self.equals(hub);
        List<String> allowed = List.of(spokeToHub ? addresses.network() : addressOf.get(peer) + "/128");
        return new Peer(peer, keyOf.get(peer).publicKey(), byNode.get(peer).socket(LISTEN_PORT), allowed, KEEPALIVE_SECONDS);
    }
}
