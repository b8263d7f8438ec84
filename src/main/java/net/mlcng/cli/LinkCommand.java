package net.mlcng.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import net.mlcng.error.UsageException;
import net.mlcng.lab.LinkChange;
import net.mlcng.lab.LinkControl;
import net.mlcng.lab.LinkControl.DirectionStatus;
import net.mlcng.lab.LinkControl.LinkStatus;
import net.mlcng.lab.LinkEvent;
import net.mlcng.lab.LinkRef;
import net.mlcng.lab.LinkSchedules;
import net.mlcng.lab.Progress;
import net.mlcng.lab.ScheduleRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `mlc-ng link LAB A B ...`: change one link of a running lab live (impairments per direction,
 * down/up), show it, or play link dynamics on it (flapping, a loss sequence).
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Change, show or animate one link of a running lab, live (nothing restarts).",
                "Impairments apply per direction where it starts (A->B on A's interface facing B, or in the medium's bridge).",
                "Examples: link lab1 n1 n2 --loss 30%% --direction a-b | --rate 2mbit | --down | --up | --show",
                "          link lab1 n1 n2 --flap 2s --times 5 | --loss-sequence 0,10,30,60 --step 5s"})
public class LinkCommand implements Callable<Integer> {
    enum Direction {
        a_b, b_a, both;

