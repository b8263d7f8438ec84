package net.mlcng.topology;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import net.mlcng.daemon.DaemonRegistry;
import net.mlcng.error.InputProblem;
import net.mlcng.error.InvalidInputException;
import net.mlcng.error.UsageException;
import net.mlcng.topology.LocatedYaml.Loc;
import net.mlcng.topology.LocatedYaml.YEntry;
import net.mlcng.topology.LocatedYaml.YList;
import net.mlcng.topology.LocatedYaml.YMap;
import net.mlcng.topology.LocatedYaml.YNode;
import net.mlcng.topology.LocatedYaml.YScalar;
import net.mlcng.topology.generate.GeneratedGraph;
import net.mlcng.topology.generate.GeneratorSpecs;

/**
 * Reads a topology file (format: docs/topology.md) into a validated {@link Topology}. Every problem
 * found is collected with its file, line and column, and all are reported together in one
 * {@link InvalidInputException}; a file either loads completely or not at all.
 */
public final class TopologyLoader {
    static final Set<String> TOP_KEYS = keys("name", "defaults", "nodes", "links", "media", "generate");
    static final Set<String> PROP_KEYS = keys("loss", "rate", "delay", "jitter");
    static final Set<String> NODE_KEYS = keys("daemon", "image", "env", "daemon_args", "pos");
    static final Set<String> DEFAULTS_KEYS = union(keys("daemon", "image", "env", "daemon_args"), PROP_KEYS);
    static final Set<String> LINK_KEYS = union(keys("a", "b", "a_to_b", "b_to_a"), PROP_KEYS);
    static final Set<String> MEDIUM_KEYS = keys("name", "members", "pairs");

    /** A machine-made file can hold thousands of errors; the first ones are what a user fixes first. */
    static final int MAX_REPORTED = 100;

    private final String file;
    private final List<InputProblem> problems = new ArrayList<>();

    private TopologyLoader(String file) {
        this.file = file;
    }

    /** Loads and validates {@code file}; throws {@link InvalidInputException} listing every problem. */
    public static Topology load(Path file) {
        TopologyLoader loader = new TopologyLoader(file.toString());
        YNode root = LocatedYaml.read(file, loader.problems);
        Topology topology = loader.topology(root);
        if (!loader.problems.isEmpty()) {
            List<InputProblem> sorted = new ArrayList<>(loader.problems);
            sorted.sort(Comparator.comparingInt(InputProblem::line).thenComparingInt(InputProblem::column));
            if (sorted.size() > MAX_REPORTED) {
                int hidden = sorted.size() - MAX_REPORTED;
                sorted = new ArrayList<>(sorted.subList(0, MAX_REPORTED));
                sorted.add(new InputProblem(file.toString(), 0, 0, "", "... and " + hidden + " more problems"));
            }
            throw new InvalidInputException(sorted);
        }
        return topology;
    }

    /** The daemons a node may name: every registered driver (the default among them), or none. */
    public static Set<String> knownDaemons() {
        Set<String> known = new TreeSet<>(DaemonRegistry.names());
        known.add(DaemonRegistry.NONE);
        return known;
    }

