package net.mlcng.daemon.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessEndTest {
    private static final Instant AT = Instant.ofEpochSecond(1764040000);

    @Test
    void shellStatusAbove128IsASignal() {
        assertThat(ProcessEnd.parseRecord("139 1764040000")).isEqualTo(new ProcessEnd(null, "SIGSEGV", AT));
        assertThat(ProcessEnd.parseRecord("134 1764040000").signal()).isEqualTo("SIGABRT");
        assertThat(ProcessEnd.parseRecord("143 1764040000").signal()).isEqualTo("SIGTERM");
        assertThat(ProcessEnd.parseRecord("137 1764040000").signal()).isEqualTo("SIGKILL");
        assertThat(ProcessEnd.fromShellStatus(128 + 34, AT).signal()).isEqualTo("SIG34");
    }

    @Test
    void plainExitCodes() {
        assertThat(ProcessEnd.parseRecord("0 1764040000")).isEqualTo(new ProcessEnd(0, null, AT));
        assertThat(ProcessEnd.parseRecord("1 1764040000").exitCode()).isEqualTo(1);
        assertThat(ProcessEnd.parseRecord("128 1764040000").exitCode()).isEqualTo(128);
        assertThat(ProcessEnd.fromShellStatus(255, AT).exitCode()).as("beyond the signal range").isEqualTo(255);
    }

    @Test
    void crashesAreTellingSignalsOnly() {
        assertThat(ProcessEnd.parseRecord("139 1764040000").crashed()).isTrue();
        assertThat(ProcessEnd.parseRecord("134 1764040000").crashed()).isTrue();
        assertThat(ProcessEnd.parseRecord("143 1764040000").crashed()).isFalse();
        assertThat(ProcessEnd.parseRecord("1 1764040000").crashed()).isFalse();
    }

    @Test
    void describe() {
        assertThat(ProcessEnd.parseRecord("139 1764040000").describe()).isEqualTo("killed by SIGSEGV at 2025-11-25T03:06:40Z");
        assertThat(ProcessEnd.parseRecord("3 1764040000").describe()).startsWith("exited with status 3");
    }

    @Test
    void malformedRecords() {
        assertThatThrownBy(() -> ProcessEnd.parseRecord("segv")).hasMessageContaining("is not '<status> <epoch seconds>'");
        assertThatThrownBy(() -> new ProcessEnd(1, "SIGSEGV", AT)).isInstanceOf(IllegalArgumentException.class);
    }
}
