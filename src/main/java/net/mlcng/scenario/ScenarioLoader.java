package net.mlcng.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.mlcng.error.InputProblem;
import net.mlcng.error.InvalidInputException;
import net.mlcng.scenario.Step.NodePair;
import net.mlcng.topology.LocatedYaml;
import net.mlcng.topology.LocatedYaml.YEntry;
import net.mlcng.topology.LocatedYaml.YList;
import net.mlcng.topology.LocatedYaml.YMap;
import net.mlcng.topology.LocatedYaml.YNode;
import net.mlcng.topology.LocatedYaml.YScalar;
import net.mlcng.topology.Names;
import net.mlcng.topology.TopologyLoader;
import net.mlcng.topology.Units;
import net.mlcng.topology.generate.GeneratorSpecs;

/**
 * Reads and validates a scenario file. Every problem found is reported at once, each with file,
 * line, column and field; nothing is deployed before a scenario loads cleanly. Node names used by
 * steps are checked against the topology later ({@link #checkNodes}), once the topology is known.
 */
public final class ScenarioLoader {
    /** Limits that keep a typo from starting a week-long campaign. */
    public static final int MAX_REPETITIONS = 10_000;

    private static final Set<String> TOP_KEYS = Set.of("name", "description", "topology", "daemon", "repetitions", "steps");

    private final Collection<String> knownDaemons;

    /** A loader that accepts the daemons topology files accept (the registered drivers and the default). */
    public ScenarioLoader() {
        this(TopologyLoader.knownDaemons());
    }

    public ScenarioLoader(Collection<String> knownDaemons) {
        this.knownDaemons = List.copyOf(new java.util.TreeSet<>(knownDaemons));
    }

    public Scenario load(Path file) {
        Reader r = new Reader(file.toString());
        return interpret(LocatedYaml.read(file, r.problems), r, file);
    }

    /** Parses scenario text; {@code file} names it in messages and anchors relative topology paths. */
    public Scenario parse(String text, Path file) {
        Reader r = new Reader(file.toString());
        return interpret(LocatedYaml.parse(text, file.toString(), r.problems), r, file);
    }

    private Scenario interpret(YNode root, Reader r, Path file) {
        if (!(root instanceof YMap top)) {
            r.problem(root, null, "a scenario is a mapping with name, topology, daemon, repetitions and steps");
            throw new InvalidInputException(r.problems);
        }
        r.unknownKeys(top, TOP_KEYS, "");
        String fallbackName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = r.string(top, "name", "", false);
        if (name == null) name = fallbackName;
        else if (Names.topologyNameProblem(name) != null) r.problem(get(top, "name"), "name", Names.topologyNameProblem(name));
        TopologySource topology = readTopology(r, top, file);
        String daemon = r.string(top, "daemon", "", true);
        if (daemon != null && !knownDaemons.contains(daemon)) {
            r.problem(get(top, "daemon"), "daemon", "unknown daemon '" + daemon + "'; known daemons: " + String.join(", ", knownDaemons));
        }
        Integer reps = r.integer(top, "repetitions", "", 1, MAX_REPETITIONS);
        List<Step> steps = readSteps(r, top);
        if (!r.problems.isEmpty()) {
            List<InputProblem> sorted = new ArrayList<>(r.problems);
            sorted.sort(java.util.Comparator.comparingInt(InputProblem::line).thenComparingInt(InputProblem::column));
            throw new InvalidInputException(sorted);
        }
        return new Scenario(name, file, topology, daemon, reps == null ? 1 : reps, steps);
    }

