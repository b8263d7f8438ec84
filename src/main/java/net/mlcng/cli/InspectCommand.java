package net.mlcng.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.mlcng.daemon.health.DaemonHealth;
import net.mlcng.lab.LabInspector;
import net.mlcng.lab.LabInspector.LabView;
import net.mlcng.lab.LabInspector.LinkView;
import net.mlcng.lab.LabInspector.MediumView;
import net.mlcng.lab.LabInspector.NodeView;
import net.mlcng.lab.Progress;
import net.mlcng.util.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `mlc-ng inspect [LAB]`: what runs, read from the host. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show labs: nodes (state, container, addresses, daemon), links and media (interfaces, properties, up/down).")
public class InspectCommand implements Callable<Integer> {
    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions lab;

    @Parameters(paramLabel = "LAB", arity = "0..1", description = "One lab (default: all labs).")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (LabOptions.Session s = lab.open(Progress.NONE)) {
            LabInspector.Report report = s.inspector().inspect(name);
            if (format == Format.json) {
                out.println(LabInspector.toJson(report));
            } else if (report.labs().isEmpty()) {
                out.println("no labs on this host");
            } else {
                report.labs().forEach(l -> printTable(out, l));
            }
        }
        return 0;
    }

    private static void printTable(PrintWriter out, LabView lab) {
        out.printf("lab %s%n", lab.name());
        out.printf("  %-14s %-9s %-12s %-8s %-7s %s%n", "NODE", "STATE", "CONTAINER", "DAEMON", "RUNNING", "ADDRESSES");
        for (NodeView n : lab.nodes()) {
            DaemonHealth d = n.daemon();
            out.printf("  %-14s %-9s %-12s %-8s %-7s %s%n", n.name(), n.state(), orDash(n.container()), d == null ? "-" : d.name(),
                    d == null ? "-" : (d.running() ? "yes" : "no"), String.join(" ", n.addresses()));
        }
        printDaemonProblems(out, lab);
        if (!lab.links().isEmpty()) {
            out.printf("  %-14s %-14s %-6s %-20s %s%n", "LINK A", "LINK B", "UP", "INTERFACES", "PROPERTIES");
            for (LinkView l : lab.links()) {
                List<String> props = new ArrayList<>();
                l.properties().forEach((direction, p) -> {
                    if (!p.isEmpty()) props.add(direction + " " + UnitArgs.format(p));
                });
                out.printf("  %-14s %-14s %-6s %-20s %s%n", l.a(), l.b(), l.up() ? "up" : "DOWN", String.join(" ", l.interfaces()),
                        props.isEmpty() ? "-" : String.join("; ", props));
            }
        }
        for (MediumView m : lab.media()) {
            out.printf("  medium %s (bridge %s, %s): %s, pairs %s%n", m.name(), m.bridge(), m.up() ? "up" : "DOWN",
                    Plural.of(m.members().size(), "member"), String.join(" ", m.pairs()));
        }
        out.flush();
    }

    /** Below the node table: every daemon that is not simply running, with why. */
    static void printDaemonProblems(PrintWriter out, LabView lab) {
        for (NodeView n : lab.nodes()) {
            DaemonHealth d = n.daemon();
            if (d == null || (d.running() && !Boolean.TRUE.equals(d.isolated()) && d.notes().isEmpty())) continue;
            printHealth(out, n.name(), d);
        }
    }

    /** One daemon's health: summary line, then isolation, crash files and top frames, notes, last log lines. */
    static void printHealth(PrintWriter out, String node, DaemonHealth d) {
        out.printf("  daemon %s on %s: %s%s%n", d.name(), node, d.summary(), d.pid() == null ? "" : " (pid " + d.pid() + ")");
        if (Boolean.TRUE.equals(d.isolated())) out.println("    runs but sees none of its topology neighbours");
        if (d.core() != null) out.printf("    core: %s%n", d.core());
        if (d.backtrace() != null) out.printf("    backtrace: %s%n", d.backtrace());
        d.crashSite().forEach(f -> out.printf("      %s%n", f));
        d.notes().forEach(x -> out.printf("    note: %s%n", x));
        d.lastLogLines().forEach(l -> out.printf("    | %s%n", l));
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
