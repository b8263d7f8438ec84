package net.mlcng.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.lab.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `mlc-ng exec LAB NODES -- CMD...`: one command in many nodes at once. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Run a command in nodes of a lab in parallel; output lines are prefixed with the node name; "
                + "the exit code is the worst of the nodes'.")
public class ExecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LabTarget target;

    @Parameters(index = "1", paramLabel = "NODES", description = "A node, a list (a,b), a range (n1..n9), or all.")
    String nodes;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "CMD", description = "The command (after --).")
    List<String> command;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Per-node time limit (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int worst = 0;
        try (LabOptions.Session s = target.open(Progress.NONE)) {
            Map<String, ExecResult> results = s.engine().exec(target.lab, nodes, command, Duration.ofSeconds(timeoutSeconds));
            for (var e : results.entrySet()) {
                print(out, e.getKey(), e.getValue().stdout());
                print(err, e.getKey(), e.getValue().stderr());
                int code = e.getValue().exitCode() < 0 ? 124 : e.getValue().exitCode();
                worst = Math.max(worst, code);
            }
        }
        return worst;
    }

    private static void print(PrintWriter w, String node, String text) {
        if (text.isEmpty()) return;
        for (String line : text.split("\n")) w.println(node + ": " + line);
        w.flush();
    }
}