    /**
     * Checks that every node a step names exists in the topology, so a typo fails with its line
     * before the lab is deployed.
     */
    public static void checkNodes(Scenario scenario, Collection<String> nodes) {
        List<InputProblem> problems = new ArrayList<>();
        String file = scenario.file().toString();
        for (Step step : scenario.steps()) {
            List<String> named = step.nodesNamed();
            for (String n : named) {
                if (!nodes.contains(n)) {
                    problems.add(new InputProblem(file, step.line(), 0, step.keyword(),
                            "no node '" + n + "' in the topology (nodes: " + abbreviate(nodes) + ")"));
                }
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }

    /** The value at {@code key}, or null when the mapping has no such key. */
    private static YNode get(YMap m, String key) {
        YEntry e = m.entries().get(key);
        return e == null ? null : e.value();
    }

    private static String abbreviate(Collection<String> names) {
        List<String> l = List.copyOf(names);
        return l.size() <= 12 ? String.join(", ", l) : String.join(", ", l.subList(0, 12)) + ", ... (" + l.size() + " in all)";
    }

    private static TopologySource readTopology(Reader r, YMap top, Path file) {
        YNode t = get(top, "topology");
        if (t == null) {
            r.problem(top, "topology", "missing: a topology file path or {generate: KIND, ...parameters}");
            return null;
        }
        if (t instanceof YScalar s && !s.isNull() && !s.text().isBlank()) {
            Path dir = file.toAbsolutePath().getParent();
            Path p = dir == null ? Path.of(s.text()) : dir.resolve(s.text()).normalize();
            if (!Files.isRegularFile(p)) r.problem(t, "topology", "no topology file " + p);
            return TopologySource.file(p);
        }
        if (t instanceof YMap m) return readGenerator(r, m);
        r.problem(t, "topology", "must be a topology file path or {generate: KIND, ...parameters}");
        return null;
    }

    /** {@code {generate: grid, rows: 3, cols: 3}}: parameters typed and checked as the generator declares them. */
    private static TopologySource readGenerator(Reader r, YMap m) {
        String kind = r.string(m, "generate", "topology", true);
        if (kind == null) return null;
        if (!GeneratorSpecs.kinds().contains(kind)) {
            r.problem(get(m, "generate"), "topology.generate",
                    "unknown generator '" + kind + "'; known: " + String.join(", ", GeneratorSpecs.kinds()));
            return null;
        }
        Map<String, GeneratorSpecs.Param> params = GeneratorSpecs.params(kind);
        java.util.Set<String> allowed = new java.util.HashSet<>(params.keySet());
        allowed.add("generate");
        r.unknownKeys(m, allowed, "topology");
        Map<String, Object> values = new LinkedHashMap<>();
        int before = r.problems.size();
        for (String key : m.entries().keySet()) {
            GeneratorSpecs.Param param = params.get(key);
            if (param == null) continue;
            Object v = r.typed(m, key, "topology", param.type());
            if (v != null) values.put(key, v);
        }
        if (r.problems.size() > before) return null;
        try {
            GeneratorSpecs.create(kind, values);
        } catch (net.mlcng.error.UsageException e) {
            r.problem(m, "topology", e.getMessage());
            return null;
        }
        return TopologySource.generated(kind, values);
    }

    private List<Step> readSteps(Reader r, YMap top) {
        YNode s = get(top, "steps");
        if (!(s instanceof YList seq) || seq.items().isEmpty()) {
            r.problem(s == null ? top : s, "steps", "must be a non-empty list of steps");
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            Step step = readStep(r, seq.items().get(i), "steps[" + i + "]");
            if (step != null) steps.add(step);
        }
        checkOrder(r, steps);
        return steps;
    }

    /** The first step must deploy; lab steps need a deployed lab and the lab must be destroyed. */
    private static void checkOrder(Reader r, List<Step> steps) {
        boolean deployed = false;
        boolean daemons = false;
        for (Step step : steps) {
            if (step instanceof Step.Deploy) {
                if (deployed) r.problemAt(step.line(), "deploy", "the lab is already deployed (destroy it first)");
                deployed = true;
            } else if (step instanceof Step.Destroy) {
                if (!deployed) r.problemAt(step.line(), "destroy", "nothing deployed to destroy");
                deployed = false;
                daemons = false;
            } else if (step instanceof Step.Assert || step instanceof Step.Wait) {
                continue;
            } else if (!deployed) {
                r.problemAt(step.line(), step.keyword(), "needs a deployed lab: put a deploy step before it");
            } else if (step instanceof Step.StartDaemons) {
                daemons = true;
            } else if (!daemons && (step instanceof Step.WaitConverged || step instanceof Step.WireguardUp)) {
                r.problemAt(step.line(), step.keyword(), "needs running daemons: put start_daemons before it");
            }
        }
        if (deployed) r.problemAt(steps.get(steps.size() - 1).line(), "steps", "the lab is never destroyed: end with a destroy step");
    }

    private Step readStep(Reader r, YNode item, String where) {
        String keyword;
        YNode args;
        if (item instanceof YScalar s && !s.isNull()) {
            keyword = s.text();
            args = null;
        } else if (item instanceof YMap m && m.entries().size() == 1) {
            YEntry e = m.entries().values().iterator().next();
            keyword = e.key();
            args = e.value() instanceof YScalar sc && sc.isNull() ? null : e.value();
        } else {
            r.problem(item, where, "a step is a name (e.g. deploy) or a one-key mapping (e.g. wait: {duration: 5s})");
            return null;
        }
        int line = item.loc().line();
        String field = where + "." + keyword;
        YMap a = args == null ? new YMap(item.loc(), Map.of()) : args instanceof YMap m ? m : null;
        if (a == null) {
            r.problem(args, field, "the step's parameters must be a mapping, e.g. {timeout: 60s}");
            return null;
        }
        return switch (keyword) {
            case "deploy" -> noArgs(r, a, field, new Step.Deploy(line));
            case "start_daemons" -> noArgs(r, a, field, new Step.StartDaemons(line));
            case "destroy" -> noArgs(r, a, field, new Step.Destroy(line));
            case "wait_converged" -> {
                r.unknownKeys(a, Set.of("timeout", "ping_sample", "metric"), field);
                Duration timeout = r.duration(a, "timeout", field, true);
                Integer sample = r.integer(a, "ping_sample", field, 0, 10_000);
                String metric = r.string(a, "metric", field, false);
                if (metric != null && !metric.matches("[a-z][a-z0-9_]*")) r.problem(get(a, "metric"), field + ".metric", "must match [a-z][a-z0-9_]*");
                yield new Step.WaitConverged(timeout, sample == null ? 5 : sample, metric == null ? "convergence" : metric, line);
            }
            case "wireguard_up" -> {
                r.unknownKeys(a, Set.of("mode", "nodes", "timeout"), field);
                Step.TunnelMode mode = r.enumValue(a, "mode", field, Step.TunnelMode.class, true);
                List<String> nodes = r.nodeList(a, "nodes", field);
                Duration timeout = r.duration(a, "timeout", field, false);
                if (mode == Step.TunnelMode.PAIRS && nodes.size() % 2 != 0) {
                    r.problem(get(a, "nodes"), field + ".nodes", "mode pairs needs an even number of nodes (a b c d = tunnels a-b and c-d)");
                }
                yield new Step.WireguardUp(mode, nodes, timeout == null ? Duration.ofSeconds(30) : timeout, line);
            }
            case "ping" -> readPing(r, a, field, line);
            case "link" -> readLink(r, a, field, line);
            case "node" -> {
                r.unknownKeys(a, Set.of("name", "action"), field);
                String name = r.nodeName(a, "name", field);
                Step.NodeAction action = r.enumValue(a, "action", field, Step.NodeAction.class, true);
                yield new Step.Node(name, action, line);
            }
            case "wait" -> {
                r.unknownKeys(a, Set.of("duration"), field);
                yield new Step.Wait(r.duration(a, "duration", field, true), line);
            }
            case "traffic" -> {
                r.unknownKeys(a, Set.of("from", "to", "duration"), field);
                String from = r.nodeName(a, "from", field);
                String to = r.nodeName(a, "to", field);
                Duration d = r.duration(a, "duration", field, false);
                yield new Step.Traffic(from, to, d == null ? Duration.ofSeconds(10) : d, line);
            }
            case "measure" -> {
                r.unknownKeys(a, Set.of("what"), field);
                yield new Step.Measure(r.enumValue(a, "what", field, Step.Measurement.class, true), line);
            }
            case "assert" -> readAssert(r, a, field, line);
            default -> {
                r.problem(item, where, "unknown step '" + keyword + "'; steps: deploy, start_daemons, wait_converged, wireguard_up, "
                        + "ping, link, node, wait, traffic, measure, assert, destroy");
                yield null;
            }
        };
    }

    private static Step noArgs(Reader r, YMap a, String field, Step step) {
        r.unknownKeys(a, Set.of(), field);
        return step;
    }

    private static Step readPing(Reader r, YMap a, String field, int line) {
        r.unknownKeys(a, Set.of("pairs", "from", "to", "count", "interval", "over", "background"), field);
        List<NodePair> pairs = new ArrayList<>();
        boolean all = false;
        YNode p = get(a, "pairs");
        boolean fromTo = a.entries().containsKey("from") || a.entries().containsKey("to");
        if (p != null && fromTo) {
            r.problem(p, field + ".pairs", "give either pairs or from/to, not both");
        } else if (p instanceof YScalar s && "all".equals(s.text())) {
            all = true;
        } else if (p instanceof YList seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YList two && two.items().size() == 2
                        && two.items().get(0) instanceof YScalar x && two.items().get(1) instanceof YScalar y
                        && r.checkNode(x, field + ".pairs") && r.checkNode(y, field + ".pairs")) {
                    pairs.add(new NodePair(x.text(), y.text()));
                } else if (!(item instanceof YList two2 && two2.items().size() == 2)) {
                    r.problem(item, field + ".pairs", "each pair is [from, to]");
                }
            }
        } else if (p != null) {
            r.problem(p, field + ".pairs", "must be 'all' or a list of [from, to]");
        } else if (fromTo) {
            String from = r.nodeName(a, "from", field);
            String to = r.nodeName(a, "to", field);
            if (from != null && to != null) pairs.add(new NodePair(from, to));
        } else {
            r.problem(a, field, "say what to ping: pairs: all, pairs: [[a, b], ...] or from/to");
        }
        Integer count = r.integer(a, "count", field, 1, 1_000_000);
        Duration interval = r.duration(a, "interval", field, false);
        if (interval != null && interval.toMillis() < 2) {
            r.problem(get(a, "interval"), field + ".interval", "must be at least 2ms (ping's floor for root)");
        }
        Step.Over over = r.enumValue(a, "over", field, Step.Over.class, false);
        Boolean background = r.bool(a, "background", field);
        return new Step.Ping(pairs, all, count == null ? 5 : count, interval == null ? Duration.ofSeconds(1) : interval,
                over == null ? Step.Over.MESH : over, background != null && background, line);
    }

