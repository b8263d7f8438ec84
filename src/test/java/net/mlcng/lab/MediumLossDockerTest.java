package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Three nodes on one medium (pairs r1-r2, r2-r3), no routing daemon: loss per pair and direction in the bridge. */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediumLossDockerTest {
    @RegisterExtension
    static final LabFixture labs = LabFixture.deploying("links-air", name -> TestTopologies.mediumLine(name, "air", 3, "none"));

    static final String LAB = labs.name();
    LinkControl control;
    Measure measure;

    @BeforeAll
    void linkControl() {
        control = new LinkControl(labs.engine());
        measure = new Measure(labs.engine(), LAB);
    }

    @Test
    void lossOnOnePairDirectionLeavesTheOtherPairAndTheReverseClean() {
        LinkRef r1r2 = control.resolve(LAB, "r1", "r2", "air");
        control.change(LAB, r1r2, true, false, new LinkChange(30.0, null, null, null));
        try {
            String r2 = measure.linkLocal("r2", "mair");

        Measure.PingResult lossy = measure.ping("r1", "mair", r2, 1000);
        Measure.PingResult otherPair = measure.ping("r3", "mair", r2, 1000);
        System.out.printf("[links] medium: 30%% loss r1->r2: round-trip loss %.1f%%; pair r3-r2 at the same time: %.1f%%%n",
                lossy.lossPercent(), otherPair.lossPercent());
        assertThat(lossy.lossPercent()).isBetween(24.0, 36.0);
        assertThat(otherPair.received()).as("r3-r2 is clean").isEqualTo(otherPair.transmitted());

        var status = control.show(LAB, r1r2);
        assertThat(status.directions().get(0).kernel()).isEqualTo("loss 300/1000");
        assertThat(status.directions().get(1).kernel()).startsWith("clean");
        assertThat(control.show(LAB, control.resolve(LAB, "r2", "r3", null)).directions())
                .allSatisfy(d -> assertThat(d.kernel()).startsWith("clean"));
        } finally {
            control.change(LAB, r1r2, true, true, new LinkChange(0.0, null, null, null));
        }
    }

    @Test
    void rateOnOnePairDirectionLimitsItAloneOnTheSharedPort() {
        LinkRef r1r2 = control.resolve(LAB, "r1", "r2", null);
        control.change(LAB, r1r2, true, false, new LinkChange(null, 2_000_000L, null, null));
        try {
            double limited = measure.iperf("r1", "mair", "r2", measure.linkLocal("r2", "mair"));
            // r3's frames to r2 leave through the same bridge port as r1's, outside r1's class.
            double other = measure.iperf("r3", "mair", "r2", measure.linkLocal("r2", "mair"));
            System.out.printf("[links] medium: rate 2mbit r1->r2: iperf3 %.3f Mbit/s; r3->r2 through the same port: %.1f Mbit/s%n",
                    limited / 1e6, other / 1e6);
            assertThat(limited / 1e6).isBetween(1.6, 2.2);
            assertThat(other / 1e6).isGreaterThan(20.0);
            assertThat(control.show(LAB, r1r2).directions().get(0).kernel()).contains("htb rate 2mbit on port");
        } finally {
            control.change(LAB, r1r2, true, true, new LinkChange(null, 0L, null, null));
        }
        assertThat(control.show(LAB, r1r2).directions().get(0).kernel()).startsWith("clean");
    }

    @Test
    void aPairSetDownIsSilentWhileTheOtherPairStillTalks() {
        LinkRef r2r3 = control.resolve(LAB, "r3", "r2", null);
        control.setDown(LAB, r2r3, true);
        try {
            String r2 = measure.linkLocal("r2", "mair");
            assertThat(measure.ping("r3", "mair", r2, 50).received()).isZero();
            assertThat(labs.inspector().inspect(LAB).labs().get(0).media().get(0).pairs()).contains("r2<->r3 (down)");
        } finally {
            control.setDown(LAB, r2r3, false);
        }
        assertThat(measure.ping("r3", "mair", measure.linkLocal("r2", "mair"), 50).received()).isEqualTo(50);
    }
}
