package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario files are read by the topology loader's YAML reader, so `run --check` refuses broken
 * ones with the same limits and located messages: exit 2, the file named, no stack trace.
 */
class MalformedScenarioFilesTest {
    @TempDir
    Path dir;

    private CliRunner.Outcome check(Path file) {
        return CliRunner.run("run", "--check", file.toString());
    }

    private static void assertRefused(CliRunner.Outcome o, String located, String message) {
        assertThat(o.exitCode()).as(o.out() + o.err()).isEqualTo(2);
        assertThat(o.err()).startsWith("error: ").contains(located, message);
        assertThat(o.err()).doesNotContain("\tat ").doesNotContain("internal error").doesNotContain("Exception");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void binaryGarbageIsNotUtf8Text() throws IOException {
        byte[] garbage = new byte[2048];
        new Random(7).nextBytes(garbage);
        Path f = dir.resolve("garbage.yaml");
        Files.write(f, garbage);
        assertRefused(check(f), f + ": ", "not UTF-8 text");
    }

    @Test
    void deepNestingStopsAtTheLimitWithItsLine() throws IOException {
        Path f = Files.writeString(dir.resolve("deep.yaml"),
                "topology: {generate: line, nodes: 2}\nsteps: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        assertRefused(check(f), f + ":2:", "nested deeper than 32 levels");
    }

    @Test
    void aliasIsRefusedAtItsPosition() throws IOException {
        Path f = Files.writeString(dir.resolve("alias.yaml"), """
                topology: {generate: line, nodes: 2}
                daemon: &d babeld
                steps:
                  - deploy
                  - *d
                  - destroy
                """, StandardCharsets.UTF_8);
        assertRefused(check(f), f + ":5:5", "YAML aliases (*d) are not supported");
    }
}