    private static Step readLink(Reader r, YMap a, String field, int line) {
        r.unknownKeys(a, Set.of("a", "b", "loss", "rate", "delay", "state", "direction"), field);
        String na = r.nodeName(a, "a", field);
        String nb = r.nodeName(a, "b", field);
        Double loss = r.loss(a, "loss", field);
        Long rate = r.rate(a, "rate", field);
        Duration delay = r.duration(a, "delay", field, false);
        Step.LinkState state = r.enumValue(a, "state", field, Step.LinkState.class, false);
        Step.Direction dir = r.enumValue(a, "direction", field, Step.Direction.class, false);
        if (a.entries().keySet().stream().noneMatch(Set.of("loss", "rate", "delay", "state")::contains)) {
            r.problem(a, field, "says nothing to change: give loss, rate, delay or state (up/down)");
        }
        if (na != null && na.equals(nb)) r.problem(get(a, "b"), field + ".b", "a link joins two different nodes");
        return new Step.Link(na, nb, loss, rate, delay, state, dir == null ? Step.Direction.BOTH : dir, line);
    }

    private static Step readAssert(Reader r, YMap a, String field, int line) {
        r.unknownKeys(a, Set.of("metric", "stat", "op", "bound"), field);
        String metric = r.string(a, "metric", field, true);
        Step.Stat stat = r.enumValue(a, "stat", field, Step.Stat.class, false);
        String opText = r.string(a, "op", field, true);
        Step.Op op = opText == null ? null : Step.Op.fromSymbol(opText);
        if (opText != null && op == null) r.problem(get(a, "op"), field + ".op", "must be one of <, <=, >, >=, ==");
        Double bound = r.number(a, "bound", field, true);
        return new Step.Assert(metric, stat == null ? Step.Stat.MAX : stat, op, bound == null ? 0 : bound, line);
    }

