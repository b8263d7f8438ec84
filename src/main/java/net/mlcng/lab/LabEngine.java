package net.mlcng.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import net.mlcng.daemon.DaemonConfig;
import net.mlcng.daemon.DaemonRegistry;
import net.mlcng.daemon.NodeExec;
import net.mlcng.daemon.NodeIdentity;
import net.mlcng.daemon.RoutingDaemon;
import net.mlcng.error.EnvironmentException;
import net.mlcng.error.MlcException;
import net.mlcng.error.OperationFailedException;
import net.mlcng.error.UsageException;
import net.mlcng.hostnet.BridgePort;
import net.mlcng.hostnet.HostNet;
import net.mlcng.hostnet.EgressShaping;
import net.mlcng.hostnet.InterfaceInfo;
import net.mlcng.hostnet.KernelLinkShaper;
import net.mlcng.hostnet.KernelProbe;
import net.mlcng.hostnet.LinkShaper;
import net.mlcng.hostnet.NamespaceSetup;
import net.mlcng.hostnet.NetnsHandle;
import net.mlcng.hostnet.PairImpairment;
import net.mlcng.hostnet.VethPair;
import net.mlcng.runtime.ContainerInfo;
import net.mlcng.runtime.ContainerRuntime;
import net.mlcng.runtime.ContainerSpec;
import net.mlcng.topology.Link;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Node;
import net.mlcng.topology.Topology;
import net.mlcng.util.WorkerPool;
import net.mlcng.wait.Condition;
import net.mlcng.wait.Wait;

/**
 * Deploys, reconciles, destroys and operates labs. Every decision is taken from the host's real
 * state (containers by label, namespace handles, interfaces, the stored topology), so a second
 * deploy reconciles, and destroy works after a crash. Stages are concurrent where the engine
 * allows it (containers, daemons: bounded by the worker pool) and batched where the kernel does
 * (one {@code ip -batch} for all links).
 */
public final class LabEngine {
    /** Where drivers keep pid, log and key files inside a node. */
    public static final String NODE_STATE_DIR = "/var/lib/mlc-ng/node";
    /**
     * The least set the node tools need, measured: NET_ADMIN (interfaces, routes, tun for
     * wireguard-go, nft), NET_RAW (ping, tcpdump, babeld's raw sockets), SYS_PTRACE (gdb on a daemon).
     */
    static final List<String> CAPABILITIES = List.of("NET_ADMIN", "NET_RAW", "SYS_PTRACE");
    /**
     * /proc/sys is read-only in a container, so what daemons would set at start is preset here:
     * IPv6 on, forwarding on (a mesh node routes), no redirects, no reverse-path filter (routes
     * are asymmetric in a mesh), no DAD (link-local addresses usable at once for babel hellos).
     */
    static final Map<String, String> SYSCTLS = Map.ofEntries(
            Map.entry("net.ipv6.conf.all.disable_ipv6", "0"),
            Map.entry("net.ipv6.conf.default.disable_ipv6", "0"),
            Map.entry("net.ipv6.conf.all.forwarding", "1"),
            // IPv6 takes accept_redirects per interface: "default" is what the veths made later get.
            // A redirect on a shared medium would send traffic straight to a node the pair filter hides.
            Map.entry("net.ipv6.conf.all.accept_redirects", "0"),
            Map.entry("net.ipv6.conf.default.accept_redirects", "0"),
            Map.entry("net.ipv6.conf.default.accept_dad", "0"),
            Map.entry("net.ipv4.ip_forward", "1"),
            Map.entry("net.ipv4.conf.all.rp_filter", "0"),
            Map.entry("net.ipv4.conf.default.rp_filter", "0"),
            Map.entry("net.ipv4.conf.all.send_redirects", "0"),
            Map.entry("net.ipv4.conf.default.send_redirects", "0"),
            Map.entry("net.ipv4.conf.all.accept_redirects", "0"),
            Map.entry("net.ipv4.conf.default.accept_redirects", "0"));
    private static final Duration NODE_UP_TIMEOUT = Duration.ofSeconds(60);