    private Topology topology(YNode rootNode) {
        YMap root = map(rootNode, "(top level)");
        if (root == null) return null;
        checkKeys(root, "", TOP_KEYS);

        String name = null;
        YEntry nameEntry = root.entries().get("name");
        if (nameEntry == null) {
            problem(root.loc(), "name", "missing; give the topology a name (rule " + Names.TOPOLOGY_RULE + ")");
        } else {
            name = text(nameEntry.value(), "name");
            if (name != null) {
                String why = Names.topologyNameProblem(name);
                if (why != null) problem(nameEntry.value().loc(), "name", why);
            }
        }

        NodeDefaults defaults = NodeDefaults.BUILT_IN;
        LinkProps defaultProps = LinkProps.NONE;
        YEntry defaultsEntry = root.entries().get("defaults");
        if (defaultsEntry != null) {
            YMap d = map(defaultsEntry.value(), "defaults");
            if (d != null) {
                checkKeys(d, "defaults", DEFAULTS_KEYS);
                defaults = nodeSettings(d, "defaults", defaults);
                defaultProps = props(d, "defaults");
            }
        }

        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Position> layout = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        YEntry generateEntry = root.entries().get("generate");
        if (generateEntry != null) {
            GeneratedGraph graph = generated(generateEntry);
            if (graph != null) {
                Topology t = graph.toTopology(name == null ? "unnamed" : name, defaults, defaultProps);
                nodes.putAll(t.nodes());
                links.addAll(t.links());
                layout.putAll(t.layout());
            }
            YEntry linksEntry = root.entries().get("links");
            if (linksEntry != null) {
                problem(linksEntry.keyLoc(), "links", "'links' and 'generate' are alternatives; give one of them");
            }
        }

        YEntry nodesEntry = root.entries().get("nodes");
        if (nodesEntry != null) {
            readNodes(nodesEntry, defaults, generateEntry != null, nodes, layout);
        } else if (generateEntry == null) {
            problem(root.loc(), "nodes", "missing; list the nodes (or use 'generate')");
        }

        YEntry linksEntry = root.entries().get("links");
        if (linksEntry != null && generateEntry == null) {
            links.addAll(readLinks(linksEntry, nodes.keySet(), defaultProps));
        }

        List<Medium> media = new ArrayList<>();
        YEntry mediaEntry = root.entries().get("media");
        if (mediaEntry != null) media.addAll(readMedia(mediaEntry, nodes.keySet(), defaultProps));

        if (nodesEntry != null && generateEntry == null
                && (nodesEntry.value() instanceof YList l && l.items().isEmpty()
                        || nodesEntry.value() instanceof YMap m && m.entries().isEmpty())) {
            problem(nodesEntry.keyLoc(), "nodes", "a topology needs at least one node");
        }
        if (name == null) return null;
        return new Topology(name, nodes, links, media, layout);
    }

    private GeneratedGraph generated(YEntry entry) {
        YMap g = map(entry.value(), "generate");
        if (g == null) return null;
        YEntry kindEntry = g.entries().get("kind");
        if (kindEntry == null) {
            problem(g.loc(), "generate.kind", "missing; one of " + String.join(", ", GeneratorSpecs.kinds()));
            return null;
        }
        String kind = text(kindEntry.value(), "generate.kind");
        if (kind == null) return null;
        if (!GeneratorSpecs.kinds().contains(kind)) {
            problem(kindEntry.value().loc(), "generate.kind",
                    "unknown generator '" + kind + "'; one of " + String.join(", ", GeneratorSpecs.kinds()));
            return null;
        }
        Map<String, GeneratorSpecs.Param> params = GeneratorSpecs.params(kind);
        Set<String> allowed = new LinkedHashSet<>(List.of("kind"));
        allowed.addAll(params.keySet());
        checkKeys(g, "generate", allowed);
        Map<String, Object> values = new HashMap<>();
        boolean ok = true;
        for (YEntry e : g.entries().values()) {
            GeneratorSpecs.Param param = params.get(e.key());
            if (param == null) continue;
            Object v = scalarOf(e.value(), "generate." + e.key(), param.type());
            if (v == null) ok = false;
            else values.put(e.key(), v);
        }
        if (!ok) return null;
        try {
            return GeneratorSpecs.create(kind, values).generate();
        } catch (UsageException e) {
            problem(entry.keyLoc(), "generate", e.getMessage());
            return null;
        }
    }

    private Object scalarOf(YNode node, String field, Class<?> type) {
        if (node instanceof YScalar s) {
            try {
                if (type == Boolean.class && (s.token() == JsonToken.VALUE_TRUE
                        || s.token() == JsonToken.VALUE_FALSE)) {
                    return Boolean.valueOf(s.text());
                }
                if (type == Integer.class && s.token() == JsonToken.VALUE_NUMBER_INT) {
                    return Integer.valueOf(s.text());
                }
                if (type == Long.class && s.token() == JsonToken.VALUE_NUMBER_INT) {
                    return Long.valueOf(s.text());
                }
                if (type == Double.class && s.isNumber()) return Double.valueOf(s.text());
            } catch (NumberFormatException tooLarge) {
                // fall through to the located "expected" message
            }
        }
        String expected = type == Boolean.class ? "true or false"
                : type == Double.class ? "a number" : "a whole number";
        problem(node.loc(), field, "expected " + expected + ", found " + node.describe());
        return null;
    }

