package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void unknownVerbIsAUsageErrorWithoutStackTrace() {
        CliRunner.Outcome o = CliRunner.run("frobnicate");
        assertThat(o.exitCode()).isEqualTo(2);
        // With verbs registered, picocli suggests the nearest verb instead of printing the usage.
        assertThat(o.err()).contains("Unmatched argument").containsAnyOf("Usage: mlc-ng", "Did you mean");
        assertThat(o.err()).doesNotContain("\tat net.mlcng").doesNotContain("Exception");
    }

    @Test
    void badOptionIsAUsageError() {
        CliRunner.Outcome o = CliRunner.run("--no-such-option");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("Unknown option").contains("Usage: mlc-ng");
    }

    @Test
    void noVerbIsAUsageError() {
        CliRunner.Outcome o = CliRunner.run();
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("Missing verb");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliRunner.Outcome o = CliRunner.run("--version");
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).matches("mlc-ng \\d+\\.\\d+\\.\\d+.*\\R");
    }

    @Test
    void helpListsVerbs() {
        CliRunner.Outcome o = CliRunner.run("--help");
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("Commands:").contains("help");
    }
}
