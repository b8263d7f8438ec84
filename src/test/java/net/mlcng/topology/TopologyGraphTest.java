package net.mlcng.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.mlcng.topology.generate.GridGenerator;
import net.mlcng.topology.generate.LineGenerator;
import org.junit.jupiter.api.Test;

class TopologyGraphTest {
    private static Topology line(int n) {
        return new LineGenerator(n, false).generate().toTopology("line", NodeDefaults.BUILT_IN, LinkProps.NONE);
    }

    @Test
    void hopDistancesOfALine() {
        HopDistances d = TopologyGraph.hopDistances(line(5));
        assertThat(d.names()).containsExactly("n1", "n2", "n3", "n4", "n5");
        assertThat(d.between("n1", "n5")).isEqualTo(4);
        assertThat(d.between("n3", "n3")).isZero();
        assertThat(d.maxHops()).isEqualTo(4);
    }

    @Test
    void gridDiameterIsManhattanDistance() {
        Topology grid = new GridGenerator(3, 10, false, false, false).generate()
                .toTopology("g", NodeDefaults.BUILT_IN, LinkProps.NONE);
        assertThat(TopologyGraph.hopDistances(grid).between("n1", "n30")).isEqualTo(2 + 9);
    }

    @Test
    void disconnectedGraphAndIsolatedNodesAreNamedInWarnings() {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (String n : List.of("a", "b", "c", "d", "e")) nodes.put(n, NodeDefaults.BUILT_IN.node(n));
        Topology t = new Topology("t", nodes,
                List.of(new Link("a", "b", LinkProps.NONE, LinkProps.NONE), new Link("c", "d", LinkProps.NONE, LinkProps.NONE)),
                List.of(), Map.of());
        assertThat(TopologyGraph.components(t)).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(TopologyGraph.isolatedNodes(t)).containsExactly("e");
        assertThat(TopologyGraph.hopDistances(t).between("a", "c")).isEqualTo(HopDistances.UNREACHABLE);
        assertThat(TopologyGraph.warnings(t)).containsExactly(
                "isolated node (no link, no medium pair): e",
                "graph is disconnected: 3 components: {a, b}; {c, d}; {e}");
    }

    @Test
    void connectedGraphHasNoWarnings() {
        assertThat(TopologyGraph.warnings(line(3))).isEmpty();
    }
}
