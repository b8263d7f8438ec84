package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LinkSchedulesTest {
    static final LinkRef AB = new LinkRef(null, "a", "b");
    static final LinkRef BC = new LinkRef(null, "b", "c");
    static final LinkRef AIR = new LinkRef("air", "r1", "r2");

    @Test
    void flapAlternatesDownAndUpAndEndsUp() {
        List<LinkEvent> events = LinkSchedules.flap(AB, Duration.ofSeconds(2), Duration.ofSeconds(3), 2);
        assertThat(events).containsExactly(
                LinkEvent.down(Duration.ZERO, AB), LinkEvent.up(Duration.ofSeconds(2), AB),
                LinkEvent.down(Duration.ofSeconds(5), AB), LinkEvent.up(Duration.ofSeconds(7), AB));
    }

    @Test
    void flapCyclesFitTheDuration() {
        assertThat(LinkSchedules.cyclesIn(Duration.ofSeconds(20), Duration.ofSeconds(2))).isEqualTo(5);
        assertThat(LinkSchedules.cyclesIn(Duration.ofSeconds(1), Duration.ofSeconds(2))).isEqualTo(1);
    }

    @Test
    void lossSequenceHoldsEachLevelOneStepAndRepeats() {
        List<LinkEvent> events = LinkSchedules.lossSequence(AB, true, false, List.of(0.0, 10.0, 30.0), Duration.ofSeconds(5), 2);
        assertThat(events).extracting(LinkEvent::at).containsExactly(
                Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(25));
        assertThat(events).extracting(LinkEvent::lossPercent).containsExactly(0.0, 10.0, 30.0, 0.0, 10.0, 30.0);
        assertThat(events).allSatisfy(e -> assertThat(e.aToB() && !e.bToA()).isTrue());
        assertThat(events.get(2).describe()).isEqualTo("a-b loss 30% a->b");
    }

    @Test
    void badSchedulesAreRefused() {
        assertThatThrownBy(() -> LinkSchedules.flap(AB, Duration.ZERO, Duration.ofSeconds(1), 1)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> LinkSchedules.flap(AB, Duration.ofSeconds(1), Duration.ofSeconds(1), 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> LinkSchedules.lossSequence(AB, true, true, List.of(120.0), Duration.ofSeconds(1), 1))
                .hasMessageContaining("outside 0..100");
        assertThatThrownBy(() -> new ChaosPlan(List.of(), 1, 1, Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("no links");
        assertThatThrownBy(() -> new ChaosPlan(List.of(AB), 1, 0, Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("fail rate");
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        List<LinkRef> links = List.of(AB, BC, AIR);
        List<LinkEvent> one = new ChaosPlan(links, 7, 30, Duration.ofSeconds(3), Duration.ofSeconds(60)).events();
        assertThat(new ChaosPlan(links, 7, 30, Duration.ofSeconds(3), Duration.ofSeconds(60)).events()).isEqualTo(one);
        assertThat(new ChaosPlan(links, 8, 30, Duration.ofSeconds(3), Duration.ofSeconds(60)).events()).isNotEqualTo(one);
        assertThat(one).isNotEmpty();
    }

    @Property
    void chaosNeverFailsADownLinkAndLeavesEveryLinkUpByTheEnd(@ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int perMinute,
                                                             @ForAll @LongRange(min = 100, max = 20_000) long downMillis) {
        Duration duration = Duration.ofSeconds(60);
        List<LinkEvent> events = new ChaosPlan(List.of(AB, BC, AIR), seed, perMinute, Duration.ofMillis(downMillis), duration).events();
        Map<LinkRef, Boolean> down = new HashMap<>();
        Duration last = Duration.ZERO;
        for (LinkEvent e : events) {
            assertThat(e.at()).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(duration);
            last = e.at();
            boolean wasDown = down.getOrDefault(e.link(), false);
            if (e.kind() == LinkEvent.Kind.DOWN) assertThat(wasDown).as("failed while down: " + e).isFalse();
            // An up and the next down of the same link may share an instant; the up sorts first only by list order.
            down.put(e.link(), e.kind() == LinkEvent.Kind.DOWN);
        }
        assertThat(down.values()).doesNotContain(true);
    }
}
