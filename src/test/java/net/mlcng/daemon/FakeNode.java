package net.mlcng.daemon;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A node for driver logic tests: answers commands from scripted rules (recorded outputs) and keeps
 * the files {@link NodeFiles} reads and writes in memory. Unexpected commands fail the test.
 */
public final class FakeNode implements NodeExec {
    private record Rule(Predicate<List<String>> matches, Deque<ExecResult> answers) {}

    private final String name;
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final List<List<String>> commands = new ArrayList<>();

    public FakeNode(String name) {
        this.name = name;
    }

    /** Answers matching commands with the results in turn; the last one repeats. Later rules win. */
    public FakeNode on(Predicate<List<String>> matches, ExecResult... answers) {
        rules.add(0, new Rule(matches, new ArrayDeque<>(List.of(answers))));
        return this;
    }

    public static Predicate<List<String>> command(String... prefix) {
        return cmd -> cmd.size() >= prefix.length && cmd.subList(0, prefix.length).equals(List.of(prefix));
    }

    /** A {@code sh -c SCRIPT} whose script contains the marker. */
    public static Predicate<List<String>> script(String marker) {
        return cmd -> cmd.size() > 2 && cmd.get(0).equals("sh") && cmd.get(2).contains(marker);
    }

    public static ExecResult ok(String stdout) {
        return new ExecResult(0, stdout, "");
    }

    public static ExecResult fail(int exitCode, String stderr) {
        return new ExecResult(exitCode, "", stderr);
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public List<List<String>> commands() {
        return commands;
    }

    @Override
    public String node() {
        return name;
    }

    @Override
    public ExecResult exec(List<String> command, Duration timeout) {
        commands.add(List.copyOf(command));
        if (script("base64 -w0").test(command)) {
            byte[] content = files.get(command.get(4));
            return ok(content == null ? "missing\n" : Base64.getEncoder().encodeToString(content) + "\n");
        }
        if (script("base64 -d").test(command)) {
            files.put(command.get(4), Base64.getDecoder().decode(command.get(5).getBytes(StandardCharsets.US_ASCII)));
            return ok("");
        }
        for (Rule rule : rules) {
            if (rule.matches().test(command)) {
                return rule.answers().size() > 1 ? rule.answers().poll() : rule.answers().peek();
            }
        }
        throw new AssertionError("node " + name + " got an unexpected command: " + command);
    }
}
