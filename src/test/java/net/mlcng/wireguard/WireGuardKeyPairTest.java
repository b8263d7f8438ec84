package net.mlcng.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import net.mlcng.TestResources;
import net.mlcng.util.Processes;
import org.junit.jupiter.api.Test;

class WireGuardKeyPairTest {
    private static String resource(String name) {
        return TestResources.text("/fixtures/wireguard/" + name).strip();
    }

    /** The real cross-check: wg itself derives the same public key from our private key. */
    @Test
    void wgPubkeyAgreesWithTheJdk() {
        for (int i = 0; i < 5; i++) {
            WireGuardKeyPair pair = WireGuardKeyPair.generate();
            Processes.Result wg = Processes.run(List.of("wg", "pubkey"), pair.privateKey() + "\n", Duration.ofSeconds(10));
            assertThat(wg.exitCode()).as("wg pubkey: %s", wg.stderr()).isZero();
            assertThat(wg.stdout().strip()).isEqualTo(pair.publicKey());
            assertThat(WireGuardKeyPair.publicKeyOf(pair.privateKey())).isEqualTo(pair.publicKey());
        }
    }

    @Test
    void recordedWgGenkeyPair() {
        assertThat(WireGuardKeyPair.publicKeyOf(resource("a.key"))).isEqualTo(resource("a.pub"));
    }

    @Test
    void privateKeysAreClampedLikeWgGenkey() {
        byte[] k = Base64.getDecoder().decode(WireGuardKeyPair.generate().privateKey());
        assertThat(k).hasSize(32);
        assertThat(k[0] & 7).isZero();
        assertThat(k[31] & 0xC0).isEqualTo(0x40);
    }

    @Test
    void toStringHidesThePrivateKey() {
        WireGuardKeyPair pair = WireGuardKeyPair.generate();
        assertThat(pair.toString()).contains(pair.publicKey()).doesNotContain(pair.privateKey());
    }

    @Test
    void badKeysAreRejected() {
        assertThatThrownBy(() -> WireGuardKeyPair.publicKeyOf("abc")).hasMessageContaining("bytes, expected 32");
        assertThatThrownBy(() -> WireGuardKeyPair.requireKey("not base64!", "peer key")).hasMessageContaining("peer key is not base64");
    }
}
