package net.mlcng.topology.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.mlcng.topology.Link;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Node;
import net.mlcng.topology.Topology;

/**
 * NetJSON NetworkGraph (https://netjson.org/rfc.html), the format community-mesh tools read and
 * bmx7's json plugin writes. Links are listed once per direction, as bmx7 does, because
 * impairments are per direction; cost is 1 per hop (the topology's intended metric).
 */
public final class NetJsonExporter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetJsonExporter() {}

    public static String export(Topology t) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "NetworkGraph");
        root.put("label", t.name());
        // No routing protocol computed this graph: it is the intended topology, format version 1.
        root.put("protocol", "static");
        root.put("version", "1");
        root.put("revision", "mlc-ng topology");
        root.put("metric", "hop");
        if (!t.nodes().isEmpty()) root.put("router_id", t.nodes().keySet().iterator().next());
        ArrayNode nodes = root.putArray("nodes");
        for (Node n : t.nodes().values()) {
            ObjectNode node = nodes.addObject();
            node.put("id", n.name());
            node.put("label", n.name());
            ObjectNode props = node.putObject("properties");
            props.put("hostname", n.name());
            props.put("daemon", n.daemon());
            props.put("image", n.image());
        }
        ArrayNode links = root.putArray("links");
        for (Link l : t.links()) {
            link(links, l.a(), l.b(), l.aToB(), null);
            link(links, l.b(), l.a(), l.bToA(), null);
        }
        for (Medium m : t.media()) {
            for (MediumPair p : m.pairs()) {
                link(links, p.a(), p.b(), p.aToB(), m.name());
                link(links, p.b(), p.a(), p.bToA(), m.name());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory always serialises", e);
        }
    }

    private static void link(ArrayNode links, String source, String target, LinkProps p, String medium) {
        ObjectNode link = links.addObject();
        link.put("source", source);
        link.put("target", target);
        link.put("cost", 1.0);
        ObjectNode props = link.putObject("properties");
        if (medium != null) props.put("medium", medium);
        if (p.lossPercent() != null) props.put("loss_percent", p.lossPercent());
        if (p.rateBitsPerSecond() != null) props.put("rate_bps", p.rateBitsPerSecond());
        if (p.delay() != null) props.put("delay_us", p.delay().toNanos() / 1000);
        if (p.jitter() != null) props.put("jitter_us", p.jitter().toNanos() / 1000);
    }
}
