package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.mlcng.topology.LinkProps;
import org.junit.jupiter.api.Test;

class LinkChangeTest {
    static final LinkProps SET = new LinkProps(30.0, 2_000_000L, Duration.ofMillis(5), Duration.ofMillis(1));

    @Test
    void unsetFieldsKeepTheCurrentValue() {
        assertThat(new LinkChange(10.0, null, null, null).applyTo(SET))
                .isEqualTo(new LinkProps(10.0, 2_000_000L, Duration.ofMillis(5), Duration.ofMillis(1)));
    }

    @Test
    void zeroRemovesAnImpairment() {
        assertThat(new LinkChange(0.0, 0L, Duration.ZERO, Duration.ZERO).applyTo(SET)).isEqualTo(LinkProps.NONE);
        assertThat(new LinkChange(0.0, null, null, null).applyTo(SET).lossPercent()).isNull();
    }

    @Test
    void emptyMeansNoChange() {
        assertThat(new LinkChange(null, null, null, null).isEmpty()).isTrue();
        assertThat(new LinkChange(0.0, null, null, null).isEmpty()).isFalse();
    }
}
