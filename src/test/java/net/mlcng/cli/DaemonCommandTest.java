package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DaemonCommandTest {
    @Test
    void anUnknownActionIsAUsageErrorNamingTheChoices() {
        CliRunner.Outcome o = CliRunner.run("daemon", "hl-none", "n1", "frob");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("unknown daemon action 'frob'").contains("status, start, stop or restart");
    }
}