        static Direction of(String text) {
            return switch (text) {
                case "a-b" -> a_b;
                case "b-a" -> b_a;
                case "both" -> both;
                default -> throw new UsageException("--direction " + text + ": expected a-b, b-a or both");
            };
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    LabTarget target;

    @Parameters(index = "1", paramLabel = "A")
    String nodeA;

    @Parameters(index = "2", paramLabel = "B")
    String nodeB;

    @Option(names = "--medium", paramLabel = "M", description = "The pair A-B on shared medium M (default: the point-to-point link A-B).")
    String medium;

    @Option(names = "--loss", paramLabel = "P", description = "Loss in percent, e.g. 30%% or 0.5 (0 removes it).")
    String loss;

    @Option(names = "--rate", paramLabel = "R", description = "Rate limit, e.g. 2mbit (none removes it).")
    String rate;

    @Option(names = "--delay", paramLabel = "D", description = "Delay, e.g. 20ms (needs netem; none removes it).")
    String delay;

    @Option(names = "--jitter", paramLabel = "J", description = "Jitter, e.g. 5ms (needs netem; none removes it).")
    String jitter;

    @Option(names = "--direction", paramLabel = "DIR", defaultValue = "both",
            description = "a-b (A to B), b-a or both (default: ${DEFAULT-VALUE}); for impairments and --loss-sequence.")
    String direction;

    @Option(names = "--down", description = "Drop every frame both ways; interfaces stay up, so daemons see it as a radio link that died.")
    boolean down;

    @Option(names = "--up", description = "Undo --down (impairments set before stay).")
    boolean up;

    @Option(names = "--show", description = "Print the link's properties and what the kernel has in place (rules, qdiscs, drop counters).")
    boolean show;

    @Option(names = "--flap", paramLabel = "PERIOD", description = "Flap: down for PERIOD, up for PERIOD, repeated (--times or --for).")
    String flap;

    @Option(names = "--times", paramLabel = "N", description = "Flap cycles (default 1).")
    Integer times;

    @Option(names = "--for", paramLabel = "DURATION", description = "Flap for this long instead of --times.")
    String flapFor;

    @Option(names = "--loss-sequence", paramLabel = "L1,L2,..", split = ",", description = "Loss levels in percent, one per --step; the last stays.")
    List<String> lossSequence;

    @Option(names = "--step", paramLabel = "D", description = "How long each --loss-sequence level holds.")
    String step;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1", description = "Repeat the loss sequence N times (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LinkChange change = change();
        int actions = (change.isEmpty() ? 0 : 1) + (down ? 1 : 0) + (up ? 1 : 0) + (show ? 1 : 0) + (flap != null ? 1 : 0)
                + (lossSequence != null ? 1 : 0);
        if (actions != 1) {
            throw new UsageException("say one thing to do with the link: impairments (--loss/--rate/--delay/--jitter), "
                    + "--down, --up, --show, --flap or --loss-sequence");
        }
        if ((times != null || flapFor != null) && flap == null) throw new UsageException("--times and --for go with --flap");
        if (step != null && lossSequence == null) throw new UsageException("--step goes with --loss-sequence");
        Direction dir = Direction.of(direction);
        try (LabOptions.Session s = target.open(Progress.NONE)) {
            LinkControl control = new LinkControl(s.engine());
            LinkRef ref = control.resolve(target.lab, nodeA, nodeB, medium);
            // --direction is relative to the order A B was given in; the ref is in topology order.
            boolean given = ref.a().equals(nodeA);
            boolean aToB = dir != (given ? Direction.b_a : Direction.a_b);
            boolean bToA = dir != (given ? Direction.a_b : Direction.b_a);
            if (show) {
                print(out, control.show(target.lab, ref));
            } else if (down || up) {
                Duration took = control.setDown(target.lab, ref, down);
                out.printf("lab %s: link %s %s (applied in %d ms)%n", target.lab, ref, down ? "down" : "up", took.toMillis());
            } else if (flap != null) {
                Duration period = UnitArgs.duration("--flap", flap, false);
                if (times != null && flapFor != null) throw new UsageException("--flap takes --times or --for, not both");
                int cycles = flapFor != null ? LinkSchedules.cyclesIn(UnitArgs.duration("--for", flapFor, false), period)
                        : times == null ? 1 : times;
                run(control, schedule(() -> LinkSchedules.flap(ref, period, period, cycles)));
            } else if (lossSequence != null) {
                if (step == null) throw new UsageException("--loss-sequence needs --step (how long each level holds)");
                Duration d = UnitArgs.duration("--step", step, false);
                List<Double> levels = new ArrayList<>();
                for (String l : lossSequence) levels.add(UnitArgs.loss("--loss-sequence", l));
                run(control, schedule(() -> LinkSchedules.lossSequence(ref, aToB, bToA, levels, d, rounds)));
            } else {
                Duration took = control.change(target.lab, ref, aToB, bToA, change);
                out.printf("lab %s: link %s changed (applied in %d ms)%n", target.lab, ref, took.toMillis());
                print(out, control.show(target.lab, ref));
            }
        }
        return 0;
    }

    private LinkChange change() {
        return new LinkChange(
                loss == null ? null : UnitArgs.loss("--loss", loss),
                rate == null ? null : UnitArgs.rate("--rate", rate),
                delay == null ? null : UnitArgs.duration("--delay", delay, true),
                jitter == null ? null : UnitArgs.duration("--jitter", jitter, true));
    }

    static List<LinkEvent> schedule(Supplier<List<LinkEvent>> plan) {
        try {
            return plan.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private void run(LinkControl control, List<LinkEvent> events) {
        play(control, target.lab, events, spec.commandLine().getOut());
    }

    /** Plays {@code events} on {@code lab}, one line per event as it happens. */
    static void play(LinkControl control, String lab, List<LinkEvent> events, PrintWriter out) {
        new ScheduleRunner(control).run(lab, events, line -> {
            out.println(line);
            out.flush();
        });
    }

    static void print(PrintWriter out, LinkStatus status) {
        out.printf("link %s%s: %s%n", status.link(), status.link().medium() == null ? " (point-to-point)" : "",
                status.down() ? "DOWN (every frame dropped both ways)" : "up");
        for (DirectionStatus d : status.directions()) {
            out.printf("  %s->%s  set: %s%n", d.from(), d.to(), UnitArgs.format(d.props()));
            out.printf("  %s  kernel at %s: %s%n", " ".repeat(d.from().length() + d.to().length() + 2), d.where(), d.kernel());
        }
    }
}
