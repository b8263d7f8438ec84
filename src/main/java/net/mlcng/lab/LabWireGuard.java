package net.mlcng.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.mlcng.daemon.NodeExec;
import net.mlcng.daemon.RoutingDaemon;
import net.mlcng.error.OperationFailedException;
import net.mlcng.error.UsageException;
import net.mlcng.hostnet.KernelProbe;
import net.mlcng.topology.Topology;
import net.mlcng.wireguard.TunnelEndpoint;
import net.mlcng.wireguard.TunnelShape;
import net.mlcng.wireguard.WgDump;
import net.mlcng.wireguard.WireGuardImpl;
import net.mlcng.wireguard.WireGuardNode;
import net.mlcng.wireguard.WireGuardPlan;

/**
 * WireGuard tunnels over a running lab: plans them with fresh JDK-made keys, endpoints at each
 * node's announced mesh address (so tunnels ride over the routed mesh), brings every node's
 * interface up concurrently, and keeps the plan in the lab's state directory (mode 600: it holds
 * the private keys) so that {@code wg show}, inspect and down work from another process.
 */
public final class LabWireGuard {
    private static final String PLAN_FILE = "wireguard.json";

    private final LabEngine engine;

    public LabWireGuard(LabEngine engine) {
        this.engine = engine;
    }

    /** The plan a lab's tunnels were brought up with, and which WireGuard runs them. */
    public record Applied(WireGuardPlan plan, WireGuardImpl impl) {}

    /** One node's tunnel interface as {@code wg show dump} reports it, peers named by node. */
    public record NodeState(String node, String address, String publicKey, int listenPort, List<PeerState> peers, String error) {}

    /** {@code latestHandshake}: epoch seconds, null when none yet. */
    public record PeerState(String node, String endpoint, List<String> allowedIps, Long latestHandshake, long rxBytes, long txBytes) {}

    /** The lab's tunnels: implementation, network and per node the live state. */
    public record State(String impl, String network, List<NodeState> nodes) {}

    /**
     * Kernel WireGuard where the host kernel has it, else wireguard-go: decided once per process
     * from the kernel probe, the same way for every lab.
     */
    public static WireGuardImpl implementation() {
        return KernelProbe.facts().wireguard().present() ? WireGuardImpl.KERNEL : WireGuardImpl.USERSPACE;
    }

    /** Brings up {@code shape}'s tunnels among {@code nodes} (empty = every node), replacing tunnels already up. */
    public Applied up(String lab, TunnelShape shape, List<String> nodes) {
        LabStore.StoredLab stored = engine.store().load(lab).orElseThrow(() -> LabEngine.noSuchLab(lab));
        Topology t = stored.topology();
        List<String> members = nodes.isEmpty() ? List.copyOf(t.nodes().keySet()) : nodes;
        for (String n : members) {
            if (!t.nodes().containsKey(n)) {
                throw new UsageException("lab " + lab + " has no node " + n + " (its nodes: " + String.join(", ", t.nodes().keySet()) + ")");
            }
        }
        Map<String, NodeExec> execs = execs(lab, members);
        LabNames names = new LabNames(lab);
        Map<String, String> mesh = engine.pool().map(members, n -> meshAddress(t, names, n, execs.get(n)), () -> {});
        List<TunnelEndpoint> endpoints = members.stream().map(n -> new TunnelEndpoint(n, mesh.get(n))).toList();
        WireGuardPlan plan = WireGuardPlan.plan(lab, shape, endpoints);
        WireGuardImpl impl = implementation();
        down(lab);
        Applied applied = new Applied(plan, impl);
        save(lab, applied);
        engine.pool().forEach(plan.nodes(), n -> {
            NodeExec x = execs.get(n.node());
            WireGuardNode.down(x, n.interfaceName());
            WireGuardNode.up(x, n, impl);
        }, () -> {});
        return applied;
    }