    /** Typed field access that records located problems instead of stopping at the first one. */
    private static final class Reader {
        final String file;
        final List<InputProblem> problems = new ArrayList<>();

        Reader(String file) {
            this.file = file;
        }

        void problem(YNode at, String field, String message) {
            problems.add(new InputProblem(file, at == null ? 0 : at.loc().line(), at == null ? 0 : at.loc().column(), field, message));
        }

        void problemAt(int line, String field, String message) {
            problems.add(new InputProblem(file, line, 0, field, message));
        }

        void unknownKeys(YMap m, Set<String> allowed, String prefix) {
            for (YEntry e : m.entries().values()) {
                if (!allowed.contains(e.key())) {
                    String known = allowed.isEmpty() ? "this step takes no parameters" : "known: " + String.join(", ", new java.util.TreeSet<>(allowed));
                    problems.add(new InputProblem(file, e.keyLoc().line(), e.keyLoc().column(), join(prefix, e.key()),
                            "unknown field (" + known + ")"));
                }
            }
        }

        private static String join(String prefix, String key) {
            return prefix.isEmpty() ? key : prefix + "." + key;
        }

        /** The scalar text at key, or null (recording a problem when required or not a scalar). */
        String string(YMap m, String key, String prefix, boolean required) {
            YNode v = get(m, key);
            if (v == null) {
                if (required) problem(m, join(prefix, key), "missing");
                return null;
            }
            if (!(v instanceof YScalar s) || s.isNull() || s.text().isBlank()) {
                problem(v, join(prefix, key), "must be a single non-empty value");
                return null;
            }
            return s.text();
        }

