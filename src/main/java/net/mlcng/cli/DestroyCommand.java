package net.mlcng.cli;

import java.util.List;
import java.util.concurrent.Callable;
import net.mlcng.error.UsageException;
import net.mlcng.lab.LabEngine.DestroyReport;
import net.mlcng.util.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `mlc-ng destroy LAB | --all`: remove everything a lab made; safe to repeat. */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Remove a lab's containers, veths, bridges, nft tables, namespace handles and state (found on the host, not remembered).",
                "Node identities (keys/) and captured crashes (crashes/) in the lab's state directory stay unless --purge."})
public class DestroyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions lab;

    @Parameters(paramLabel = "LAB", arity = "0..1", description = "The lab to destroy.")
    String name;

    @Option(names = "--all", description = "Destroy every lab on this host.")
    boolean all;

    @Option(names = "--purge", description = "Also remove the kept node identities (keys/: bmx7 node ids and addresses) and captured crashes (crashes/).")
    boolean purge;

    @Override
    public Integer call() {
        if ((name == null) == !all) throw new UsageException("say which lab to destroy: LAB or --all (not both)");
        try (LabOptions.Session s = lab.open(ConsoleProgress.to(spec.commandLine().getErr()))) {
            List<String> labs = all ? s.engine().labs() : List.of(name);
            for (String l : labs) {
                DestroyReport r = s.engine().destroy(l, purge);
                spec.commandLine().getOut().printf("lab %s: removed %s, %s, %s%s%n", r.lab(), Plural.of(r.containers(), "container"),
                        Plural.of(r.namespaces(), "namespace handle"), Plural.of(r.hostInterfaces(), "host interface"),
                        r.nftTable() ? ", 1 nft table" : "");
            }
            if (labs.isEmpty()) spec.commandLine().getOut().println("no labs on this host");
        }
        return 0;
    }
}
