package net.mlcng.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import net.mlcng.daemon.health.DaemonHealth;
import net.mlcng.lab.LabDaemons;
import net.mlcng.lab.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `mlc-ng daemon LAB NODE status|start|stop|restart`: one node's routing daemon, leaving the node and its links alone. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Show, start, stop or restart the routing daemon of one node (by its PID inside the node).",
                "status says whether it runs, or how it ended (signal or exit status, when, last log lines), whether it is isolated,"
                        + " and where a crash's core and backtrace were captured."})
public class DaemonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NodeTarget target;

    @Parameters(index = "2", paramLabel = "ACTION", description = "status, start, stop or restart.")
    String action;

    @Override
    public Integer call() {
        LabDaemons.Action act = LabDaemons.Action.parse(action);
        DaemonHealth health;
        try (LabOptions.Session s = target.open(Progress.NONE)) {
            health = new LabDaemons(s.engine()).control(target.lab, target.node, act);
        }
        PrintWriter out = spec.commandLine().getOut();
        InspectCommand.printHealth(out, target.node, health);
        out.flush();
        return 0;
    }
}