    private void readNodes(YEntry entry, NodeDefaults defaults, boolean generated, Map<String, Node> nodes,
            Map<String, Position> layout) {
        List<NodeEntry> entries = new ArrayList<>();
        if (entry.value() instanceof YMap m) {
            for (YEntry e : m.entries().values()) entries.add(new NodeEntry(e.key(), e.keyLoc(), e.value()));
        } else if (entry.value() instanceof YList l) {
            int i = 0;
            for (YNode item : l.items()) {
                String field = "nodes[" + i++ + "]";
                if (item instanceof YScalar s && !s.isNull()) {
                    entries.add(new NodeEntry(s.text(), s.loc(), null));
                } else if (item instanceof YMap m) {
                    YEntry n = m.entries().get("name");
                    if (n == null) {
                        problem(m.loc(), field + ".name", "missing; every node needs a name");
                        continue;
                    }
                    String nodeName = text(n.value(), field + ".name");
                    if (nodeName == null) continue;
                    Map<String, YEntry> rest = new LinkedHashMap<>(m.entries());
                    rest.remove("name");
                    entries.add(new NodeEntry(nodeName, n.value().loc(), new YMap(m.loc(), rest)));
                } else {
                    problem(item.loc(), field, "expected a node name or a mapping with 'name', found " + item.describe());
                }
            }
        } else {
            problem(entry.value().loc(), "nodes",
                    "expected a mapping of node names or a list of nodes, found " + entry.value().describe());
            return;
        }
        Map<String, Loc> seen = new HashMap<>();
        for (NodeEntry e : entries) {
            String field = "nodes." + e.name;
            String why = Names.nodeNameProblem(e.name);
            if (why != null) {
                problem(e.loc, field, "invalid node name: " + why);
                continue;
            }
            Loc first = seen.putIfAbsent(e.name, e.loc);
            if (first != null) {
                problem(e.loc, field, "duplicate node name (first defined at line " + first.line() + ")");
                continue;
            }
            NodeDefaults settings = defaults;
            if (e.body != null && !(e.body instanceof YScalar s && s.isNull())) {
                YMap body = map(e.body, field);
                if (body == null) continue;
                checkKeys(body, field, NODE_KEYS);
                settings = nodeSettings(body, field, defaults);
                YEntry pos = body.entries().get("pos");
                if (pos != null) {
                    Position p = position(pos.value(), field + ".pos");
                    if (p != null) layout.put(e.name, p);
                }
            }
            if (generated && !nodes.containsKey(e.name)) {
                problem(e.loc, field, "not a node of the generated graph (its nodes: " + abbreviated(nodes.keySet()) + ")");
                continue;
            }
            nodes.put(e.name, settings.node(e.name));
        }
    }

    private record NodeEntry(String name, Loc loc, YNode body) {}

    /** Node settings from a node body or the defaults block, on top of {@code base}. */
    private NodeDefaults nodeSettings(YMap m, String field, NodeDefaults base) {
        String daemon = base.daemon();
        String image = base.image();
        Map<String, String> env = new LinkedHashMap<>(base.env());
        List<String> args = base.daemonArgs();
        YEntry d = m.entries().get("daemon");
        if (d != null) {
            String v = text(d.value(), field + ".daemon");
            // Checked where it is written: defaults.daemon is reported once, not once per node.
            if (v != null && !knownDaemons().contains(v)) {
                problem(d.value().loc(), field + ".daemon",
                        "unknown daemon '" + v + "'; known daemons: " + String.join(", ", knownDaemons()));
            } else if (v != null) {
                daemon = v;
            }
        }
        YEntry i = m.entries().get("image");
        if (i != null) {
            String v = text(i.value(), field + ".image");
            if (v != null) image = v;
        }
        YEntry e = m.entries().get("env");
        if (e != null) {
            YMap envMap = map(e.value(), field + ".env");
            if (envMap != null) {
                for (YEntry kv : envMap.entries().values()) {
                    if (!kv.key().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        problem(kv.keyLoc(), field + ".env." + kv.key(),
                                "not a valid environment variable name (letters, digits, '_'; not starting with a digit)");
                        continue;
                    }
                    String v = text(kv.value(), field + ".env." + kv.key());
                    if (v != null) env.put(kv.key(), v);
                }
            }
        }
        YEntry a = m.entries().get("daemon_args");
        if (a != null) {
            List<String> list = textList(a.value(), field + ".daemon_args");
            if (list != null) args = list;
        }
        return new NodeDefaults(daemon, image, env, args);
    }

    private Position position(YNode node, String field) {
        if (node instanceof YList l && l.items().size() == 2
                && l.items().stream().allMatch(i -> i instanceof YScalar s && s.isNumber())) {
            return new Position(Double.parseDouble(((YScalar) l.items().get(0)).text()),
                    Double.parseDouble(((YScalar) l.items().get(1)).text()));
        }
        problem(node.loc(), field, "expected [x, y] (two numbers), found " + node.describe());
        return null;
    }

