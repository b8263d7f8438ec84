package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.mlcng.error.UsageException;
import org.junit.jupiter.api.Test;

class NodeSelectorTest {
    static final List<String> NODES = List.of("n1", "n2", "n3", "n10", "gw");

    @Test
    void allNamesListsAndRangesCombineInLabOrder() {
        assertThat(NodeSelector.select("all", NODES)).isEqualTo(NODES);
        assertThat(NodeSelector.select("gw,n2", NODES)).containsExactly("n2", "gw");
        assertThat(NodeSelector.select("n1..n3", NODES)).containsExactly("n1", "n2", "n3");
        assertThat(NodeSelector.select("gw,n2..n3,n2", NODES)).containsExactly("n2", "n3", "gw");
    }

    @Test
    void unknownNodesAndBadRangesAreUsageErrors() {
        assertThatThrownBy(() -> NodeSelector.select("n4", NODES)).isInstanceOf(UsageException.class).hasMessageContaining("no node n4");
        assertThatThrownBy(() -> NodeSelector.select("n1..n5", NODES)).isInstanceOf(UsageException.class).hasMessageContaining("no node n4");
        assertThatThrownBy(() -> NodeSelector.select("n3..n1", NODES)).isInstanceOf(UsageException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> NodeSelector.select("n1..m3", NODES)).isInstanceOf(UsageException.class).hasMessageContaining("same prefix");
        assertThatThrownBy(() -> NodeSelector.select(",", NODES)).isInstanceOf(UsageException.class);
    }
}