        Integer integer(YMap m, String key, String prefix, int min, int max) {
            String t = string(m, key, prefix, false);
            if (t == null) return null;
            try {
                int n = Integer.parseInt(t);
                if (n >= min && n <= max) return n;
            } catch (NumberFormatException e) {
                // reported below with the expected range
            }
            problem(get(m, key), join(prefix, key), "must be a whole number from " + min + " to " + max + ", got '" + t + "'");
            return null;
        }

        Double number(YMap m, String key, String prefix, boolean required) {
            String t = string(m, key, prefix, required);
            if (t == null) return null;
            try {
                double d = Double.parseDouble(t);
                if (Double.isFinite(d)) return d;
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(get(m, key), join(prefix, key), "must be a number in the metric's unit (e.g. 30 for seconds), got '" + t + "'");
            return null;
        }

        /** A generator parameter as Integer, Long, Double or Boolean; null (and a problem) when it is not one. */
        Object typed(YMap m, String key, String prefix, Class<?> type) {
            if (type == Boolean.class) return bool(m, key, prefix);
            String t = string(m, key, prefix, false);
            if (t == null) return null;
            try {
                if (type == Integer.class) return Integer.valueOf(t);
                if (type == Long.class) return Long.valueOf(t);
                if (type == Double.class) return Double.valueOf(t);
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(get(m, key), join(prefix, key), "must be " + (type == Double.class ? "a number" : "a whole number") + ", got '" + t + "'");
            return null;
        }

        Boolean bool(YMap m, String key, String prefix) {
            String t = string(m, key, prefix, false);
            if (t == null) return null;
            if (t.equals("true") || t.equals("false")) return Boolean.parseBoolean(t);
            problem(get(m, key), join(prefix, key), "must be true or false");
            return null;
        }

        <E extends Enum<E>> E enumValue(YMap m, String key, String prefix, Class<E> type, boolean required) {
            String t = string(m, key, prefix, required);
            if (t == null) return null;
            String canonical = t.toUpperCase(Locale.ROOT).replace('-', '_');
            for (E e : type.getEnumConstants()) if (e.name().equals(canonical)) return e;
            List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
            problem(get(m, key), join(prefix, key), "must be one of " + String.join(", ", names) + ", got '" + t + "'");
            return null;
        }

        String nodeName(YMap m, String key, String prefix) {
            String t = string(m, key, prefix, true);
            if (t == null) return null;
            return checkNode((YScalar) get(m, key), join(prefix, key)) ? t : null;
        }

        boolean checkNode(YScalar s, String field) {
            String problem = s.isNull() ? "a node name is missing" : Names.nodeNameProblem(s.text());
            if (problem == null) return true;
            problem(s, field, problem);
            return false;
        }

        List<String> nodeList(YMap m, String key, String prefix) {
            YNode v = get(m, key);
            if (v == null) return List.of();
            if (!(v instanceof YList seq)) {
                problem(v, join(prefix, key), "must be a list of node names");
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (YNode item : seq.items()) {
                if (item instanceof YScalar s && checkNode(s, join(prefix, key))) names.add(s.text());
                else if (!(item instanceof YScalar)) problem(item, join(prefix, key), "must be a node name");
            }
            return names;
        }

        /** Durations, rates and losses are written as in topology files ({@link Units}). */
        Duration duration(YMap m, String key, String prefix, boolean required) {
            String t = string(m, key, prefix, required);
            if (t == null) return null;
            Duration d = Units.parseDuration(t);
            if (d != null && !d.isZero()) return d;
            problem(get(m, key), join(prefix, key), "must be a positive duration: " + Units.DURATION_EXPECTED + ", got '" + t + "'");
            return null;
        }

        Long rate(YMap m, String key, String prefix) {
            String t = string(m, key, prefix, false);
            if (t == null) return null;
            Long rate = Units.parseRate(t);
            if (rate == null) problem(get(m, key), join(prefix, key), "must be " + Units.RATE_EXPECTED + ", got '" + t + "'");
            return rate;
        }

        Double loss(YMap m, String key, String prefix) {
            String t = string(m, key, prefix, false);
            if (t == null) return null;
            Double loss = Units.parseLoss(t);
            if (loss != null && loss <= 100) return loss;
            problem(get(m, key), join(prefix, key), "must be " + Units.LOSS_EXPECTED + ", got '" + t + "'");
            return null;
        }
    }
}
