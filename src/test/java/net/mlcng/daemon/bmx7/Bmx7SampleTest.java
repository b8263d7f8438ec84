package net.mlcng.daemon.bmx7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Bmx7SampleTest {
    @Test
    void withdrawalAfterLinkDownIsSlow() {
        List<Bmx7Sample> series = Bmx7Sample.parseSeries(Bmx7Fixtures.read("b1_timeseries_after_link_b2b3_down.txt"));
        assertThat(series).hasSize(64);
        assertThat(series.get(0)).isEqualTo(new Bmx7Sample(0.1, new NodeCount(5, 5), 4));
        Bmx7Sample loss = Bmx7Sample.firstRouteLoss(series).orElseThrow();
        assertThat(loss).isEqualTo(new Bmx7Sample(71.4, new NodeCount(4, 5), 3));
        assertThat(series.get(series.size() - 1)).isEqualTo(new Bmx7Sample(74.9, new NodeCount(2, 5), 1));
    }

    @Test
    void formatRoundTrips() {
        Bmx7Sample s = new Bmx7Sample(71.4, new NodeCount(4, 5), 3);
        assertThat(s.format()).isEqualTo("71.4 nodes=4/5 rts70=3");
        assertThat(Bmx7Sample.parse(s.format())).isEqualTo(s);
    }

    @Test
    void noLossInASteadySeries() {
        assertThat(Bmx7Sample.firstRouteLoss(Bmx7Sample.parseSeries("0.1 nodes=5/5 rts70=4\n1.2 nodes=5/5 rts70=4\n"))).isEmpty();
        assertThat(Bmx7Sample.firstRouteLoss(List.of())).isEmpty();
        assertThatThrownBy(() -> Bmx7Sample.parse("0.1 nodes=5 rts70=4")).hasMessageContaining("not a bmx7 sample line");
    }
}
