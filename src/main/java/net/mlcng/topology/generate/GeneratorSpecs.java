package net.mlcng.topology.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.mlcng.error.UsageException;

/**
 * The generators a topology file's {@code generate:} block can name, with their parameters. The
 * names match the CLI ({@code generate grid --rows 3} is {@code {kind: grid, rows: 3}}; dashes
 * become underscores).
 */
public final class GeneratorSpecs {
    /** Seed used when none is given, so a file always yields the same graph. */
    public static final long DEFAULT_SEED = 1;

    /** One parameter; a null default makes it required. */
    public record Param(String name, Class<?> type, Object defaultValue) {}

    private static final Map<String, Map<String, Param>> KINDS = new LinkedHashMap<>();

    static {
        kind("line", p("nodes", Integer.class, null), p("closed", Boolean.class, false));
        kind("grid", p("rows", Integer.class, null), p("cols", Integer.class, null), p("diagonal", Boolean.class, false),
                p("wrap_x", Boolean.class, false), p("wrap_y", Boolean.class, false), p("torus", Boolean.class, false));
        kind("tree", p("depth", Integer.class, null), p("degree", Integer.class, 2));
        kind("unit-disk", p("nodes", Integer.class, null), p("width", Double.class, 100.0), p("height", Double.class, 100.0),
                p("range", Double.class, null), p("seed", Long.class, DEFAULT_SEED));
        kind("erdos-renyi", p("nodes", Integer.class, null), p("p", Double.class, null), p("seed", Long.class, DEFAULT_SEED));
        kind("full-mesh", p("nodes", Integer.class, null));
        kind("clusters", p("clusters", Integer.class, null), p("size", Integer.class, null));
    }

    private GeneratorSpecs() {}

    public static Set<String> kinds() {
        return KINDS.keySet();
    }

    /** The parameters of {@code kind}, by name. */
    public static Map<String, Param> params(String kind) {
        Map<String, Param> params = KINDS.get(kind);
        if (params == null) throw unknownKind(kind);
        return params;
    }

    /**
     * The generator of {@code kind} with {@code values} (typed as {@link #params} says; missing
     * optional ones take their defaults). Throws a UsageException naming a missing or bad parameter.
     */
    public static TopologyGenerator create(String kind, Map<String, Object> values) {
        Map<String, Param> params = params(kind);
        for (String given : values.keySet()) {
            if (!params.containsKey(given)) {
                throw new UsageException("generator '" + kind + "' has no parameter '" + given + "'; its parameters: "
                        + String.join(", ", params.keySet()));
            }
        }
        Values v = new Values(kind, params, values);
        return switch (kind) {
            case "line" -> new LineGenerator(v.get("nodes", Integer.class), v.get("closed", Boolean.class));
            case "grid" -> {
                boolean torus = v.get("torus", Boolean.class);
                yield new GridGenerator(v.get("rows", Integer.class), v.get("cols", Integer.class),
                        v.get("diagonal", Boolean.class), torus || v.get("wrap_x", Boolean.class),
                        torus || v.get("wrap_y", Boolean.class));
            }
            case "tree" -> new TreeGenerator(v.get("depth", Integer.class), v.get("degree", Integer.class));
            case "unit-disk" -> new UnitDiskGenerator(v.get("nodes", Integer.class), v.get("width", Double.class),
                    v.get("height", Double.class), v.get("range", Double.class), v.get("seed", Long.class));
            case "erdos-renyi" -> new ErdosRenyiGenerator(v.get("nodes", Integer.class), v.get("p", Double.class),
                    v.get("seed", Long.class));
            case "full-mesh" -> new FullMeshGenerator(v.get("nodes", Integer.class));
            case "clusters" -> new ClustersGenerator(v.get("clusters", Integer.class), v.get("size", Integer.class));
            default -> throw unknownKind(kind);
        };
    }

    private record Values(String kind, Map<String, Param> params, Map<String, Object> given) {
        <T> T get(String name, Class<T> type) {
            Object v = given.containsKey(name) ? given.get(name) : params.get(name).defaultValue();
            if (v == null) throw new UsageException("generator '" + kind + "' needs parameter '" + name + "'");
            if (type == Double.class && v instanceof Number n) return type.cast(n.doubleValue());
            if (type == Long.class && v instanceof Number n) return type.cast(n.longValue());
            if (!type.isInstance(v)) {
                throw new UsageException("generator '" + kind + "': parameter '" + name + "' must be "
                        + type.getSimpleName().toLowerCase(Locale.ROOT) + ", got " + v);
            }
            return type.cast(v);
        }
    }

    private static UsageException unknownKind(String kind) {
        return new UsageException("unknown generator '" + kind + "'; known: " + String.join(", ", KINDS.keySet()));
    }

    private static void kind(String name, Param... params) {
        Map<String, Param> map = new LinkedHashMap<>();
        for (Param p : List.of(params)) map.put(p.name(), p);
        KINDS.put(name, map);
    }

    private static Param p(String name, Class<?> type, Object defaultValue) {
        return new Param(name, type, defaultValue);
    }
}
