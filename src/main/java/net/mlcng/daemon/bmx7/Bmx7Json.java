package net.mlcng.daemon.bmx7;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.mlcng.error.OperationFailedException;

/**
 * The files bmx7's json plugin writes under {@value #DIRECTORY}. Its objects carry the same field
 * names as the text views, so they map onto the same records; NetJSON files map onto
 * {@link NetJsonGraph} and {@link NetJsonRoutes}.
 */
public final class Bmx7Json {
    public static final String DIRECTORY = "/var/run/bmx7/json";
    public static final String NETWORK_GRAPH_FILE = DIRECTORY + "/netjson/network-graph.json";
    public static final String NETWORK_ROUTES_FILE = DIRECTORY + "/netjson/network-routes.json";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Bmx7Json() {}

    /** {@code status.json}: {@code {"status": {...}}}. */
    public static Bmx7Status status(String json) {
        return Bmx7Status.from(fields(member(read(json), "status", "status.json")));
    }

    /** {@code links.json}: {@code {"links": [...]}}. */
    public static List<Bmx7Link> links(String json) {
        return list(json, "links", Bmx7Link::from);
    }

    /** {@code interfaces.json}: {@code {"interfaces": [...]}}. */
    public static List<Bmx7Interface> interfaces(String json) {
        return list(json, "interfaces", Bmx7Interface::from);
    }

    /** {@code originators/<name>.json}: one originator object. */
    public static Bmx7Originator originator(String json) {
        return Bmx7Originator.from(fields(read(json)));
    }

    public static NetJsonGraph networkGraph(String json) {
        return bind(json, NetJsonGraph.class, "NetJSON NetworkGraph");
    }

    public static NetJsonRoutes networkRoutes(String json) {
        return bind(json, NetJsonRoutes.class, "NetJSON NetworkRoutes");
    }

    private static <T> List<T> list(String json, String member, Function<Map<String, String>, T> factory) {
        List<T> out = new ArrayList<>();
        for (JsonNode item : member(read(json), member, member + ".json")) {
            out.add(factory.apply(fields(item)));
        }
        return List.copyOf(out);
    }

    private static JsonNode member(JsonNode root, String name, String file) {
        JsonNode node = root.get(name);
        if (node == null) {
            throw new OperationFailedException("bmx7 " + file + " has no '" + name + "' member");
        }
        return node;
    }

    /** Flattens one json object to the text form the record factories read (numbers as text). */
    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> row = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().asText()));
        return row;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new OperationFailedException("bmx7 json output is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T bind(String json, Class<T> type, String what) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new OperationFailedException("bmx7 " + what + " is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
