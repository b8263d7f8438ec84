package net.mlcng.hostnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import net.mlcng.error.EnvironmentException;
import net.mlcng.topology.LinkProps;
import org.junit.jupiter.api.Test;

class KernelLinkShaperTest {
    static final KernelFacts.Feature NO = KernelFacts.Feature.no("tc qdisc netem: Error: Specified qdisc kind is unknown.");
    static final KernelFacts.Feature YES = KernelFacts.Feature.yes("works");

    static KernelFacts facts(KernelFacts.Feature netem) {
        return new KernelFacts(YES, YES, YES, YES, YES, YES, YES, netem, NO, YES);
    }

    @Test
    void lossAndDownBecomeOneEgressChainPerInterfaceInOneReplacedTable() {
        String rules = KernelLinkShaper.egressTable(List.of(
                new EgressShaping("en-2", new LinkProps(30.0, null, null, null), false),
                new EgressShaping("eb", LinkProps.NONE, true),
                new EgressShaping("ec", new LinkProps(null, 1_000_000L, null, null), false)));
        assertThat(rules).startsWith("table netdev mlcng_links {}\ndelete table netdev mlcng_links\n");
        assertThat(rules).contains("chain out_en_2 {\n    type filter hook egress device \"en-2\" priority 0; policy accept;\n"
                + "    numgen random mod 1000 < 300 counter drop\n");
        assertThat(rules).contains("chain out_eb {\n    type filter hook egress device \"eb\" priority 0; policy accept;\n    counter drop\n");
        assertThat(rules).as("a rate alone needs no nft chain").doesNotContain("out_ec");
    }

    @Test
    void nothingToDropClearsTheTable() {
        assertThat(KernelLinkShaper.egressTable(List.of())).isEqualTo("table netdev mlcng_links {}\ndelete table netdev mlcng_links\n");
    }

    @Test
    void delayIsRefusedWithExit3WhenNetemIsMissingAndTheProbeIsOnlyAskedThen() {
        int[] probes = {0};
        KernelLinkShaper shaper = new KernelLinkShaper(null, () -> {
            probes[0]++;
            return facts(NO);
        });
        shaper.check(List.of(new LinkProps(50.0, 1_000L, null, null)));
        assertThat(probes[0]).as("no delay asked, no probe").isZero();
        assertThatThrownBy(() -> shaper.check(List.of(new LinkProps(null, null, null, Duration.ofMillis(3)))))
                .isInstanceOfSatisfying(EnvironmentException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("sch_netem").contains("CONFIG_NET_SCH_NETEM").contains("nothing was created or changed");
                    assertThat(e.fix()).contains("modprobe sch_netem");
                });
        new KernelLinkShaper(null, () -> facts(YES)).check(List.of(new LinkProps(null, null, Duration.ofMillis(3), null)));
    }

    @Test
    void lossRoundsToPerMille() {
        assertThat(KernelLinkShaper.lossPerMille(new LinkProps(0.05, null, null, null))).isEqualTo(1);
        assertThat(KernelLinkShaper.lossPerMille(new LinkProps(100.0, null, null, null))).isEqualTo(1000);
        assertThat(KernelLinkShaper.lossPerMille(LinkProps.NONE)).isZero();
    }
}