    /** Removes the lab's tunnel interfaces (nodes not running are skipped) and forgets the plan. */
    public int down(String lab) {
        Optional<Applied> applied = load(lab);
        if (applied.isEmpty()) return 0;
        List<WireGuardPlan.NodeTunnels> nodes = applied.get().plan().nodes();
        Map<String, NodeExec> execs = engine.runningNodes(lab);
        engine.pool().forEach(nodes.stream().filter(n -> execs.containsKey(n.node())).toList(),
                n -> WireGuardNode.down(execs.get(n.node()), n.interfaceName()), () -> {});
        try {
            Files.deleteIfExists(planFile(lab));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nodes.size();
    }

    /** The plan the lab's tunnels are up with, if any. */
    public Optional<Applied> load(String lab) {
        Path file = planFile(lab);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(LabStore.mapper().readValue(file.toFile(), Applied.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable WireGuard state " + file, e);
        }
    }

    /** Live tunnel state of every node in the plan ({@code error} says why a node could not be read); null without tunnels. */
    public State state(String lab) {
        Optional<Applied> applied = load(lab);
        if (applied.isEmpty()) return null;
        WireGuardPlan plan = applied.get().plan();
        Map<String, String> nodeOfKey = new LinkedHashMap<>();
        plan.nodes().forEach(n -> nodeOfKey.put(n.keys().publicKey(), n.node()));
        Map<String, NodeExec> execs = engine.runningNodes(lab);
        Map<WireGuardPlan.NodeTunnels, NodeState> states = engine.pool().map(plan.nodes(), n -> {
            NodeExec x = execs.get(n.node());
            if (x == null) return new NodeState(n.node(), n.address(), n.keys().publicKey(), n.listenPort(), List.of(), "node not running");
            try {
                WgDump d = WireGuardNode.show(x, n.interfaceName());
                List<PeerState> peers = new ArrayList<>();
                for (WgDump.Peer p : d.peers()) {
                    peers.add(new PeerState(nodeOfKey.getOrDefault(p.publicKey(), p.publicKey()), p.endpoint(), p.allowedIps(),
                            p.latestHandshake() == null ? null : p.latestHandshake().getEpochSecond(), p.rxBytes(), p.txBytes()));
                }
                return new NodeState(n.node(), n.address(), d.publicKey(), d.listenPort(), peers, null);
            } catch (OperationFailedException e) {
                return new NodeState(n.node(), n.address(), n.keys().publicKey(), n.listenPort(), List.of(), e.getMessage());
            }
        }, () -> {});
        return new State(applied.get().impl().name().toLowerCase(java.util.Locale.ROOT), plan.addresses().network(),
                List.copyOf(states.values()));
    }

    /** The state as indented JSON ({@code null} without tunnels), the form inspect uses. */
    public static String toJson(State state) {
        try {
            return LabStore.mapper().copy().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address a node's daemon announces; the loopback ULA for nodes without a daemon. */
    static String meshAddress(Topology t, LabNames names, String node, NodeExec exec) {
        RoutingDaemon d = LabEngine.daemonOf(t.node(node));
        return d == null ? names.loopbackAddress(node) : d.announcedAddress(exec, LabEngine.daemonConfig(t, names, node));
    }

    private Map<String, NodeExec> execs(String lab, List<String> nodes) {
        Map<String, NodeExec> running = engine.runningNodes(lab);
        List<String> down = nodes.stream().filter(n -> !running.containsKey(n)).toList();
        if (!down.isEmpty()) throw new OperationFailedException("lab " + lab + ": node(s) not running: " + String.join(", ", down));
        return running;
    }

    private Path planFile(String lab) {
        return engine.store().directory(lab).resolve(PLAN_FILE);
    }

    private void save(String lab, Applied applied) {
        Path file = planFile(lab);
        try {
            Path tmp = Files.createTempFile(file.getParent(), "wireguard", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            LabStore.mapper().writeValue(tmp.toFile(), applied);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WireGuard state " + file, e);
        }
    }
}
