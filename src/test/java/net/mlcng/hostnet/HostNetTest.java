package net.mlcng.hostnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostNetTest {
    @Test
    void linkLocalAddressesAreTheKernelsEui64OfTheMac() {
        // Seen in a node: the kernel made fe80::82:46ff:fef7:19d2 for a veth with MAC 02:82:46:f7:19:d2.
        assertThat(HostNet.linkLocal("02:82:46:f7:19:d2")).isEqualTo("fe80::82:46ff:fef7:19d2");
        // The universal/local bit flips both ways.
        assertThat(HostNet.linkLocal("00:00:00:00:00:01")).isEqualTo("fe80::200:ff:fe00:1");
        assertThatThrownBy(() -> HostNet.linkLocal("02:82:46")).isInstanceOf(IllegalArgumentException.class);
    }
}