    private final ContainerRuntime runtime;
    private final HostNet net;
    private final LabStore store;
    private final WorkerPool pool;
    private final Progress progress;
    private final LinkShaper shaper;
    private final LinkState linkState;

    public LabEngine(ContainerRuntime runtime, HostNet net, LabStore store, WorkerPool pool, Progress progress) {
        this.runtime = runtime;
        this.net = net;
        this.store = store;
        this.pool = pool;
        this.progress = progress;
        this.shaper = new KernelLinkShaper(net, KernelProbe::facts);
        this.linkState = new LinkState(store);
    }

    /**
     * What a deploy did, with the wall time of each stage (create, wire, address, daemons, ready).
     * {@code daemonsPending}: the nodes whose daemons must (re)start, left to the caller when the
     * deploy was asked not to start daemons (empty otherwise).
     */
    public record DeployReport(String lab, int nodesCreated, int nodesRemoved, int linksWired, int daemonsStarted,
                               Map<String, Duration> stages, List<String> daemonsPending) {}

    // ---------------------------------------------------------------- deploy / reconcile

    /** Deploys {@code topology} as lab {@code topology.name()}, or reconciles the running lab towards it. */
    public DeployReport deploy(Topology topology, String topologyHash) {
        return deploy(topology, topologyHash, true);
    }

    /**
     * As {@link #deploy(Topology, String)}; with {@code startDaemons} false the daemons that would
     * be (re)started are only named in the report, so that a caller (the scenario runner) can set
     * up its watches first and then call {@link #startDaemons}.
     */
    public DeployReport deploy(Topology topology, String topologyHash, boolean startDaemons) {
        Instant t0 = Instant.now();
        String lab = topology.name();
        LabNames names = new LabNames(lab);
        checkDaemonsAndImages(topology);
        LinkShaping.check(shaper, topology);
        checkNameClashes(topology, names);
        Set<String> down = linkState.down(lab);
        store.save(new LabStore.StoredLab(topology, topologyHash));
        try {
            return converge(topology, topologyHash, down, names, t0, startDaemons);
        } catch (PartialDeployException e) {
            throw e;
        } catch (MlcException e) {
            throw new PartialDeployException(lab, e);
        }
    }

