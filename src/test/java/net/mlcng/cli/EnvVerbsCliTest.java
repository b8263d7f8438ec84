package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usage errors of the image, host and doctor verbs: exit 2, a usage line, no stack trace. */
class EnvVerbsCliTest {
    @Test
    void imageWithoutSubcommandIsAUsageError() {
        CliRunner.Outcome o = CliRunner.run("image");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("Missing subcommand").contains("Usage: mlc-ng image");
    }

    @Test
    void hostWithoutSubcommandIsAUsageError() {
        CliRunner.Outcome o = CliRunner.run("host");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("Usage: mlc-ng host");
    }

    @Test
    void bmx7PathThatDoesNotExistIsAUsageErrorBeforeAnyBuild() {
        CliRunner.Outcome o = CliRunner.run("image", "build", "--bmx7", "/nonexistent/bmx7-dir");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("--bmx7 /nonexistent/bmx7-dir").contains("no such file or directory");
        assertThat(o.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(o.out()).doesNotContain("Step ");
    }

    @Test
    void doctorRejectsAnUnknownFormat() {
        CliRunner.Outcome o = CliRunner.run("doctor", "--format", "xml");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("--format").contains("table, json");
    }

    @Test
    void helpListsTheEnvironmentVerbs() {
        CliRunner.Outcome o = CliRunner.run("--help");
        assertThat(o.out()).contains("host").contains("doctor").contains("image");
    }
}
