package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * `validate` on 200 broken files (truncated, wrong types, unknown keys, binary garbage, a 50 MB
 * file, deep nesting, YAML oddities): always exit 2 with a message, never a stack trace, never a hang.
 */
class MalformedTopologyFilesTest {
    /** Hang detection only: each file takes milliseconds; a minute means something loops. */
    private static final Duration HANG = Duration.ofSeconds(60);

    private static final String VALID = """
            name: demo
            defaults: {daemon: babeld, rate: 10mbit}
            nodes:
              n1: {pos: [0, 0]}
              n2: {image: "x:1", env: {A: "1"}, daemon_args: [a]}
              n3:
            links:
              - {a: n1, b: n2, loss: 5%, delay: 2ms}
              - {a: n2, b: n3, a_to_b: {loss: 20%}, b_to_a: {rate: 1mbit}}
            media:
              - {name: air, members: [n1, n3], pairs: [{a: n1, b: n3, loss: 1%}]}
            """;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> everyMalformedFileExits2WithoutStackTrace() throws IOException {
        List<Path> files = new ArrayList<>();
        truncated(files);
        wrongTypes(files);
        unknownKeys(files);
        binaryGarbage(files);
        deepNesting(files);
        yamlOddities(files);
        files.add(fiftyMegabytes());
        assertThat(files).hasSize(200);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            CliRunner.Outcome o = assertTimeoutPreemptively(HANG, () -> CliRunner.run("validate", f.toString()));
            assertThat(o.exitCode()).as(o.out() + o.err()).isEqualTo(2);
            assertThat(o.err()).startsWith("error: ").contains(f.toString());
            assertThat(o.err()).doesNotContain("\tat ").doesNotContain("internal error").doesNotContain("Exception");
            assertThat(o.out()).isEmpty();
        }));
    }

    private static Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    /** 50 cuts inside a flow mapping: the file ends in the middle of a node or link. */
    private static void truncated(List<Path> files) throws IOException {
        List<Integer> cuts = new ArrayList<>();
        for (int i = VALID.indexOf('{'); i >= 0; i = VALID.indexOf('{', i + 1)) {
            int close = VALID.indexOf('}', i);
            for (int at = i + 1; at < close && cuts.size() < 50; at += 3) cuts.add(at);
        }
        for (int i = 0; i < 50; i++) files.add(write("truncated-" + i + ".yaml", VALID.substring(0, cuts.get(i))));
    }

    /** 40 values of the wrong type, each at a different place. */
    private static void wrongTypes(List<Path> files) throws IOException {
        String[][] swaps = {
            {"name: demo", "name: [demo]"}, {"name: demo", "name: {x: 1}"}, {"name: demo", "name:"},
            {"name: demo", "name: 12345678901234567890123"}, {"defaults: {daemon: babeld, rate: 10mbit}", "defaults: 5"},
            {"defaults: {daemon: babeld, rate: 10mbit}", "defaults: [babeld]"}, {"daemon: babeld", "daemon: [babeld]"},
            {"daemon: babeld", "daemon: {x: y}"}, {"rate: 10mbit}", "rate: 10}"}, {"rate: 10mbit}", "rate: true}"},
            {"rate: 10mbit}", "rate: [10mbit]}"}, {"rate: 10mbit}", "rate: -10mbit}"}, {"pos: [0, 0]", "pos: here"},
            {"pos: [0, 0]", "pos: [0]"}, {"pos: [0, 0]", "pos: [a, b]"}, {"image: \"x:1\"", "image: [x]"},
            {"env: {A: \"1\"}", "env: [A]"}, {"env: {A: \"1\"}", "env: {A: [1]}"}, {"env: {A: \"1\"}", "env: {1A: x}"},
            {"daemon_args: [a]", "daemon_args: a"}, {"daemon_args: [a]", "daemon_args: [[a]]"},
            {"links:\n", "links: 7\n"}, {"  - {a: n1, b: n2, loss: 5%, delay: 2ms}", "  - n1-n2"},
            {"loss: 5%", "loss: five"}, {"loss: 5%", "loss: 101"}, {"loss: 5%", "loss: [5]"}, {"loss: 5%", "loss: 5 %"},
            {"delay: 2ms", "delay: 2"}, {"delay: 2ms", "delay: 2 ms"}, {"delay: 2ms", "delay: 0.1us"},
            {"a_to_b: {loss: 20%}", "a_to_b: 20%"}, {"b_to_a: {rate: 1mbit}", "b_to_a: [1mbit]"},
            {"{a: n1, b: n2,", "{a: [n1], b: n2,"}, {"{a: n1, b: n2,", "{a: n1, b: {n: 2},"},
            {"media:\n", "media: air\n"}, {"members: [n1, n3]", "members: n1"}, {"members: [n1, n3]", "members: [n1, n9]"},
            {"pairs: [{a: n1, b: n3, loss: 1%}]", "pairs: {a: n1}"}, {"name: air", "name: [air]"},
            {"nodes:\n", "nodes: n1\n"},
        };
        for (int i = 0; i < swaps.length; i++) {
            assertThat(VALID).contains(swaps[i][0]);
            files.add(write("wrong-type-" + i + ".yaml", VALID.replaceFirst(Pattern.quote(swaps[i][0]), Matcher.quoteReplacement(swaps[i][1]))));
        }
    }

    /** 30 unknown keys at every level of the file. */
    private static void unknownKeys(List<Path> files) throws IOException {
        String[] anchors = {"name: demo", "daemon: babeld", "pos: [0, 0]", "image: \"x:1\"", "a: n1, b: n2, loss: 5%",
            "a_to_b: {loss: 20%", "b_to_a: {rate: 1mbit", "name: air", "a: n1, b: n3", "A: \"1\""};
        String[] keys = {"colour", "Name", "link"};
        int n = 0;
        for (String anchor : anchors) {
            for (String key : keys) {
                String replaced = anchor.contains(":") && !anchor.startsWith("name: demo") && !anchor.startsWith("name: air")
                                && !anchor.startsWith("A:")
                        ? anchor + ", " + key + ": 1"
                        : anchor.startsWith("A:") ? anchor + ", a-b: 1" : anchor + "\n" + key + "x: 1";
                if (anchor.equals("name: air")) replaced = "name: air, " + key + ": 1";
                files.add(write("unknown-key-" + n++ + ".yaml", VALID.replace(anchor, replaced)));
            }
        }
    }

    /** 40 files of seeded random bytes, some with a valid start. */
    private static void binaryGarbage(List<Path> files) throws IOException {
        Random random = new Random(2024);
        for (int i = 0; i < 40; i++) {
            byte[] garbage = new byte[1 + random.nextInt(4096)];
            random.nextBytes(garbage);
            if (i % 4 == 0) {
                byte[] start = "name: demo\nnodes: [".getBytes(StandardCharsets.UTF_8);
                System.arraycopy(start, 0, garbage, 0, Math.min(start.length, garbage.length));
            }
            files.add(write("garbage-" + i + ".bin", garbage));
        }
    }

    /** 20 deeply nested documents, flow and block style, up to 200 000 levels. */
    private static void deepNesting(List<Path> files) throws IOException {
        int[] depths = {40, 100, 1_000, 10_000, 200_000};
        for (int depth : depths) {
            files.add(write("deep-flow-list-" + depth + ".yaml", "name: x\nnodes: " + "[".repeat(depth) + "]".repeat(depth)));
            files.add(write("deep-flow-map-" + depth + ".yaml", "name: x\nnodes: " + "{a: ".repeat(depth) + "}".repeat(depth)));
            files.add(write("deep-open-" + depth + ".yaml", "name: x\nnodes: " + "[{a: ".repeat(depth)));
            StringBuilder block = new StringBuilder("name: x\nnodes:\n");
            for (int i = 0; i < Math.min(depth, 2_000); i++) block.append(" ".repeat(i + 1)).append("k").append(i).append(":\n");
            files.add(write("deep-block-" + depth + ".yaml", block.toString()));
        }
    }

    /** 19 YAML-level oddities: empty, comments only, several documents, aliases, tags, tabs, a BOM, long lines. */
    private static void yamlOddities(List<Path> files) throws IOException {
        String laughs = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
        String[] docs = {
            "", "# only a comment\n", "---\n", "null\n", "name: !custom x\nnodes: [n1]\n", "just text\n", "[n1, n2]\n", "42\n",
            VALID + "---\n" + VALID, laughs, "name: !!binary aGVsbG8=\nnodes: [n1]\n", "name: *undefined\nnodes: [n1]\n",
            "name: x\n\tnodes: [n1]\n", "\uFEFF" + VALID.replace("name: demo", "name: demo\nnam: e"),
            "name: x\nnodes: [" + "n1, ".repeat(100_000) + "]\n", "name: " + "x".repeat(1_000_000) + "\nnodes: [n1]\n",
            "name: x\nnodes: [n1]\nlinks: [{a: n1, b: n1}]\n", "name: x\nnodes: [n1, n1]\n",
            "name: x\nnodes:\n  n1: {}\n  n1: {}\n",
        };
        for (int i = 0; i < docs.length; i++) files.add(write("odd-" + i + ".yaml", docs[i]));
    }

    private static Path fiftyMegabytes() throws IOException {
        Path f = dir.resolve("huge-50mb.yaml");
        byte[] line = "  - {a: n1, b: n2, loss: 5%, rate: 10mbit, delay: 2ms}    # padding padding padding\n"
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("name: huge\nnodes: [n1, n2]\nlinks:\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) out.write(line);
        }
        return f;
    }
}
