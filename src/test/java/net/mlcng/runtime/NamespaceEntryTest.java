package net.mlcng.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceEntryTest {
    @Test
    void theBoundingSetIsTheContainersCapabilitiesInSetprivsWords() {
        NamespaceEntry entry = new NamespaceEntry("abc", 42, List.of("NET_ADMIN", "NET_RAW", "SYS_PTRACE"), List.of());
        assertThat(entry.boundingSet()).isEqualTo("-all,+net_admin,+net_raw,+sys_ptrace");
        assertThat(new NamespaceEntry("abc", 42, List.of(), List.of()).boundingSet()).isEqualTo("-all");
    }

    @Test
    void anInitThatIsGoneIsNotCurrent() {
        assertThat(new NamespaceEntry("abc", Integer.MAX_VALUE, List.of(), List.of()).current()).isFalse();
    }
}
