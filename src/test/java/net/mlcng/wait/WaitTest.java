package net.mlcng.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitTest {
    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger looks = new AtomicInteger();
        Wait.until(Condition.of("three looks", () -> looks.incrementAndGet() >= 3), Duration.ofSeconds(10), Duration.ofMillis(1));
        assertThat(looks.get()).isEqualTo(3);
    }

    @Test
    void timeoutSaysWhatWasStillMissing() {
        Condition never = Condition.allOf(List.of(Condition.of("a", () -> true), Condition.of("b is up", () -> false),
                () -> Condition.Status.notYet("c has 2/3 routes")));
        assertThatThrownBy(() -> Wait.until(never, Duration.ZERO, Duration.ofMillis(1)))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("b is up; c has 2/3 routes")
                .hasMessageNotContaining("a;");
    }

    @Test
    void andNeedsBoth() {
        assertThat(Condition.of("x", () -> true).and(Condition.of("y", () -> false)).check().satisfied()).isFalse();
        assertThat(Condition.of("x", () -> true).and(Condition.of("y", () -> true)).check().satisfied()).isTrue();
    }
}
