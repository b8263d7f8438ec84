package net.mlcng.scenario.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void type7PercentilesMatchNumpy() {
        // numpy.percentile([1..10], 95) == 9.55; median 5.5
        List<Double> v = new ArrayList<>();
        for (int i = 10; i >= 1; i--) v.add((double) i);
        Summary s = Summary.of(v);
        assertThat(s.count()).isEqualTo(10);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(10);
        assertThat(s.median()).isCloseTo(5.5, within(1e-12));
        assertThat(s.p95()).isCloseTo(9.55, within(1e-12));
        assertThat(s.mean()).isCloseTo(5.5, within(1e-12));
    }

    @Test
    void oneValueIsEveryStatistic() {
        Summary s = Summary.of(List.of(2.5));
        assertThat(List.of(s.min(), s.median(), s.p95(), s.max())).containsOnly(2.5);
    }

    @Test
    void noValuesHaveNoSummary() {
        assertThat(Summary.of(List.of())).isNull();
    }

    @Property
    void statisticsAreOrdered(@ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = -1e6, max = 1e6) Double> values) {
        Summary s = Summary.of(values);
        assertThat(s.min()).isLessThanOrEqualTo(s.median());
        assertThat(s.median()).isLessThanOrEqualTo(s.p95());
        assertThat(s.p95()).isLessThanOrEqualTo(s.max());
        assertThat(s.min()).isEqualTo(Collections.min(values));
        assertThat(s.max()).isEqualTo(Collections.max(values));
    }
}
