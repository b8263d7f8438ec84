package net.mlcng.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.mlcng.topology.generate.ErdosRenyiGenerator;
import net.mlcng.topology.generate.GeneratedGraph;
import net.mlcng.topology.generate.GridGenerator;
import net.mlcng.topology.generate.UnitDiskGenerator;

/** Properties over random graphs with random link impairments. */
class TopologyProperties {
    @Property(tries = 150)
    void randomTopologiesValidateAndRoundTripExactly(@ForAll("randomTopologies") Topology t) {
        Topology reloaded = RoundTrip.reload(t);
        assertThat(reloaded).isEqualTo(t);
        assertThat(TopologyWriter.write(reloaded)).isEqualTo(TopologyWriter.write(t));
    }

    @Property(tries = 150)
    void hopDistancesAreAMetricOnEachComponent(@ForAll("randomTopologies") Topology t) {
        HopDistances d = TopologyGraph.hopDistances(t);
        List<String> names = d.names();
        for (String a : names) {
            assertThat(d.between(a, a)).isZero();
            for (String b : names) {
                assertThat(d.between(a, b)).isEqualTo(d.between(b, a));
                if (d.between(a, b) == HopDistances.UNREACHABLE) continue;
                for (String c : names) {
                    if (d.between(b, c) == HopDistances.UNREACHABLE) continue;
                    assertThat(d.between(a, c)).isNotEqualTo(HopDistances.UNREACHABLE)
                            .isLessThanOrEqualTo(d.between(a, b) + d.between(b, c));
                }
            }
        }
    }

    @Property(tries = 100)
    void reachabilityMatchesComponents(@ForAll("randomTopologies") Topology t) {
        HopDistances d = TopologyGraph.hopDistances(t);
        for (List<String> component : TopologyGraph.components(t)) {
            for (String a : component) {
                for (String b : d.names()) {
                    assertThat(d.between(a, b) != HopDistances.UNREACHABLE).isEqualTo(component.contains(b));
                }
            }
        }
    }

    @Property(tries = 100)
    void gridHopDistanceIsManhattanDistance(@ForAll @IntRange(min = 1, max = 8) int rows,
            @ForAll @IntRange(min = 2, max = 8) int cols) {
        Topology grid = new GridGenerator(rows, cols, false, false, false).generate()
                .toTopology("g", NodeDefaults.BUILT_IN, LinkProps.NONE);
        HopDistances d = TopologyGraph.hopDistances(grid);
        for (String a : d.names()) {
            for (String b : d.names()) {
                Position pa = grid.layout().get(a), pb = grid.layout().get(b);
                assertThat(d.between(a, b)).isEqualTo((int) (Math.abs(pa.x() - pb.x()) + Math.abs(pa.y() - pb.y())));
            }
        }
    }

    @Property(tries = 50)
    void unitDiskEdgesNeverExceedTheRange(@ForAll @IntRange(min = 2, max = 40) int n,
            @ForAll @DoubleRange(min = 1, max = 60) double range, @ForAll long seed) {
        GeneratedGraph g = new UnitDiskGenerator(n, 100, 100, range, seed).generate();
        for (GeneratedGraph.Edge e : g.edges()) {
            Position a = g.layout().get(e.a()), b = g.layout().get(e.b());
            assertThat(Math.hypot(a.x() - b.x(), a.y() - b.y())).isLessThanOrEqualTo(range);
        }
    }

    @Provide
    Arbitrary<Topology> randomTopologies() {
        Arbitrary<Integer> nodes = Arbitraries.integers().between(2, 25);
        Arbitrary<Double> p = Arbitraries.doubles().between(0, 1);
        Arbitrary<Long> seeds = Arbitraries.longs();
        return Combinators.combine(nodes, p, seeds).as((n, prob, seed) -> {
            GeneratedGraph g = new ErdosRenyiGenerator(n, prob, seed).generate();
            Random random = new Random(seed);
            List<Link> links = new ArrayList<>();
            for (GeneratedGraph.Edge e : g.edges()) {
                LinkProps both = randomProps(random);
                links.add(random.nextBoolean()
                        ? new Link(e.a(), e.b(), both, both)
                        : new Link(e.a(), e.b(), both, randomProps(random)));
            }
            Topology base = g.toTopology("prop-" + n, NodeDefaults.BUILT_IN, LinkProps.NONE);
            return new Topology(base.name(), base.nodes(), links, List.of(), base.layout());
        });
    }

    /** Values that the file format can express exactly (loss to 1/1000 %, whole bits, whole microseconds). */
    private static LinkProps randomProps(Random r) {
        return new LinkProps(
                r.nextBoolean() ? r.nextInt(100_001) / 1000.0 : null,
                r.nextBoolean() ? 1 + (long) r.nextInt(Integer.MAX_VALUE) * (r.nextBoolean() ? 1000 : 1) : null,
                r.nextBoolean() ? Duration.ofNanos(r.nextInt(5_000_000) * 1000L) : null,
                r.nextBoolean() ? Duration.ofNanos(r.nextInt(1000) * 1000L) : null);
    }
}
