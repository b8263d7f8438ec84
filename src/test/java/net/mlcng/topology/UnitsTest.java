package net.mlcng.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void lossIsPercentWithOrWithoutTheSign() {
        assertThat(Units.parseLoss("10%")).isEqualTo(10.0);
        assertThat(Units.parseLoss("0.5")).isEqualTo(0.5);
        assertThat(Units.parseLoss("100")).isEqualTo(100.0);
        assertThat(Units.parseLoss("-3%")).isEqualTo(-3.0);
        assertThat(Units.parseLoss("10 %")).isNull();
        assertThat(Units.parseLoss("10pct")).isNull();
        assertThat(Units.parseLoss("")).isNull();
    }

    @Test
    void ratesUseSiFactors() {
        assertThat(Units.parseRate("100bit")).isEqualTo(100L);
        assertThat(Units.parseRate("500kbit")).isEqualTo(500_000L);
        assertThat(Units.parseRate("10mbit")).isEqualTo(10_000_000L);
        assertThat(Units.parseRate("10Mbit")).isEqualTo(10_000_000L);
        assertThat(Units.parseRate("1.5gbit")).isEqualTo(1_500_000_000L);
        assertThat(Units.parseRate("10MB")).isNull();
        assertThat(Units.parseRate("10")).isNull();
        assertThat(Units.parseRate("0mbit")).isNull();
        assertThat(Units.parseRate("0.5bit")).isNull();
        assertThat(Units.parseRate("99999999999999999999gbit")).isNull();
    }

    @Test
    void durationsHaveMicrosecondResolution() {
        assertThat(Units.parseDuration("5ms")).isEqualTo(Duration.ofMillis(5));
        assertThat(Units.parseDuration("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(Units.parseDuration("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Units.parseDuration("1.5ms")).isEqualTo(Duration.ofNanos(1_500_000));
        assertThat(Units.parseDuration("0.5us")).isNull();
        assertThat(Units.parseDuration("5")).isNull();
        assertThat(Units.parseDuration("1h")).isNull();
    }

    @Test
    void formattingPicksTheLargestExactUnitAndParsesBack() {
        assertThat(Units.formatRate(10_000_000)).isEqualTo("10mbit");
        assertThat(Units.formatRate(1_500_000)).isEqualTo("1500kbit");
        assertThat(Units.formatRate(123)).isEqualTo("123bit");
        assertThat(Units.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Units.formatDuration(Duration.ofNanos(250_000))).isEqualTo("250us");
        assertThat(Units.formatDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(Units.formatLoss(0.5)).isEqualTo("0.5%");
        assertThat(Units.formatLoss(10)).isEqualTo("10%");
        for (long r : new long[] {1, 999, 1000, 10_000_000, 1_234_567_000}) {
            assertThat(Units.parseRate(Units.formatRate(r))).isEqualTo(r);
        }
    }

    @Test
    void nameRulesSayWhichRuleIsBroken() {
        assertThat(Names.nodeNameProblem("n1")).isNull();
        assertThat(Names.nodeNameProblem("abcdefghijklmn")).isNull();
        assertThat(Names.nodeNameProblem("abcdefghijklmno")).contains("at most 14");
        assertThat(Names.nodeNameProblem("-a")).contains("must start with");
        assertThat(Names.nodeNameProblem("a.b")).contains("contains '.'");
        assertThat(Names.nodeNameProblem("")).contains("empty");
        assertThat(Names.topologyNameProblem("a-twenty-char-name-x")).isNull();
    }
}
