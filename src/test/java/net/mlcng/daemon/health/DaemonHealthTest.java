package net.mlcng.daemon.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonHealthTest {
    private static final Instant AT = Instant.parse("2026-11-25T04:00:00Z");

    @Test
    void summarySaysRunningIsolatedOrHowItEnded() {
        assertThat(running(false).summary()).isEqualTo("running");
        assertThat(running(true).summary()).isEqualTo("ISOLATED");
        assertThat(ended(new ProcessEnd(null, "SIGSEGV", AT)).summary()).isEqualTo("SIGSEGV at 2026-11-25T04:00:00Z");
        assertThat(ended(new ProcessEnd(1, null, AT)).summary()).isEqualTo("exit 1 at 2026-11-25T04:00:00Z");
        assertThat(ended(null).summary()).isEqualTo("gone (no exit recorded)");
        assertThat(new DaemonHealth("babeld", false, null, null, null, null, null, null, null, null).summary()).isEqualTo("not started");
    }

    private static DaemonHealth running(boolean isolated) {
        return new DaemonHealth("babeld", true, 7, null, isolated, null, null, null, null, null);
    }

    private static DaemonHealth ended(ProcessEnd end) {
        return new DaemonHealth("babeld", false, 7, end, null, null, null, null, List.of("last"), null);
    }
}
