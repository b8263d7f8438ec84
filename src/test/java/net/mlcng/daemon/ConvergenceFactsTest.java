package net.mlcng.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvergenceFactsTest {
    private final DaemonView view = new DaemonView(List.of("b1", "b2"), List.of("b2"), 2);

    @Test
    void routeToEveryOtherAddress() {
        var facts = ConvergenceFacts.of("b3", List.of(
                new Route("fd70::1/128", "fe80::1", "w2", 2),
                new Route("fd70::2/128", "fe80::1", "w2", 1),
                new Route("fd70::/16", null, "w2", null)), view, List.of("fd70::1", "fd70::2"));
        assertThat(facts.routesToAll()).isTrue();
        assertThat(facts.hopsByAddress()).containsEntry("fd70::1", 2).containsEntry("fd70::2", 1);
        assertThat(facts.knownNodes()).isEqualTo(2);
        assertThat(facts.resolvedNodes()).isEqualTo(2);
    }

    @Test
    void hopCountsComparedWithTheTopology() {
        var facts = ConvergenceFacts.of("b3", List.of(
                new Route("fd70::1/128", "fe80::1", "w2", 3),
                new Route("fd70::2/128", "fe80::1", "w2", 1),
                new Route("fd70::4/128", "fe80::4", "e4", null)), view, List.of("fd70::1", "fd70::2", "fd70::4", "fd70::5"));
        assertThat(facts.hopMismatches(Map.of("fd70::1", 2, "fd70::2", 1, "fd70::4", 1, "fd70::5", 2))).containsExactlyInAnyOrder(
                new ConvergenceFacts.HopMismatch("fd70::1", 2, 3),
                new ConvergenceFacts.HopMismatch("fd70::4", 1, null));
        assertThat(facts.missing()).containsExactly("fd70::5");
    }

    @Test
    void aCoveringPrefixIsNotARouteToTheNode() {
        var facts = ConvergenceFacts.of("b3", List.of(new Route("fd70::/16", null, "w2", null)), view, List.of("fd70::1"));
        assertThat(facts.routesToAll()).isFalse();
        assertThat(facts.missing()).containsExactly("fd70::1");
    }

    @Test
    void unknownHopCountsStayUnknown() {
        var facts = ConvergenceFacts.of("n1", List.of(new Route("fd00::9/128", "fe80::9", "en2", null)),
                new DaemonView(List.of(), List.of()), List.of("fd00::9"));
        assertThat(facts.routesToAll()).isTrue();
        assertThat(facts.hopsByAddress()).containsEntry("fd00::9", null);
        assertThat(facts.resolvedNodes()).isNull();
    }
}
