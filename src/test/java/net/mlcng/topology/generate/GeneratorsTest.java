package net.mlcng.topology.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import net.mlcng.error.UsageException;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Names;
import net.mlcng.topology.NodeDefaults;
import net.mlcng.topology.Position;
import net.mlcng.topology.Topology;
import net.mlcng.topology.TopologyGraph;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
    private static Graph<String, DefaultEdge> graph(TopologyGenerator g) {
        return TopologyGraph.of(g.generate().toTopology("t", NodeDefaults.BUILT_IN, LinkProps.NONE));
    }

    /** How many nodes have each degree, e.g. {2=4, 3=16, 4=10}. */
    private static Map<Integer, Integer> degrees(Graph<String, DefaultEdge> g) {
        Map<Integer, Integer> histogram = new TreeMap<>();
        for (String v : g.vertexSet()) histogram.merge(g.degreeOf(v), 1, Integer::sum);
        return histogram;
    }

    @Test
    void line() {
        Graph<String, DefaultEdge> g = graph(new LineGenerator(5, false));
        assertThat(g.vertexSet()).containsExactlyInAnyOrder("n1", "n2", "n3", "n4", "n5");
        assertThat(g.edgeSet()).hasSize(4);
        assertThat(degrees(g)).isEqualTo(Map.of(1, 2, 2, 3));
    }

    @Test
    void ring() {
        Graph<String, DefaultEdge> g = graph(new LineGenerator(8, true));
        assertThat(g.edgeSet()).hasSize(8);
        assertThat(degrees(g)).isEqualTo(Map.of(2, 8));
    }

    @Test
    void grid3x10IsTheOldMlcExample() {
        GeneratedGraph gg = new GridGenerator(3, 10, false, false, false).generate();
        Graph<String, DefaultEdge> g = graph(new GridGenerator(3, 10, false, false, false));
        assertThat(g.vertexSet()).hasSize(30);
        assertThat(g.edgeSet()).hasSize(47);
        // 4 corners, 2*8 + 2*1 border nodes, 8 inner nodes.
        assertThat(degrees(g)).isEqualTo(Map.of(2, 4, 3, 18, 4, 8));
        assertThat(gg.layout()).containsEntry("n1", new Position(0, 0)).containsEntry("n30", new Position(9, 2));
        assertThat(g.containsEdge("n10", "n20")).isTrue();
        assertThat(g.containsEdge("n10", "n11")).isFalse();
    }

    @Test
    void torusIsFourRegular() {
        Graph<String, DefaultEdge> g = graph(new GridGenerator(4, 5, false, true, true));
        assertThat(g.vertexSet()).hasSize(20);
        assertThat(g.edgeSet()).hasSize(2 * 20);
        assertThat(degrees(g)).isEqualTo(Map.of(4, 20));
    }

    @Test
    void wrapInOneAxisOnly() {
        Graph<String, DefaultEdge> cylinder = graph(new GridGenerator(3, 4, false, true, false));
        assertThat(cylinder.edgeSet()).hasSize(3 * 4 + 2 * 4);
        assertThat(degrees(cylinder)).isEqualTo(Map.of(3, 8, 4, 4));
    }

    @Test
    void diagonalGrid() {
        Graph<String, DefaultEdge> g = graph(new GridGenerator(3, 3, true, false, false));
        assertThat(g.edgeSet()).hasSize(12 + 2 * 2 * 2);
        assertThat(g.degreeOf("n5")).isEqualTo(8);
        assertThat(degrees(g)).isEqualTo(Map.of(3, 4, 5, 4, 8, 1));
        Graph<String, DefaultEdge> diagonalTorus = graph(new GridGenerator(4, 4, true, true, true));
        assertThat(degrees(diagonalTorus)).isEqualTo(Map.of(8, 16));
    }

    @Test
    void tree() {
        Graph<String, DefaultEdge> g = graph(new TreeGenerator(3, 2));
        assertThat(g.vertexSet()).hasSize(1 + 2 + 4 + 8);
        assertThat(g.edgeSet()).hasSize(14);
        assertThat(degrees(g)).isEqualTo(Map.of(1, 8, 2, 1, 3, 6));
    }

    @Test
    void fullMesh() {
        Graph<String, DefaultEdge> g = graph(new FullMeshGenerator(6));
        assertThat(g.edgeSet()).hasSize(15);
        assertThat(degrees(g)).isEqualTo(Map.of(5, 6));
    }

    @Test
    void clustersAreJoinedOnlyThroughBridges() {
        Topology t = new ClustersGenerator(3, 4).generate().toTopology("c", NodeDefaults.BUILT_IN, LinkProps.NONE);
        Graph<String, DefaultEdge> g = TopologyGraph.of(t);
        assertThat(g.vertexSet()).hasSize(3 * 4 + 2);
        assertThat(g.edgeSet()).hasSize(3 * 6 + 2 * 2);
        assertThat(g.degreeOf("b1")).isEqualTo(2);
        assertThat(TopologyGraph.hopDistances(t).between("c1n1", "c3n4")).isEqualTo(1 + 2 + 1 + 2 + 1);
    }

    @Test
    void unitDiskLinksExactlyThePairsWithinRange() {
        GeneratedGraph gg = new UnitDiskGenerator(30, 100, 50, 25, 42).generate();
        assertThat(gg.nodes()).hasSize(30);
        assertThat(gg.layout()).hasSize(30).allSatisfy((n, p) -> {
            assertThat(p.x()).isBetween(0.0, 100.0);
            assertThat(p.y()).isBetween(0.0, 50.0);
        });
        Graph<String, DefaultEdge> g = TopologyGraph.of(gg.toTopology("u", NodeDefaults.BUILT_IN, LinkProps.NONE));
        for (String a : gg.nodes()) {
            for (String b : gg.nodes()) {
                if (a.equals(b)) continue;
                Position pa = gg.layout().get(a), pb = gg.layout().get(b);
                boolean inRange = Math.hypot(pa.x() - pb.x(), pa.y() - pb.y()) <= 25;
                assertThat(g.containsEdge(a, b)).as(a + "-" + b).isEqualTo(inRange);
            }
        }
    }

    @Test
    void erdosRenyiExtremes() {
        assertThat(graph(new ErdosRenyiGenerator(10, 0, 1)).edgeSet()).isEmpty();
        assertThat(graph(new ErdosRenyiGenerator(10, 1, 1)).edgeSet()).hasSize(45);
    }

    @Test
    void seededGeneratorsAreReproducibleAndSeedsMatter() {
        assertThat(new UnitDiskGenerator(40, 100, 100, 20, 7).generate())
                .isEqualTo(new UnitDiskGenerator(40, 100, 100, 20, 7).generate())
                .isNotEqualTo(new UnitDiskGenerator(40, 100, 100, 20, 8).generate());
        assertThat(new ErdosRenyiGenerator(40, 0.2, 7).generate())
                .isEqualTo(new ErdosRenyiGenerator(40, 0.2, 7).generate())
                .isNotEqualTo(new ErdosRenyiGenerator(40, 0.2, 8).generate());
    }

    @Test
    void linkDefaultsAndDaemonReachEveryLinkAndNode() {
        LinkProps props = new LinkProps(2.0, 10_000_000L, null, null);
        Topology t = new LineGenerator(4, true).generate().toTopology("r", NodeDefaults.withDaemon("bmx7"), props);
        assertThat(t.links()).allSatisfy(l -> {
            assertThat(l.aToB()).isEqualTo(props);
            assertThat(l.bToA()).isEqualTo(props);
        });
        assertThat(t.nodes().values()).allSatisfy(n -> assertThat(n.daemon()).isEqualTo("bmx7"));
    }

    @Test
    void badParametersAreNamedInConstructors() {
        assertThatThrownBy(() -> new LineGenerator(1, false)).isInstanceOf(UsageException.class).hasMessageContaining("'nodes'");
        assertThatThrownBy(() -> new LineGenerator(2, true)).hasMessageContaining("ring needs at least 3");
        assertThatThrownBy(() -> new GridGenerator(0, 3, false, false, false)).hasMessageContaining("'rows'");
        assertThatThrownBy(() -> new GridGenerator(3, 2, false, true, false)).hasMessageContaining("'wrap-x'");
        assertThatThrownBy(() -> new GridGenerator(1000, 1000, false, false, false)).hasMessageContaining("at most");
        assertThatThrownBy(() -> new TreeGenerator(20, 3)).hasMessageContaining("'depth'");
        assertThatThrownBy(() -> new UnitDiskGenerator(10, 100, 100, -1, 1)).hasMessageContaining("'range'");
        assertThatThrownBy(() -> new ErdosRenyiGenerator(10, 1.5, 1)).hasMessageContaining("'p'");
        assertThatThrownBy(() -> new FullMeshGenerator(301)).hasMessageContaining("'nodes'");
        assertThatThrownBy(() -> new ClustersGenerator(1, 3)).hasMessageContaining("'clusters'");
    }

    @Test
    void generatedNamesAreValidNodeNames() {
        GeneratedGraph big = new ClustersGenerator(300, 30).generate();
        assertThat(big.nodes()).allSatisfy(n -> assertThat(Names.nodeNameProblem(n)).isNull());
    }

    @Test
    void specsBuildTheSameGeneratorsAsTheConstructors() {
        assertThat(GeneratorSpecs.create("grid", Map.of("rows", 3, "cols", 10, "torus", true)).generate())
                .isEqualTo(new GridGenerator(3, 10, false, true, true).generate());
        assertThatThrownBy(() -> GeneratorSpecs.create("grid", Map.of("rows", 3)))
                .isInstanceOf(UsageException.class).hasMessageContaining("'cols'");
        assertThatThrownBy(() -> GeneratorSpecs.create("grid", Map.of("rows", 3, "cols", 3, "bogus", 1)))
                .hasMessageContaining("no parameter 'bogus'");
        assertThatThrownBy(() -> GeneratorSpecs.create("hypercube", Map.of())).hasMessageContaining("known: line, grid");
    }
}
