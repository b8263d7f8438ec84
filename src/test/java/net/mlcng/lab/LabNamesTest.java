package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;

class LabNamesTest {
    @Property
    void hostInterfaceNamesFitTheKernelLimitAndCarryTheLabPrefix(
            @ForAll @StringLength(min = 1, max = 20) @CharRange(from = 'a', to = 'z') @Chars({'-', '0', '9'}) String lab,
            @ForAll @StringLength(min = 1, max = 14) @CharRange(from = 'a', to = 'z') String node) {
        LabNames names = new LabNames(lab);
        assertThat(names.bridge(node)).hasSizeLessThanOrEqualTo(15).startsWith(names.hostPrefix());
        assertThat(names.bridgePort(node, node)).hasSizeLessThanOrEqualTo(15).startsWith(names.hostPrefix());
        assertThat(LabNames.linkInterface(node)).hasSizeLessThanOrEqualTo(15);
    }

    @Property
    void loopbackAddressIsAUlaInTheLabPrefixAndPrintedAsIpPrintsIt(
            @ForAll @StringLength(min = 1, max = 20) @CharRange(from = 'a', to = 'z') String lab,
            @ForAll @StringLength(min = 1, max = 14) @CharRange(from = 'a', to = 'z') String node) throws Exception {
        LabNames names = new LabNames(lab);
        String a = names.loopbackAddress(node);
        assertThat(a).startsWith("fd");
        InetAddress parsed = InetAddress.getByName(a);
        InetAddress prefix = InetAddress.getByName(names.ulaPrefix().replace("/48", ""));
        for (int i = 0; i < 6; i++) assertThat(parsed.getAddress()[i]).isEqualTo(prefix.getAddress()[i]);
        assertThat(Ipv6.format(parsed.getAddress())).isEqualTo(a);
    }

    @Test
    void macsAreStableLocallyAdministeredAndDifferPerInterface() {
        LabNames names = new LabNames("lab");
        assertThat(names.mac("n1", "en2")).isEqualTo(new LabNames("lab").mac("n1", "en2")).startsWith("02:").matches("(?:[0-9a-f]{2}:){5}[0-9a-f]{2}");
        assertThat(names.mac("n1", "en2")).isNotEqualTo(names.mac("n2", "en1")).isNotEqualTo(new LabNames("lab2").mac("n1", "en2"));
    }

    @Test
    void ipv6TextFollowsRfc5952() {
        byte[] a = new byte[16];
        a[0] = (byte) 0xfd;
        a[15] = 1;
        assertThat(Ipv6.format(a)).isEqualTo("fd00::1");
        byte[] b = new byte[16];
        // 2001:d:0:1:0:0:1:0 -> the longest zero run (two groups) is compressed, the single zero is not.
        b[0] = 0x20;
        b[1] = 0x01;
        b[3] = 0x0d;
        b[7] = 1;
        b[13] = 1;
        assertThat(Ipv6.format(b)).isEqualTo("2001:d:0:1::1:0");
        assertThat(Ipv6.format(new byte[16])).isEqualTo("::");
    }

    @Test
    void namespaceHandlesOfOneLabNeverMatchAnothersPrefix() {
        assertThat(new LabNames("a-b").netns("c")).doesNotStartWith(new LabNames("a").netnsPrefix());
        assertThat(new LabNames("a").nftTable()).isNotEqualTo(new LabNames("a-b").nftTable());
    }
}
