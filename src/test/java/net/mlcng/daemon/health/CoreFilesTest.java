package net.mlcng.daemon.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoreFilesTest {
    private static final String DIR = "/var/lib/mlc-ng/daemon";

    @Test
    void plainCoreInTheWorkingDirectory() {
        // This machine: core_pattern "core", core_uses_pid 0.
        assertThat(CoreFiles.locate("core\n", false, DIR, 321, "bmx7", 11).glob()).isEqualTo(DIR + "/core");
        assertThat(CoreFiles.locate("core", true, DIR, 321, "bmx7", 11).glob()).isEqualTo(DIR + "/core.321");
    }

    @Test
    void patternFieldsAreExpandedOrWildcarded() {
        CoreFiles.Location l = CoreFiles.locate("/tmp/cores/core.%e.%p.%s.%t.%h", true, DIR, 321, "bmx7", 11);
        assertThat(l.glob()).isEqualTo("/tmp/cores/core.bmx7.321.11.*.*");
        assertThat(CoreFiles.locate("core-%%-%e", false, DIR, 9, "a-very-long-daemon-name", 6).glob())
                .isEqualTo(DIR + "/core-%-a-very-long-dae");
    }

    @Test
    void pipedCoresAreNotInTheNode() {
        CoreFiles.Location l = CoreFiles.locate("|/usr/lib/systemd/systemd-coredump %P %u %g %s %t %c %h", false, DIR, 1, "bmx7", 11);
        assertThat(l.capturable()).isFalse();
        assertThat(l.pipeProgram()).isEqualTo("/usr/lib/systemd/systemd-coredump");
        assertThatThrownBy(() -> l.findCommand(DIR + "/bmx7.pid")).hasMessageContaining("systemd-coredump on the host");
    }

    @Test
    void findCommandLetsTheShellExpandTheGlob() {
        assertThat(CoreFiles.locate("core.%t", false, DIR, 1, "bmx7", 11).findCommand(DIR + "/bmx7.pid"))
                .endsWith(DIR + "/core.*", DIR + "/bmx7.pid");
        assertThat(CoreFiles.capturedName("b3", "bmx7", 321)).isEqualTo("core.b3.bmx7.321");
    }
}
