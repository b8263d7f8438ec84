package net.mlcng.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import net.mlcng.TestResources;
import net.mlcng.error.OperationFailedException;
import org.junit.jupiter.api.Test;

class WgDumpTest {
    private static String fixture(String name) {
        return TestResources.text("/fixtures/wireguard/" + name);
    }

    @Test
    void recordedDumpWithAnsweringAndSilentPeer() {
        WgDump dump = WgDump.parse(fixture("wg-show-dump-a.txt"));
        assertThat(dump.publicKey()).isEqualTo("v4/wtzQ97VhP41F+4iQQqxK5XATVlHe+3XoQ/TXe7xY=");
        assertThat(dump.listenPort()).isEqualTo(51820);
        assertThat(dump.toString()).doesNotContain("0F8sZc1WK97DIxPiU+CvvIOX1C/rA9ne7tzTTEtPkVk=");

        WgDump.Peer b = dump.peer("LYy9Hkp8qPULqZMdxYsqZZ65QdoFikRUlzINZGw3dmI=");
        assertThat(b.endpoint()).isEqualTo("[fd70::b]:51821");
        assertThat(b.allowedIps()).containsExactly("fdaa::2/128");
        assertThat(b.latestHandshake()).isEqualTo(Instant.ofEpochSecond(1795576514));
        assertThat(b.handshakeAge(Instant.ofEpochSecond(1795576517))).isEqualTo(Duration.ofSeconds(3));
        assertThat(b.rxBytes()).isEqualTo(524);
        assertThat(b.txBytes()).isEqualTo(616);
        assertThat(b.keepaliveSeconds()).isEqualTo(25);

        WgDump.Peer silent = dump.peer("ZuNB4AEcdCPeitSg4YJCQKLLtUwg/el0Iv87R97CxVU=");
        assertThat(silent.endpoint()).isNull();
        assertThat(silent.latestHandshake()).isNull();
        assertThat(silent.handshakeAge(Instant.now())).isNull();
        assertThat(silent.allowedIps()).containsExactly("fdaa::3/128", "10.99.0.0/24");
        assertThat(silent.keepaliveSeconds()).isNull();
    }

    @Test
    void otherSideSeesTheSameHandshake() {
        WgDump dump = WgDump.parse(fixture("wg-show-dump-b.txt"));
        assertThat(dump.listenPort()).isEqualTo(51821);
        assertThat(dump.peers()).singleElement().satisfies(p -> {
            assertThat(p.latestHandshake()).isEqualTo(Instant.ofEpochSecond(1795576514));
            assertThat(p.rxBytes()).isEqualTo(468);
        });
    }

    @Test
    void malformedDumps() {
        assertThatThrownBy(() -> WgDump.parse("")).isInstanceOf(OperationFailedException.class);
        assertThatThrownBy(() -> WgDump.parse("priv\tpub\t51820\toff\nkey\t(none)\n")).hasMessageContaining("line 2 has 2 fields");
        assertThatThrownBy(() -> WgDump.parse("priv\tpub\tport\toff\n")).hasMessageContaining("'port' is not a number");
    }
}
