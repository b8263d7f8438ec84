package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    @Test
    void unknownVerbIsAUsageErrorWithoutStackTrace() {
        CliRunner.Outcome o = CliRunner.run("xyzzy");
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

    /** picocli formats descriptions: a lone '%' (as in "30% loss") breaks the text and warns on stderr. */
    @Test
    void everyVerbsHelpRendersWithoutFormatWarnings() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        List<String> rendered = new ArrayList<>();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            renderAll(Main.commandLine(), rendered);
        } finally {
            System.setErr(stderr);
        }
        assertThat(rendered).contains("mlc-ng link", "mlc-ng host setup", "mlc-ng generate grid");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    private static void renderAll(CommandLine cli, List<String> rendered) {
        cli.getUsageMessage();
        rendered.add(cli.getCommandSpec().qualifiedName());
        cli.getSubcommands().values().forEach(sub -> renderAll(sub, rendered));
    }
}