    /**
     * Brings the host to {@code topology}, stage by stage, from whatever it holds of the lab now;
     * {@code down}: the links set down.
     */
    private DeployReport converge(Topology topology, String topologyHash, Set<String> down, LabNames names, Instant t0, boolean startDaemons) {
        Map<String, Duration> stages = new LinkedHashMap<>();
        String lab = names.lab();
        Map<String, ContainerInfo> existing = containersByNode(lab);

        // Stage 1: containers. Changed or unwanted nodes go; missing ones are created; stopped ones started.
        Map<String, String> nodeHashes = new LinkedHashMap<>();
        for (Node n : topology.nodes().values()) nodeHashes.put(n.name(), LabNames.hex(LabStore.canonicalJson(n)).substring(0, 16));
        List<ContainerInfo> toRemove = new ArrayList<>();
        for (var e : existing.entrySet()) {
            String hash = nodeHashes.get(e.getKey());
            if (hash == null || !hash.equals(e.getValue().label(LabNames.LABEL_NODE_HASH))) toRemove.add(e.getValue());
        }
        net.deleteNetnsHandles(toRemove.stream().map(c -> names.netns(c.label(LabNames.LABEL_NODE))).toList());
        removeContainers(toRemove);
        toRemove.forEach(c -> existing.remove(c.label(LabNames.LABEL_NODE)));

        Set<String> handles = new HashSet<>(net.netnsHandles());
        List<String> toCreate = new ArrayList<>();
        List<String> toStart = new ArrayList<>();
        for (String n : topology.nodes().keySet()) {
            ContainerInfo c = existing.get(n);
            if (c == null) toCreate.add(n);
            else if (!c.running()) toStart.add(n);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        progress.stage("create nodes", toCreate.size() + toStart.size());
        // Each worker also asks for its container's PID, so the inspect calls overlap with other creates.
        Map<String, Started> created = pool.map(toCreate, n -> {
            String id = runtime.create(spec(topology, names, topology.node(n), nodeHashes.get(n), run, topologyHash));
            return startAndLocate(id);
        }, progress::step);
        Map<String, Started> restarted = pool.map(toStart, n -> startAndLocate(existing.get(n).id()), progress::step);
        progress.endStage();
        Map<String, String> ids = new LinkedHashMap<>();
        for (String n : topology.nodes().keySet()) ids.put(n, created.containsKey(n) ? created.get(n).id() : existing.get(n).id());
        stages.put("create", Duration.between(t0, Instant.now()));

        // Stage 2: wiring. Nodes with a new namespace (created, started, or never attached) begin empty.
        Instant t1 = Instant.now();
        Set<String> fresh = new LinkedHashSet<>(toCreate);
        fresh.addAll(toStart);
        for (String n : topology.nodes().keySet()) if (!handles.contains(names.netns(n))) fresh.add(n);
        net.deleteNetnsHandles(fresh.stream().map(names::netns).filter(handles::contains).toList());
        Map<String, Integer> known = new HashMap<>();
        created.forEach((n, st) -> known.put(n, st.pid()));
        restarted.forEach((n, st) -> known.put(n, st.pid()));
        List<NetnsHandle> attach = namespaceHandles(names, fresh, ids, known);
        Map<String, Set<String>> present = presentInterfaces(topology, names, fresh);
        Set<String> changedNodes = new LinkedHashSet<>(fresh);
        List<VethPair> veths = planLinks(topology, names, present, changedNodes);
        MediaPlan media = planMedia(topology, names, fresh);
        changedNodes.addAll(media.changedNodes());
        progress.stage("wire links", veths.size() + media.ports().size());
        net.wire(attach, veths);
        net.deleteHostInterfaces(media.obsoleteHostInterfaces());
        net.createBridges(media.bridges(), media.ports());
        applyPairFilter(topology, names, down);
        for (int i = 0; i < veths.size() + media.ports().size(); i++) progress.step();
        progress.endStage();
        stages.put("wire", Duration.between(t1, Instant.now()));

        // Stage 3: interfaces up and loopback addresses, in the nodes whose interfaces changed.
        Instant t2 = Instant.now();
        List<NamespaceSetup> setups = new ArrayList<>();
        for (String n : changedNodes) {
            Map<String, String> macs = new LinkedHashMap<>();
            for (String i : meshInterfaces(topology, n)) macs.put(i, names.mac(n, i));
            setups.add(new NamespaceSetup(names.netns(n), macs, List.of(names.loopbackAddress(n))));
        }
        net.setUp(setups);
        shapeLinks(topology, down, changedNodes);
        stages.put("address", Duration.between(t2, Instant.now()));

        // Stage 4: daemons, restarted where interfaces changed (their config lists them), started where not running.
        Instant t3 = Instant.now();
        List<String> daemonsDue = daemonsToStart(topology, names, ids, changedNodes);
        if (startDaemons) {
            startDaemons(topology, names, ids, daemonsDue, fresh);
            stages.put("daemons", Duration.between(t3, Instant.now()));
        }

        Wait.until(everyNodeRunning(lab, topology.nodes().keySet()), NODE_UP_TIMEOUT, Duration.ofMillis(200));
        stages.put("ready", Duration.between(t0, Instant.now()));
        return new DeployReport(lab, toCreate.size(), toRemove.size(), veths.size() + media.ports().size(),
                startDaemons ? daemonsDue.size() : 0, stages, startDaemons ? List.of() : daemonsDue);
    }

    /**
     * The nodes whose daemons must (re)start: those whose interfaces changed, and those found not
     * running elsewhere (a daemon that died, a deploy cut short).
     */
    private List<String> daemonsToStart(Topology topology, LabNames names, Map<String, String> ids, Set<String> changedNodes) {
        List<String> daemonNodes = topology.nodes().values().stream()
                .filter(n -> daemonOf(n) != null)
                .map(Node::name)
                .toList();
        List<String> unchanged = daemonNodes.stream().filter(n -> !changedNodes.contains(n)).toList();
        Map<String, Boolean> running = pool.map(unchanged,
                n -> daemonOf(topology.node(n)).state(exec(ids.get(n), n), daemonConfig(topology, names, n)).running(), () -> {});
        // Dead daemons are examined before their restart, so a crash's core is captured (a new start makes it look stale).
        List<String> dead = unchanged.stream().filter(n -> !running.getOrDefault(n, false)).toList();
        pool.forEach(dead, n -> new LabDaemons(this).control(names.lab(), n, LabDaemons.Action.STATUS), () -> {});
        return daemonNodes.stream()
                .filter(n -> changedNodes.contains(n) || !running.getOrDefault(n, false))
                .toList();
    }

    /** (Re)starts the daemons of {@code nodes} of a deployed lab, e.g. those a deploy left pending. */
    public void startDaemons(String lab, List<String> nodes) {
        Topology topology = store.load(lab).orElseThrow(() -> noSuchLab(lab)).topology();
        Map<String, String> ids = new LinkedHashMap<>();
        containersByNode(lab).forEach((n, c) -> ids.put(n, c.id()));
        startDaemons(topology, new LabNames(lab), ids, nodes, Set.of());
    }

    /** Stops (unless the node is fresh: nothing runs there yet) and starts each node's daemon, concurrently. */
    private void startDaemons(Topology topology, LabNames names, Map<String, String> ids, List<String> nodes, Set<String> fresh) {
        progress.stage("start daemons", nodes.size());
        pool.forEach(nodes, n -> {
            RoutingDaemon d = daemonOf(topology.node(n));
            NodeExec x = exec(ids.get(n), n);
            if (!fresh.contains(n)) d.stop(x, daemonConfig(topology, names, n));
            d.start(x, daemonStartConfig(topology, names, n));
        }, progress::step);
        progress.endStage();
    }

    private record Started(String id, Integer pid) {}

    /** Handles for the fresh nodes' namespaces; PIDs not yet known are asked of the runtime in one call. */
    private List<NetnsHandle> namespaceHandles(LabNames names, Set<String> fresh, Map<String, String> ids, Map<String, Integer> known) {
        Map<String, Integer> pids = new HashMap<>(known);
        List<String> unlocated = fresh.stream().filter(n -> !pids.containsKey(n)).toList();
        Map<String, Integer> byId = runtime.pids(unlocated.stream().map(ids::get).toList());
        unlocated.forEach(n -> pids.put(n, byId.get(ids.get(n))));
        List<NetnsHandle> handles = new ArrayList<>();
        for (String n : fresh) {
            Integer pid = pids.get(n);
            if (pid == null || pid <= 0) throw nodeDied(names.lab(), n);
            handles.add(new NetnsHandle(names.netns(n), pid));
        }
        return handles;
    }

    private Started startAndLocate(String id) {
        runtime.start(id);
        return new Started(id, runtime.pids(List.of(id)).get(id));
    }

    private void checkDaemonsAndImages(Topology topology) {
        Set<String> images = new TreeSet<>();
        for (Node n : topology.nodes().values()) {
            daemonOf(n); // unknown daemon: usage error before anything is made
            images.add(n.image());
        }
        for (String image : images) {
            if (!runtime.imageExists(image)) {
                throw new EnvironmentException("image " + image + " is not on the Docker engine (nothing was created)",
                        "build it: ./mlc-ng image build (registries are not reachable from here)");
            }
        }
    }

    /** A container with one of our names that is not this lab's is a clash the user must resolve. */
    private void checkNameClashes(Topology topology, LabNames names) {
        Set<String> ours = new HashSet<>();
        for (String n : topology.nodes().keySet()) ours.add(names.container(n));
        for (ContainerInfo c : runtime.listByNamePrefix(names.container(""))) {
            if (ours.contains(c.name()) && !names.lab().equals(c.label(LabNames.LABEL_LAB))) {
                throw new OperationFailedException("container name " + c.name() + " is taken by a container that is not part of lab "
                        + names.lab() + " (id " + shortId(c.id()) + "); remove it or deploy under another --name (nothing was created)");
            }
        }
    }

    private ContainerSpec spec(Topology topology, LabNames names, Node node, String nodeHash, String run, String topologyHash) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LabNames.LABEL_LAB, names.lab());
        labels.put(LabNames.LABEL_NODE, node.name());
        labels.put(LabNames.LABEL_RUN, run);
        labels.put(LabNames.LABEL_TOPOLOGY_HASH, topologyHash);
        labels.put(LabNames.LABEL_NODE_HASH, nodeHash);
        return new ContainerSpec(names.container(node.name()), node.image(), node.name(), labels, node.env(),
                CAPABILITIES, List.of("/dev/net/tun"), SYSCTLS);
    }

    /** Interface names in each surviving node's namespace (fresh namespaces have none yet). */
    private Map<String, Set<String>> presentInterfaces(Topology topology, LabNames names, Set<String> fresh) {
        List<String> surviving = topology.nodes().keySet().stream().filter(n -> !fresh.contains(n)).toList();
        Map<String, List<InterfaceInfo>> found = net.interfacesOf(surviving.stream().map(names::netns).toList());
        Map<String, Set<String>> present = new HashMap<>();
        for (String n : topology.nodes().keySet()) {
            Set<String> ifs = new HashSet<>();
            for (InterfaceInfo i : found.getOrDefault(names.netns(n), List.of())) ifs.add(i.name());
            present.put(n, ifs);
        }
        return present;
    }

    /**
     * The veth pairs to create: every link not fully present. Half-present links and links no
     * longer in the topology are deleted first; every node touched lands in {@code changed}.
     */
    private List<VethPair> planLinks(Topology topology, LabNames names, Map<String, Set<String>> present, Set<String> changed) {
        List<VethPair> veths = new ArrayList<>();
        Map<String, Set<String>> wanted = new HashMap<>();
        for (String n : topology.nodes().keySet()) wanted.put(n, new HashSet<>());
        for (Link l : topology.links()) {
            String ifA = LabNames.linkInterface(l.b()), ifB = LabNames.linkInterface(l.a());
            wanted.get(l.a()).add(ifA);
            wanted.get(l.b()).add(ifB);
            boolean hasA = present.get(l.a()).contains(ifA), hasB = present.get(l.b()).contains(ifB);
            if (hasA && hasB) continue;
            if (hasA) net.deleteInterfaces(names.netns(l.a()), List.of(ifA));
            if (hasB) net.deleteInterfaces(names.netns(l.b()), List.of(ifB));
            veths.add(new VethPair(names.netns(l.a()), ifA, names.mac(l.a(), ifA), names.netns(l.b()), ifB, names.mac(l.b(), ifB)));
            changed.add(l.a());
            changed.add(l.b());
        }
        for (var e : present.entrySet()) {
            List<String> stale = e.getValue().stream()
                    .filter(i -> i.startsWith("e") && !wanted.get(e.getKey()).contains(i))
                    .toList();
            if (!stale.isEmpty()) {
                net.deleteInterfaces(names.netns(e.getKey()), stale);
                changed.add(e.getKey());
            }
        }
        return veths;
    }

    /** Bridges and ports to (re)build, host interfaces to drop first, and the nodes whose medium interfaces change. */
    private record MediaPlan(Map<String, String> bridges, List<BridgePort> ports, List<String> obsoleteHostInterfaces, Set<String> changedNodes) {}

    /**
     * A medium is rebuilt whole when its bridge or any of its ports is missing or extra (a member
     * restarted, joined or left); intact media are left alone so their members keep their links.
     */
    private MediaPlan planMedia(Topology topology, LabNames names, Set<String> fresh) {
        Map<String, InterfaceInfo> host = new HashMap<>();
        for (InterfaceInfo i : net.hostInterfaces(names.hostPrefix())) {
            if (i.alias() == null || i.alias().startsWith(names.alias(""))) host.put(i.name(), i);
        }
        Set<String> keep = new HashSet<>();
        Map<String, String> bridges = new LinkedHashMap<>();
        List<BridgePort> ports = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        for (Medium m : topology.media()) {
            String bridge = names.bridge(m.name());
            List<BridgePort> wanted = new ArrayList<>();
            for (String member : m.members()) {
                String nodeIf = LabNames.mediumInterface(m.name());
                wanted.add(new BridgePort(bridge, names.bridgePort(m.name(), member), names.netns(member), nodeIf,
                        names.mac(member, nodeIf), names.alias("port:" + m.name() + ":" + member)));
            }
            Set<String> wantedNames = new HashSet<>();
            wanted.forEach(p -> wantedNames.add(p.hostIf()));
            Set<String> actualPorts = new HashSet<>();
            String portAliasPrefix = names.alias("port:" + m.name() + ":");
            host.values().forEach(i -> {
                if (i.alias() != null && i.alias().startsWith(portAliasPrefix)) actualPorts.add(i.name());
            });
            boolean intact = host.containsKey(bridge) && actualPorts.equals(wantedNames)
                    && m.members().stream().noneMatch(fresh::contains);
            if (intact) {
                keep.add(bridge);
                keep.addAll(actualPorts);
                continue;
            }
            bridges.put(bridge, names.alias("bridge:" + m.name()));
            ports.addAll(wanted);
            changed.addAll(m.members());
        }
        // Everything of this lab on the host not kept goes: rebuilt media's old parts and removed media.
        List<String> obsolete = host.keySet().stream().filter(n -> !keep.contains(n)).sorted().toList();
        return new MediaPlan(bridges, ports, obsolete, changed);
    }

    /**
     * Puts the link impairments on interfaces that are new (their nodes are in {@code changed})
     * and where they differ from what was last applied; untouched namespaces cost no process.
     */
    private void shapeLinks(Topology topology, Set<String> down, Set<String> changed) {
        Map<String, List<EgressShaping>> wanted = LinkShaping.egress(topology, down);
        Map<String, List<EgressShaping>> before = linkState.shaped(topology.name());
        LabNames names = new LabNames(topology.name());
        Map<String, List<EgressShaping>> apply = new LinkedHashMap<>();
        for (var e : wanted.entrySet()) {
            boolean fresh = changed.contains(e.getKey());
            boolean differs = !e.getValue().equals(before.getOrDefault(e.getKey(), List.of()));
            if (differs || (fresh && !e.getValue().isEmpty())) apply.put(names.netns(e.getKey()), e.getValue());
        }
        shaper.apply(apply);
        linkState.saveShaped(topology.name(), wanted);
    }

    void applyPairFilter(Topology topology, LabNames names, Set<String> down) {
        if (topology.media().isEmpty()) {
            if (net.bridgeTables().contains(names.nftTable())) net.deleteBridgeTable(names.nftTable());
            return;
        }
        List<String[]> pairs = new ArrayList<>();
        for (Medium m : topology.media()) {
            for (MediumPair p : m.pairs()) {
                String a = names.bridgePort(m.name(), p.a()), b = names.bridgePort(m.name(), p.b());
                pairs.add(new String[] {a, b});
                pairs.add(new String[] {b, a});
            }
        }
        List<PairImpairment> impairments = LinkShaping.media(topology, names, down);
        net.installPairFilter(names.nftTable(), names.hostPrefix(), pairs, impairments);
        net.shapeBridgePorts(LinkShaping.bridgePorts(topology, names), impairments);
    }

    /** A node's mesh interfaces in topology order: point-to-point links, then shared media. */
    static List<String> meshInterfaces(Topology topology, String node) {
        List<String> ifs = new ArrayList<>();
        for (Link l : topology.links()) {
            if (l.a().equals(node)) ifs.add(LabNames.linkInterface(l.b()));
            else if (l.b().equals(node)) ifs.add(LabNames.linkInterface(l.a()));
        }
        for (Medium m : topology.media()) if (m.members().contains(node)) ifs.add(LabNames.mediumInterface(m.name()));
        return ifs;
    }

    static DaemonConfig daemonConfig(Topology topology, LabNames names, String node) {
        return new DaemonConfig(node, meshInterfaces(topology, node), names.loopbackAddress(node),
                topology.node(node).daemonArgs(), NODE_STATE_DIR);
    }

    /** As {@link #daemonConfig}, plus the host directory that keeps the node's daemon identity across redeploys. */
    DaemonConfig daemonStartConfig(Topology topology, LabNames names, String node) {
        DaemonConfig c = daemonConfig(topology, names, node);
        return new DaemonConfig(c.node(), c.meshInterfaces(), c.loopbackAddress(), c.extraArgs(), c.stateDir(),
                NodeIdentity.dir(store.root(), names.lab(), node));
    }

    /** The node's routing daemon driver, or null when it runs none. */
    static RoutingDaemon daemonOf(Node n) {
        if (n.daemon() == null || n.daemon().isBlank() || n.daemon().equals(DaemonRegistry.NONE)) return null;
        return DaemonRegistry.get(n.daemon());
    }

    private Condition everyNodeRunning(String lab, Set<String> nodes) {
        return () -> {
            Map<String, ContainerInfo> now = containersByNode(lab);
            List<String> down = nodes.stream().filter(n -> now.get(n) == null || !now.get(n).running()).toList();
            if (!down.isEmpty() && down.stream().anyMatch(n -> now.get(n) != null && "exited".equals(now.get(n).state()))) {
                throw nodeDied(lab, down.get(0));
            }
            return down.isEmpty() ? Condition.Status.OK : Condition.Status.notYet("nodes not running: " + down);
        };
    }

    private static OperationFailedException nodeDied(String lab, String node) {
        return new OperationFailedException("node " + node + " of lab " + lab + " stopped during deploy (see `docker logs "
                + new LabNames(lab).container(node) + "`)");
    }

    // ---------------------------------------------------------------- destroy

    /** What destroy removed. */
    public record DestroyReport(String lab, int containers, int namespaces, int hostInterfaces, boolean nftTable) {}

    /**
     * What destroy leaves in the lab's state directory unless purged: node identities (so a
     * redeploy keeps bmx7 node ids and addresses) and captured crashes (evidence outlives the lab).
     */
    public static final Set<String> KEPT_STATE = Set.of("keys", "crashes");

    /** Removes everything of the lab, found on the host by label and name prefix, but {@link #KEPT_STATE}. Idempotent. */
    public DestroyReport destroy(String lab) {
        return destroy(lab, false);
    }

    /** As {@link #destroy(String)}; {@code purge} removes {@link #KEPT_STATE} too. */
    public DestroyReport destroy(String lab, boolean purge) {
        LabNames names = new LabNames(lab);
        List<String> handles = net.netnsHandles().stream().filter(h -> h.startsWith(names.netnsPrefix())).toList();
        net.deleteNetnsHandles(handles);
        List<ContainerInfo> containers = runtime.list(Map.of(LabNames.LABEL_LAB, lab));
        removeContainers(containers);
        List<String> hostIfs = net.hostInterfaces(names.hostPrefix()).stream()
                .filter(i -> i.alias() == null || i.alias().startsWith(names.alias("")))
                .map(InterfaceInfo::name)
                .toList();
        net.deleteHostInterfaces(hostIfs);
        boolean table = net.bridgeTables().contains(names.nftTable());
        if (table) net.deleteBridgeTable(names.nftTable());
        store.delete(lab, purge ? Set.of() : KEPT_STATE);
        return new DestroyReport(lab, containers.size(), handles.size(), hostIfs.size(), table);
    }

    private void removeContainers(List<ContainerInfo> containers) {
        if (containers.isEmpty()) return;
        progress.stage("remove nodes", containers.size());
        pool.forEach(containers, c -> runtime.remove(c.id()), progress::step);
        progress.endStage();
    }

    /** Every lab this host has a trace of: container labels, state directories, namespace handles. */
    public List<String> labs() {
        Set<String> labs = new TreeSet<>(store.labs());
        for (ContainerInfo c : runtime.list(mapOfNullable(LabNames.LABEL_LAB))) labs.add(c.label(LabNames.LABEL_LAB));
        for (String h : net.netnsHandles()) {
            String[] parts = h.split("\\.");
            if (parts.length == 3 && parts[0].equals("mlcng")) labs.add(parts[1]);
        }
        return List.copyOf(labs);
    }

    private static Map<String, String> mapOfNullable(String key) {
        Map<String, String> m = new HashMap<>();
        m.put(key, null);
        return m;
    }

    // ---------------------------------------------------------------- node operations and exec

    public enum NodeAction { STOP, START, RESTART }

    /**
     * Stops, starts or restarts one node. A stopped node's namespace (and with it every veth and
     * medium port of the node) is released; start re-creates them and restarts the daemons whose
     * interfaces came back, through the same reconcile as deploy.
     */
    public void node(String lab, String node, NodeAction action) {
        node(lab, node, action, true);
    }

    /**
     * As {@link #node(String, String, NodeAction)}; with {@code startDaemons} false a start leaves
     * the daemons to the caller and returns the nodes whose daemons must (re)start (see
     * {@link DeployReport#daemonsPending}); a stop returns none.
     */
    public List<String> node(String lab, String node, NodeAction action, boolean startDaemons) {
        LabStore.StoredLab stored = store.load(lab).orElseThrow(() -> noSuchLab(lab));
        stored.topology().node(node);
        ContainerInfo c = containersByNode(lab).get(node);
        if (c == null) throw new OperationFailedException("node " + node + " of lab " + lab + " has no container; run deploy again to re-create it");
        LabNames names = new LabNames(lab);
        if (action != NodeAction.START) {
            if (c.running()) {
                // The kernel tears a stopped node's namespace down asynchronously; deleting its veths first
                // frees the peers' interface names at once, so a quick start cannot find them still taken.
                String ns = names.netns(node);
                net.deleteInterfaces(ns, net.interfaces(ns).stream().map(InterfaceInfo::name).filter(i -> !i.equals("lo")).toList());
            }
            runtime.stop(c.id());
            net.deleteNetnsHandles(List.of(names.netns(node)));
        }
        if (action == NodeAction.STOP) return List.of();
        runtime.start(c.id());
        return deploy(stored.topology(), stored.topologyHash(), startDaemons).daemonsPending();
    }

    /** Runs a command in the selected nodes in parallel; results in node order. */
    public Map<String, NodeExec.ExecResult> exec(String lab, String selector, List<String> command, Duration timeout) {
        Map<String, ContainerInfo> containers = containersByNode(lab);
        if (containers.isEmpty()) throw noSuchLab(lab);
        List<String> order = store.load(lab).map(s -> List.copyOf(s.topology().nodes().keySet()))
                .orElse(containers.keySet().stream().sorted().toList());
        List<String> nodes = NodeSelector.select(selector, order);
        return pool.map(nodes, n -> {
            ContainerInfo c = containers.get(n);
            if (c == null || !c.running()) return new NodeExec.ExecResult(125, "", "node " + n + " is not running");
            return runtime.exec(c.id(), command, timeout);
        }, () -> {});
    }

    /** The lab's containers keyed by node name. */
    Map<String, ContainerInfo> containersByNode(String lab) {
        Map<String, ContainerInfo> byNode = new LinkedHashMap<>();
        for (ContainerInfo c : runtime.list(Map.of(LabNames.LABEL_LAB, lab))) byNode.put(c.label(LabNames.LABEL_NODE), c);
        return byNode;
    }

    /** A command runner for every running node of the lab, keyed by node name. */
    Map<String, NodeExec> runningNodes(String lab) {
        Map<String, NodeExec> execs = new LinkedHashMap<>();
        containersByNode(lab).forEach((n, c) -> {
            if (c.running()) execs.put(n, exec(c.id(), n));
        });
        return execs;
    }

    NodeExec exec(String containerId, String node) {
        return new ContainerNodeExec(runtime, containerId, node);
    }

    static UsageException noSuchLab(String lab) {
        return new UsageException("no lab named " + lab + " on this host (see `mlc-ng inspect`)");
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    ContainerRuntime runtime() {
        return runtime;
    }

    HostNet net() {
        return net;
    }

    LabStore store() {
        return store;
    }

    LinkShaper shaper() {
        return shaper;
    }

    LinkState linkState() {
        return linkState;
    }

    WorkerPool pool() {
        return pool;
    }
}
