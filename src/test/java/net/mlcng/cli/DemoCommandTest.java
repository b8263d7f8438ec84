package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {
    @Test
    void aBadRepeatIsAUsageErrorBeforeTheHostIsTouched() {
        CliRunner.Outcome o = CliRunner.run("demo", "--repeat", "0");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("--repeat must be from 1");
        assertThat(o.out()).doesNotContain("host:");
    }
}