    private List<Link> readLinks(YEntry entry, Set<String> nodes, LinkProps defaults) {
        List<Link> links = new ArrayList<>();
        List<Endpoints> ends = endpointsOf(entry, "links", nodes, LINK_KEYS);
        for (Endpoints e : ends) {
            LinkProps both = defaults.overriddenBy(props(e.body, e.field));
            links.add(new Link(e.a, e.b, both.overriddenBy(direction(e.body, e.field, "a_to_b")),
                    both.overriddenBy(direction(e.body, e.field, "b_to_a"))));
        }
        return links;
    }

    private record Endpoints(String a, String b, YMap body, String field) {}

    /**
     * The well-formed entries of a list of {a, b, ...} mappings, with unknown endpoints, self-loops
     * and duplicate pairs (a-b equals b-a) reported.
     */
    private List<Endpoints> endpointsOf(YEntry entry, String listField, Set<String> endpoints, Set<String> allowedKeys) {
        List<Endpoints> result = new ArrayList<>();
        if (!(entry.value() instanceof YList list)) {
            problem(entry.value().loc(), listField, "expected a list of {a: NODE, b: NODE, ...}, found "
                    + entry.value().describe());
            return result;
        }
        Map<String, Loc> seen = new HashMap<>();
        int i = 0;
        for (YNode item : list.items()) {
            String field = listField + "[" + i++ + "]";
            YMap m = map(item, field);
            if (m == null) continue;
            checkKeys(m, field, allowedKeys);
            String a = endpoint(m, field, "a", endpoints);
            String b = endpoint(m, field, "b", endpoints);
            if (a == null || b == null) continue;
            if (a.equals(b)) {
                problem(m.loc(), field, "self-loop: '" + a + "' cannot be linked to itself");
                continue;
            }
            String key = a.compareTo(b) < 0 ? a + "\n" + b : b + "\n" + a;
            Loc first = seen.putIfAbsent(key, m.loc());
            if (first != null) {
                problem(m.loc(), field, "duplicate: " + a + " and " + b + " are already joined at line " + first.line());
                continue;
            }
            result.add(new Endpoints(a, b, m, field));
        }
        return result;
    }

    private String endpoint(YMap m, String field, String key, Set<String> known) {
        YEntry e = m.entries().get(key);
        if (e == null) {
            problem(m.loc(), field + "." + key, "missing; name the node at this end");
            return null;
        }
        String name = text(e.value(), field + "." + key);
        if (name != null && !known.contains(name)) {
            problem(e.value().loc(), field + "." + key, "unknown node '" + name + "' (known: " + abbreviated(known) + ")");
            return null;
        }
        return name;
    }

    private LinkProps direction(YMap m, String field, String key) {
        YEntry e = m.entries().get(key);
        if (e == null) return LinkProps.NONE;
        YMap d = map(e.value(), field + "." + key);
        if (d == null) return LinkProps.NONE;
        checkKeys(d, field + "." + key, PROP_KEYS);
        return props(d, field + "." + key);
    }

