package net.mlcng.scenario.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvergenceTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Map<String, String> ADDR = Map.of("a", "10.0.0.1", "b", "10.0.0.2", "c", "10.0.0.3");

    static RouteEvent add(String node, double s, String dst) {
        return new RouteEvent(node, T0.plusMillis((long) (s * 1000)), false, dst, "main", "babel", "unicast");
    }

    static RouteEvent del(String node, double s, String dst) {
        return new RouteEvent(node, T0.plusMillis((long) (s * 1000)), true, dst, "main", "babel", "unicast");
    }

    @Test
    void perNodeAndGlobalTimeToFullTable() {
        var events = Map.of(
                "a", List.of(add("a", 1.0, "10.0.0.2"), add("a", 2.5, "10.0.0.3")),
                "b", List.of(add("b", 0.7, "10.0.0.0/24")), // one covering prefix is enough
                "c", List.of(add("c", 1.2, "10.0.0.1/32"), add("c", 3.1, "10.0.0.2/32")));
        Convergence c = Convergence.compute(events, new java.util.TreeMap<>(ADDR), T0);
        assertThat(c.perNode()).containsEntry("a", Duration.ofMillis(2500)).containsEntry("b", Duration.ofMillis(700))
                .containsEntry("c", Duration.ofMillis(3100));
        assertThat(c.global()).isEqualTo(Duration.ofMillis(3100));
        assertThat(c.timeline()).extracting(Convergence.TimelinePoint::nodesFull).containsExactly(0, 1, 2, 3);
        assertThat(c.unconverged()).isEmpty();
    }

    @Test
    void aNodeMissingARouteNeverConverges() {
        var events = Map.of("a", List.of(add("a", 1, "10.0.0.2")), "b", List.of(add("b", 1, "10.0.0.1")), "c", List.<RouteEvent>of());
        Convergence c = Convergence.compute(events, Map.of("a", "10.0.0.1", "b", "10.0.0.2"), T0);
        assertThat(c.global()).isEqualTo(Duration.ofSeconds(1));
        Convergence three = Convergence.compute(events, ADDR, T0);
        assertThat(three.global()).isNull();
        assertThat(three.unconverged()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void measuredFromAnEventUsesTheStateBeforeIt() {
        // Full at 1 s; at 5 s a link fails, a's route to c goes away at 5.4 s and is back at 6.2 s.
        var events = Map.of(
                "a", List.of(add("a", 1, "10.0.0.2"), add("a", 1, "10.0.0.3"), del("a", 5.4, "10.0.0.3"), add("a", 6.2, "10.0.0.3")),
                "b", List.of(add("b", 1, "10.0.0.1"), add("b", 1, "10.0.0.3")),
                "c", List.of(add("c", 1, "10.0.0.1"), add("c", 1, "10.0.0.2")));
        Convergence c = Convergence.compute(events, ADDR, T0.plusSeconds(5));
        assertThat(c.perNode()).containsEntry("a", Duration.ZERO).containsEntry("b", Duration.ZERO);
        assertThat(c.timeline()).extracting(Convergence.TimelinePoint::nodesFull).containsExactly(3, 2, 3);
        assertThat(c.timeline().get(2).seconds()).isEqualTo(1.2, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void connectedAndDefaultRoutesDoNotCount() {
        var events = Map.of(
                "a", List.of(new RouteEvent("a", T0.plusSeconds(1), false, "10.0.0.0/24", "main", "kernel", "unicast"),
                        add("a", 1, "default")),
                "b", List.of(add("b", 1, "10.0.0.1")));
        Convergence c = Convergence.compute(events, Map.of("a", "10.0.0.1", "b", "10.0.0.2"), T0);
        assertThat(c.perNode().get("a")).isNull();
    }

    @Test
    void replayingRecordedOutputFindsTheTableStates() {
        var events = RouteMonitorParser.parse("x", Fixtures.read("ip-ts-monitor-route.txt"), java.time.ZoneOffset.UTC);
        Instant first = events.get(0).at();
        // The recorded node learnt fd70::5 and fd70::6, then lost them.
        Convergence c = Convergence.compute(Map.of("x", events), Map.of("x", "fd70::1", "y", "fd70::5", "z", "fd70::6"), first);
        assertThat(c.perNode().get("x")).isEqualTo(Duration.between(first, Instant.parse("2026-11-25T03:04:32.853978Z")));
        Instant later = Instant.parse("2026-11-25T03:04:33Z");
        Withdrawal w = Withdrawal.compute(Map.of("x", events), "fd70::5", later);
        assertThat(w.global()).isEqualTo(Duration.ofNanos(168_399_000));
    }
}
