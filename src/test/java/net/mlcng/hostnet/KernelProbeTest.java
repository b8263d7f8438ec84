package net.mlcng.hostnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.mlcng.util.Processes;
import org.junit.jupiter.api.Test;

class KernelProbeTest {
    @Test
    void probeLeavesNoNamespaceBehindAndExplainsEachFact() {
        KernelFacts facts = KernelProbe.probe();

        Processes.Result netns = Processes.run(List.of("ip", "netns", "list"), Duration.ofSeconds(10));
        assertThat(netns.stdout()).doesNotContain("mlcng-probe-");
        for (KernelFacts.Feature f : List.of(facts.veth(), facts.bridge(), facts.nftables(), facts.nftNetdevEgress(),
                facts.nftBridge(), facts.tbf(), facts.htb(), facts.netem(), facts.wireguard(), facts.tun())) {
            assertThat(f.detail()).isNotBlank();
        }
    }

    @Test
    void factsAreProbedOncePerJvm() {
        assertThat(KernelProbe.facts()).isSameAs(KernelProbe.facts());
    }
}
