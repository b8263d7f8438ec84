package net.mlcng.topology.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import net.mlcng.topology.Topology;
import net.mlcng.topology.TopologyLoader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ExportersTest {
    private static final Path REPO = Path.of(System.getProperty("mlcng.repo", System.getProperty("user.dir")));

    private static Topology shipped(String name) {
        return TopologyLoader.load(REPO.resolve("topologies").resolve(name));
    }

    @Test
    void dotHasEveryLinkAndPinsPositions() {
        String dot = DotExporter.export(shipped("asymmetric.yaml"));
        assertThat(dot).startsWith("graph \"asymmetric\" {");
        assertThat(dot).contains("\"n1\" [pos=\"0.0,-0.0!\"];");
        assertThat(dot).contains("\"n1\" -- \"n2\" [label=\"a>b 0% 10mbit 2ms / b>a 30% 10mbit 2ms\"];");
        assertThat(dot.lines().filter(l -> l.contains(" -- "))).hasSize(4);
        assertThat(DotExporter.export(shipped("shared-medium.yaml"))).contains("[style=dashed, label=\"air 5%\"]");
    }

    @Test
    void mermaidHasEveryNodeAndLink() {
        String mermaid = MermaidExporter.export(shipped("shared-medium.yaml"));
        assertThat(mermaid).startsWith("graph LR\n");
        assertThat(mermaid).contains("v0((n1))").contains("v4((n5))");
        assertThat(mermaid).contains("v3 ---|\"100mbit\"| v4");
        assertThat(mermaid.lines().filter(l -> l.contains("-.-"))).hasSize(5);
    }

    @Test
    void netJsonHasTheShapeBmx7Writes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode ours = json.readTree(NetJsonExporter.export(shipped("asymmetric.yaml")));
        JsonNode bmx7 = json.readTree(Path.of("/work/shared/fixtures/bmx7/json/network-graph.json").toFile());
        assertThat(fieldNames(ours)).containsAll(fieldNames(bmx7));
        assertThat(ours.get("type").asText()).isEqualTo("NetworkGraph");
        assertThat(ours.get("nodes")).hasSize(4);
        assertThat(fieldNames(ours.get("nodes").get(0))).contains("id", "label", "properties");
        // One entry per direction, as bmx7 lists links; the asymmetric loss shows per direction.
        assertThat(ours.get("links")).hasSize(8);
        JsonNode n1ToN2 = ours.get("links").get(0);
        JsonNode n2ToN1 = ours.get("links").get(1);
        assertThat(n1ToN2.get("source").asText()).isEqualTo("n1");
        assertThat(n1ToN2.get("target").asText()).isEqualTo("n2");
        assertThat(n1ToN2.get("cost").asDouble()).isEqualTo(1.0);
        assertThat(n1ToN2.at("/properties/loss_percent").asDouble()).isEqualTo(0.0);
        assertThat(n2ToN1.at("/properties/loss_percent").asDouble()).isEqualTo(30.0);
        assertThat(n2ToN1.at("/properties/rate_bps").asLong()).isEqualTo(10_000_000L);
        assertThat(n2ToN1.at("/properties/delay_us").asLong()).isEqualTo(2000);
    }

    @Test
    void svgIsWellFormedAndDrawsEveryNodeAndLink() throws Exception {
        for (String name : List.of("grid-3x10.yaml", "shared-medium.yaml", "unit-disk-15.yaml")) {
            Topology t = shipped(name);
            Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(SvgExporter.export(t).getBytes(StandardCharsets.UTF_8)));
            assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(t.nodes().size());
            int pairs = t.media().stream().mapToInt(m -> m.pairs().size()).sum();
            assertThat(svg.getElementsByTagName("line").getLength()).isEqualTo(t.links().size() + pairs);
        }
    }

    @Test
    void svgOfATopologyWithoutPositionsUsesACircle() throws Exception {
        Path f = Files.createTempFile("nopos", ".yaml");
        try {
            Files.writeString(f, "name: tri\nnodes: [a, b, c]\nlinks: [{a: a, b: b}, {a: b, b: c}]\n");
            String svg = SvgExporter.export(TopologyLoader.load(f));
            assertThat(svg).contains("<circle cx=").contains(">a</text>").doesNotContain("NaN");
        } finally {
            Files.delete(f);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}
