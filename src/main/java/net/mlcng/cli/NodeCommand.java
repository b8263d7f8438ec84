package net.mlcng.cli;

import java.util.concurrent.Callable;
import net.mlcng.lab.LabEngine.NodeAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `mlc-ng node LAB NODE stop|start|restart`: a node failure and its return. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Stop, start or restart one node; start re-creates its links and addresses and restarts the daemons concerned.")
public class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NodeTarget target;

    @Parameters(index = "2", paramLabel = "ACTION", description = "stop, start or restart.")
    NodeAction action;

    @Override
    public Integer call() {
        try (LabOptions.Session s = target.open(ConsoleProgress.to(spec.commandLine().getErr()))) {
            s.engine().node(target.lab, target.node, action);
        }
        spec.commandLine().getOut().printf("lab %s: node %s %s%n", target.lab, target.node, switch (action) {
            case STOP -> "stopped";
            case START -> "started";
            case RESTART -> "restarted";
        });
        return 0;
    }
}
