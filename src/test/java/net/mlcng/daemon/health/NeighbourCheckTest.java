package net.mlcng.daemon.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.mlcng.daemon.DaemonView;
import org.junit.jupiter.api.Test;

class NeighbourCheckTest {
    @Test
    void aliveButAloneDespiteLinksIsIsolated() {
        NeighbourCheck c = NeighbourCheck.of("b3", new DaemonView(List.of(), List.of()), 2);
        assertThat(c.isolated()).isTrue();
        assertThat(c.describe()).isEqualTo("b3 is isolated: its daemon runs but sees none of its 2 neighbours");
    }

    @Test
    void aNodeWithoutLinksIsNotIsolated() {
        assertThat(NeighbourCheck.of("lone", new DaemonView(List.of(), List.of()), 0).isolated()).isFalse();
    }

    @Test
    void someNeighboursMissing() {
        NeighbourCheck c = NeighbourCheck.of("b3", new DaemonView(List.of("b2"), List.of("b2")), 2);
        assertThat(c.isolated()).isFalse();
        assertThat(c.partial()).isTrue();
        assertThat(c.describe()).isEqualTo("b3 sees 1 of 2 neighbours: b2");
        assertThat(NeighbourCheck.of("b3", new DaemonView(List.of(), List.of("b2", "b4")), 2).partial()).isFalse();
    }
}