    private List<Medium> readMedia(YEntry entry, Set<String> nodes, LinkProps defaults) {
        List<Medium> media = new ArrayList<>();
        if (!(entry.value() instanceof YList list)) {
            problem(entry.value().loc(), "media", "expected a list of {name, members, pairs}, found " + entry.value().describe());
            return media;
        }
        Map<String, Loc> seen = new HashMap<>();
        int i = 0;
        for (YNode item : list.items()) {
            String field = "media[" + i++ + "]";
            YMap m = map(item, field);
            if (m == null) continue;
            checkKeys(m, field, MEDIUM_KEYS);
            YEntry nameEntry = m.entries().get("name");
            String name = null;
            if (nameEntry == null) {
                problem(m.loc(), field + ".name", "missing; every medium needs a name");
            } else {
                name = text(nameEntry.value(), field + ".name");
                String why = name == null ? null : Names.nodeNameProblem(name);
                if (why != null) {
                    problem(nameEntry.value().loc(), field + ".name", "invalid medium name: " + why);
                    name = null;
                } else if (name != null) {
                    Loc first = seen.putIfAbsent(name, nameEntry.value().loc());
                    if (first != null) {
                        problem(nameEntry.value().loc(), field + ".name", "duplicate medium name (first at line "
                                + first.line() + ")");
                        name = null;
                    }
                }
            }
            Set<String> members = new LinkedHashSet<>();
            YEntry membersEntry = m.entries().get("members");
            if (membersEntry == null) {
                problem(m.loc(), field + ".members", "missing; list the nodes on this medium");
            } else {
                List<String> listed = textList(membersEntry.value(), field + ".members");
                if (listed != null) {
                    for (String member : listed) {
                        if (!nodes.contains(member)) {
                            problem(membersEntry.value().loc(), field + ".members", "unknown node '" + member + "'");
                        } else if (!members.add(member)) {
                            problem(membersEntry.value().loc(), field + ".members", "'" + member + "' is listed twice");
                        }
                    }
                }
            }
            List<MediumPair> pairs = new ArrayList<>();
            YEntry pairsEntry = m.entries().get("pairs");
            if (pairsEntry != null) {
                for (Endpoints e : endpointsOf(pairsEntry, field + ".pairs", members, LINK_KEYS)) {
                    LinkProps both = defaults.overriddenBy(props(e.body, e.field));
                    pairs.add(new MediumPair(e.a, e.b, both.overriddenBy(direction(e.body, e.field, "a_to_b")),
                            both.overriddenBy(direction(e.body, e.field, "b_to_a"))));
                }
            }
            if (name != null) media.add(new Medium(name, List.copyOf(members), pairs));
        }
        return media;
    }

    /** The loss/rate/delay/jitter keys of {@code m} (other keys are ignored here). */
    private LinkProps props(YMap m, String field) {
        Double loss = null;
        YEntry l = m.entries().get("loss");
        if (l != null) {
            loss = unit(l.value(), field + ".loss", Units::parseLoss, Units.LOSS_EXPECTED);
            if (loss != null && (loss < 0 || loss > 100)) {
                problem(l.value().loc(), field + ".loss", Units.formatLoss(loss) + " is outside 0..100 percent");
                loss = null;
            }
        }
        YEntry r = m.entries().get("rate");
        Long rate = r == null ? null : unit(r.value(), field + ".rate", Units::parseRate, Units.RATE_EXPECTED);
        YEntry d = m.entries().get("delay");
        Duration delay = d == null ? null : unit(d.value(), field + ".delay", Units::parseDuration, Units.DURATION_EXPECTED);
        YEntry j = m.entries().get("jitter");
        Duration jitter = j == null ? null : unit(j.value(), field + ".jitter", Units::parseDuration, Units.DURATION_EXPECTED);
        return new LinkProps(loss, rate, delay, jitter);
    }

    private <T> T unit(YNode node, String field, Function<String, T> parse, String expected) {
        if (node instanceof YScalar s && !s.isNull()) {
            T v = parse.apply(s.text());
            if (v != null) return v;
        }
        problem(node.loc(), field, "expected " + expected + ", found " + node.describe());
        return null;
    }

    private YMap map(YNode node, String field) {
        if (node instanceof YMap m) return m;
        problem(node.loc(), field, "expected a mapping (key: value lines), found " + node.describe());
        return null;
    }

    /** A scalar as text; maps, lists and null are reported. */
    private String text(YNode node, String field) {
        if (node instanceof YScalar s && !s.isNull()) return s.text();
        problem(node.loc(), field, "expected a single value, found " + node.describe());
        return null;
    }

    private List<String> textList(YNode node, String field) {
        if (!(node instanceof YList l)) {
            problem(node.loc(), field, "expected a list, found " + node.describe());
            return null;
        }
        List<String> result = new ArrayList<>();
        int i = 0;
        for (YNode item : l.items()) {
            String v = text(item, field + "[" + i++ + "]");
            if (v == null) return null;
            result.add(v);
        }
        return result;
    }

    private void checkKeys(YMap m, String field, Set<String> allowed) {
        for (YEntry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                String where = field.isEmpty() ? "at the top level" : "in " + field;
                problem(e.keyLoc(), field.isEmpty() ? e.key() : field + "." + e.key(),
                        "unknown key '" + e.key() + "' " + where + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private void problem(Loc loc, String field, String message) {
        problems.add(new InputProblem(file, loc.line(), loc.column(), field, message));
    }

    private static String abbreviated(Set<String> names) {
        List<String> list = List.copyOf(names);
        if (list.size() <= 10) return String.join(", ", list);
        return String.join(", ", list.subList(0, 10)) + ", ...";
    }

    private static Set<String> keys(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }
}
