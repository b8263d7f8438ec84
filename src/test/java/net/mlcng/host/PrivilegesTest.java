package net.mlcng.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegesTest {
    @Test
    void rootWithFullCapabilities() {
        Privileges p = Privileges.parse(List.of("Name:\tjava", "Uid:\t0\t0\t0\t0", "CapEff:\t000001ffffffffff"));
        assertThat(p.isRoot()).isTrue();
        assertThat(p.hasNetAdmin()).isTrue();
    }

    @Test
    void effectiveUidIsTheSecondField() {
        Privileges p = Privileges.parse(List.of("Uid:\t0\t1000\t1000\t1000", "CapEff:\t0000000000000000"));
        assertThat(p.isRoot()).isFalse();
        assertThat(p.hasNetAdmin()).isFalse();
    }

    @Test
    void netAdminIsBitTwelve() {
        assertThat(Privileges.parse(List.of("Uid:\t1000\t1000\t1000\t1000", "CapEff:\t0000000000001000")).hasNetAdmin()).isTrue();
        assertThat(Privileges.parse(List.of("Uid:\t1000\t1000\t1000\t1000", "CapEff:\t0000000000000800")).hasNetAdmin()).isFalse();
    }
}
