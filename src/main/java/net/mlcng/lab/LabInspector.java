package net.mlcng.lab;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.mlcng.daemon.RoutingDaemon;
import net.mlcng.hostnet.InterfaceInfo;
import net.mlcng.runtime.ContainerInfo;
import net.mlcng.topology.Link;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Node;
import net.mlcng.topology.Topology;

/**
 * Reconstructs labs from the running system: containers by label, interfaces in each node's
 * namespace, daemon state asked of each node, and the stored topology for what should exist.
 */
public final class LabInspector {
    private final LabEngine engine;

    public LabInspector(LabEngine engine) {
        this.engine = engine;
    }

    public record Report(List<LabView> labs) {}

    /** {@code wireguard}: the lab's tunnels as {@code wg show dump} reports them, null when none are up. */
    public record LabView(String name, String topologyHash, List<NodeView> nodes, List<LinkView> links, List<MediumView> media,
            LabWireGuard.State wireguard) {}

    /** {@code state}: the container's state, or "missing" when the topology has the node but no container exists. */
    public record NodeView(String name, String state, String container, List<String> addresses, String daemon, Boolean daemonRunning) {}

    /** {@code interfaces}: "node:ifname" of both ends; {@code up}: both ends exist and are up, and the link is not set down. */
    public record LinkView(String a, String b, List<String> interfaces, Map<String, LinkProps> properties, boolean up) {}

    public record MediumView(String name, String bridge, List<String> members, List<String> pairs, boolean up) {}

    /** One lab, or every lab on the host when {@code lab} is null. */
    public Report inspect(String lab) {
        List<String> labs = lab == null ? engine.labs() : List.of(lab);
        List<LabView> views = new ArrayList<>();
        for (String l : labs) {
            LabView v = inspectLab(l);
            if (v != null) views.add(v);
        }
        if (lab != null && views.isEmpty()) throw LabEngine.noSuchLab(lab);
        return new Report(views);
    }

    private LabView inspectLab(String lab) {
        LabNames names = new LabNames(lab);
        Map<String, ContainerInfo> containers = engine.containersByNode(lab);
        Optional<LabStore.StoredLab> stored = engine.store().load(lab);
        if (containers.isEmpty() && stored.isEmpty()) return null;
        Topology topology = stored.map(LabStore.StoredLab::topology).orElse(null);

        List<String> nodeNames = new ArrayList<>();
        if (topology != null) nodeNames.addAll(topology.nodes().keySet());
        containers.keySet().stream().filter(n -> !nodeNames.contains(n)).sorted().forEach(nodeNames::add);

        List<String> live = nodeNames.stream().filter(n -> containers.containsKey(n) && containers.get(n).running()).toList();
        Map<String, List<InterfaceInfo>> ifs = engine.net().interfacesOf(live.stream().map(names::netns).toList());
        Map<String, Boolean> daemonRunning = engine.pool().map(
                live.stream().filter(n -> topology != null && topology.nodes().containsKey(n)
                        && LabEngine.daemonOf(topology.node(n)) != null).toList(),
                n -> {
                    RoutingDaemon d = LabEngine.daemonOf(topology.node(n));
                    return d.state(engine.exec(containers.get(n).id(), n), LabEngine.daemonConfig(topology, names, n)).running();
                }, () -> {});

        List<NodeView> nodes = new ArrayList<>();
        for (String n : nodeNames) {
            ContainerInfo c = containers.get(n);
            Node def = topology == null ? null : topology.nodes().get(n);
            String daemon = def == null ? null : (LabEngine.daemonOf(def) == null ? "none" : def.daemon());
            List<String> addresses = new ArrayList<>();
            for (InterfaceInfo i : ifs.getOrDefault(names.netns(n), List.of())) {
                for (String a : i.addresses()) if (isGlobal(a)) addresses.add(a);
            }
            Boolean running = daemonRunning.containsKey(n) ? daemonRunning.get(n) : (def != null && LabEngine.daemonOf(def) == null ? null : Boolean.FALSE);
            nodes.add(new NodeView(n, c == null ? "missing" : c.state(), c == null ? null : LabEngine.shortId(c.id()),
                    addresses, daemon, running));
        }

        List<LinkView> links = new ArrayList<>();
        List<MediumView> media = new ArrayList<>();
        if (topology != null) {
            Set<String> down = engine.linkState().down(lab);
            for (Link l : topology.links()) {
                String ifA = LabNames.linkInterface(l.b()), ifB = LabNames.linkInterface(l.a());
                boolean up = isUp(ifs.get(names.netns(l.a())), ifA) && isUp(ifs.get(names.netns(l.b())), ifB)
                        && !down.contains(new LinkRef(null, l.a(), l.b()).key());
                Map<String, LinkProps> props = new LinkedHashMap<>();
                props.put(l.a() + "->" + l.b(), l.aToB());
                props.put(l.b() + "->" + l.a(), l.bToA());
                links.add(new LinkView(l.a(), l.b(), List.of(l.a() + ":" + ifA, l.b() + ":" + ifB), props, up));
            }
            Map<String, Boolean> hostUp = new HashMap<>();
            for (InterfaceInfo i : engine.net().hostInterfaces(names.hostPrefix())) hostUp.put(i.name(), i.up());
            for (Medium m : topology.media()) {
                String bridge = names.bridge(m.name());
                boolean up = hostUp.getOrDefault(bridge, false)
                        && m.members().stream().allMatch(x -> hostUp.getOrDefault(names.bridgePort(m.name(), x), false));
                List<String> pairs = m.pairs().stream()
                        .map(p -> p.a() + "<->" + p.b() + (down.contains(new LinkRef(m.name(), p.a(), p.b()).key()) ? " (down)" : ""))
                        .toList();
                media.add(new MediumView(m.name(), bridge, m.members(), pairs, up));
            }
        }
        String hash = stored.map(LabStore.StoredLab::topologyHash).orElse(null);
        return new LabView(lab, hash, nodes, links, media, new LabWireGuard(engine).state(lab));
    }

    private static boolean isUp(List<InterfaceInfo> ifs, String name) {
        if (ifs == null) return false;
        return ifs.stream().anyMatch(i -> i.name().equals(name) && i.up());
    }

    /** Addresses worth showing: not loopback, not link-local. */
    private static boolean isGlobal(String cidr) {
        String a = cidr.substring(0, cidr.indexOf('/'));
        return !a.equals("::1") && !a.startsWith("127.") && !a.startsWith("fe80:");
    }

    public static String toJson(Report report) {
        try {
            return LabStore.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
