package net.mlcng.daemon.bmx7;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A NetJSON {@code NetworkGraph} as bmx7's json plugin writes it: every node the daemon knows
 * (id = node id, label = {@code name.shortId}) and the links between them (empty when the
 * topology plugin is not loaded, as in the recorded fixture).
 */
public record NetJsonGraph(
        String type,
        String protocol,
        String version,
        String metric,
        @JsonProperty("router_id") String routerId,
        List<Node> nodes,
        List<Link> links) {

    public NetJsonGraph {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        links = links == null ? List.of() : List.copyOf(links);
    }

    public record Node(
            String id,
            String label,
            @JsonProperty("local_addresses") List<String> localAddresses,
            Map<String, Object> properties) {
        public Node {
            localAddresses = localAddresses == null ? List.of() : List.copyOf(localAddresses);
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        /** bmx7 puts the node's hostname in {@code properties.hostname}. */
        public String hostname() {
            Object h = properties.get("hostname");
            return h == null ? null : h.toString();
        }
    }

    public record Link(String source, String target, Double cost, @JsonProperty("cost_text") String costText) {}
}
