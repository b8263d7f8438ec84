package net.mlcng.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import net.mlcng.lab.ChaosPlan;
import net.mlcng.lab.LinkControl;
import net.mlcng.lab.LinkEvent;
import net.mlcng.lab.LinkRef;
import net.mlcng.lab.Progress;
import net.mlcng.util.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `mlc-ng chaos LAB --seed S --fail-rate R --down-time D --duration T`: seeded random link failures. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Fail random links of a running lab for a while (seeded: the same seed gives the same failures).",
                "Failures arrive at --fail-rate per minute over the whole lab; each takes one link that is up down for",
                "0.5 to 1.5 times --down-time. Every link is up again at the end."})
public class ChaosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LabTarget target;

    @Option(names = "--seed", paramLabel = "S", required = true, description = "Random seed.")
    long seed;

    @Option(names = "--fail-rate", paramLabel = "R", required = true, description = "Link failures per minute, over the whole lab.")
    double failRate;

    @Option(names = "--down-time", paramLabel = "D", defaultValue = "5s", description = "Mean outage of a failed link (default: ${DEFAULT-VALUE}).")
    String downTime;

    @Option(names = "--duration", paramLabel = "T", required = true, description = "How long the chaos lasts, e.g. 60s.")
    String duration;

    @Option(names = "--dry-run", description = "Print the planned failures without touching the lab.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Duration meanDown = UnitArgs.duration("--down-time", downTime, false);
        Duration total = UnitArgs.duration("--duration", duration, false);
        try (LabOptions.Session s = target.open(Progress.NONE)) {
            LinkControl control = new LinkControl(s.engine());
            List<LinkRef> links = control.links(target.lab);
            List<LinkEvent> events = LinkCommand.schedule(() -> new ChaosPlan(links, seed, failRate, meanDown, total).events());
            out.printf("lab %s: %s planned over %s (seed %d)%n", target.lab, Plural.of(events.size() / 2, "link failure"), duration, seed);
            if (dryRun) {
                for (LinkEvent e : events) out.printf("+%.3fs %s%n", e.at().toNanos() / 1e9, e.describe());
                return 0;
            }
            LinkCommand.play(control, target.lab, events, out);
        }
        return 0;
    }
}
