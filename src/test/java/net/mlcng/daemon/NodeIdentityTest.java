package net.mlcng.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import net.mlcng.error.OperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {
    private static final String KEY = "/etc/bmx7/rsa.der";

    @TempDir
    Path labs;

    @Test
    void keptPerLabAndNode() {
        assertThat(NodeIdentity.dir(labs, "grid", "n11")).isEqualTo(labs.resolve("grid/keys/n11"));
    }

    @Test
    void nothingKeptNothingRestored() {
        FakeNode node = new FakeNode("n11");
        assertThat(NodeIdentity.restore(node, NodeIdentity.dir(labs, "grid", "n11"), KEY)).isFalse();
        assertThat(node.commands()).isEmpty();
    }

    @Test
    void aKeptIdentityIsNeverReplaced() throws Exception {
        Path dir = NodeIdentity.dir(labs, "grid", "n11");
        FakeNode first = new FakeNode("n11");
        first.files().put(KEY, new byte[] {1});
        assertThat(NodeIdentity.keep(first, dir, KEY)).isTrue();
        FakeNode second = new FakeNode("n11");
        second.files().put(KEY, new byte[] {2});
        assertThat(NodeIdentity.keep(second, dir, KEY)).isFalse();
        assertThat(Files.readAllBytes(dir.resolve("rsa.der"))).containsExactly(1);
        assertThat(NodeIdentity.restore(second, dir, KEY)).isTrue();
        assertThat(second.files().get(KEY)).containsExactly(1);
    }

    @Test
    void keepingWithoutAKeyFails() {
        assertThatThrownBy(() -> NodeIdentity.keep(new FakeNode("n11"), labs.resolve("x"), KEY))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("has no /etc/bmx7/rsa.der");
    }
}
