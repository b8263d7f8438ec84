package net.mlcng.scenario.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.mlcng.topology.Link;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Medium;
import net.mlcng.topology.MediumPair;
import net.mlcng.topology.Node;
import net.mlcng.topology.Topology;
import net.mlcng.topology.TopologyGraph;
import org.junit.jupiter.api.Test;

class MiscMeasureTest {
    static Topology line4WithMedium() {
        Map<String, Node> nodes = new java.util.LinkedHashMap<>();
        for (String n : List.of("a", "b", "c", "d", "e")) nodes.put(n, new Node(n, "babeld", "img", Map.of(), List.of()));
        return new Topology("t", nodes,
                List.of(new Link("a", "b", LinkProps.NONE, LinkProps.NONE), new Link("b", "c", LinkProps.NONE, LinkProps.NONE)),
                List.of(new Medium("m", List.of("c", "d", "e"), List.of(new MediumPair("c", "d", LinkProps.NONE, LinkProps.NONE),
                        new MediumPair("d", "e", LinkProps.NONE, LinkProps.NONE)))),
                Map.of());
    }

    @Test
    void stretchAgainstTheTopologysShortestPaths() {
        // a-b-c by links, c~d~e on the medium (c and e do not hear each other).
        var shortest = TopologyGraph.hopDistances(line4WithMedium());
        var routed = Map.of("a", Map.of("b", 1, "c", 2, "d", 3, "e", 6), "c", Map.of("e", 2));
        Stretch s = Stretch.compute(routed, shortest);
        assertThat(s.hops()).containsExactlyInAnyOrder(1.0, 2.0, 3.0, 6.0, 2.0);
        assertThat(s.stretch()).containsExactlyInAnyOrder(1.0, 1.0, 1.0, 1.5, 1.0);
        assertThat(s.unrouted()).as("20 ordered pairs, 5 routed").isEqualTo(15);
    }

    @Test
    void ratesBetweenCounterSamples() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        var r = new CounterSample(t.plusSeconds(4), 4400, 44, Duration.ofMillis(1400), 5_000_000)
                .ratesSince(new CounterSample(t, 400, 4, Duration.ofMillis(400), 4_000_000));
        assertThat(r.bytesPerSecond()).isEqualTo(1000);
        assertThat(r.packetsPerSecond()).isEqualTo(10);
        assertThat(r.cpuPercent()).isCloseTo(25, within(1e-9));
        assertThat(r.memoryBytes()).isEqualTo(5_000_000);
    }

    @Test
    void hostLoadFromProcStat() {
        String before = "cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3 4\n";
        String after = "cpu  190 0 190 710 110 0 0 0 0 0\n";
        HostLoad busy = HostLoad.of(before, after, "2.50 1.00 0.50 3/200 1234", 2);
        assertThat(busy.busyFraction()).isCloseTo(0.9, within(1e-9));
        assertThat(busy.saturated()).isTrue();
        assertThat(busy.warning()).contains("saturated", "2.50", "2 cores");
        HostLoad idle = HostLoad.of(before, "cpu  110 0 110 880 100 0 0 0 0 0\n", "0.30 0.2 0.1 1/100 1", 2);
        assertThat(idle.saturated()).isFalse();
        assertThat(idle.warning()).isNull();
    }

    @Test
    void prefixCoverage() {
        assertThat(Prefixes.covers("10.0.0.0/24", "10.0.0.9")).isTrue();
        assertThat(Prefixes.covers("10.0.1.0/24", "10.0.0.9")).isFalse();
        assertThat(Prefixes.covers("fd70::/16", "fd70::5")).isTrue();
        assertThat(Prefixes.covers("fd70::5", "fd70::5")).isTrue();
        assertThat(Prefixes.covers("fd70::5", "10.0.0.5")).isFalse();
    }
}
