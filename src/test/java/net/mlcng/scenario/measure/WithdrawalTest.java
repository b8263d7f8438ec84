package net.mlcng.scenario.measure;

import static net.mlcng.scenario.measure.ConvergenceTest.T0;
import static net.mlcng.scenario.measure.ConvergenceTest.add;
import static net.mlcng.scenario.measure.ConvergenceTest.del;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WithdrawalTest {
    @Test
    void timeUntilTheGoneNodesRouteIsDeletedEverywhere() {
        var events = Map.of(
                "a", List.of(add("a", 1, "10.0.0.3"), del("a", 12.5, "10.0.0.3")),
                "b", List.of(add("b", 1, "10.0.0.3"), del("b", 14, "10.0.0.3")),
                "d", List.<RouteEvent>of());
        Withdrawal w = Withdrawal.compute(events, "10.0.0.3", T0.plusSeconds(10));
        assertThat(w.perNode()).containsEntry("a", Duration.ofMillis(2500)).containsEntry("b", Duration.ofSeconds(4))
                .containsEntry("d", Duration.ZERO);
        assertThat(w.global()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aRouteThatStaysIsNotWithdrawn() {
        Withdrawal w = Withdrawal.compute(Map.of("a", List.of(add("a", 1, "10.0.0.3"))), "10.0.0.3", T0.plusSeconds(2));
        assertThat(w.perNode().get("a")).isNull();
        assertThat(w.global()).isNull();
    }
}
