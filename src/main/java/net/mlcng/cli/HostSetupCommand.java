package net.mlcng.cli;

import net.mlcng.host.HostSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mlc-ng host setup`: install what labs need on Debian 12 and start dockerd, when missing. */
@Command(name = "setup", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"On Debian 12, as root: install the missing ones of docker.io, crun, iproute2, nftables,"
                + " wireguard-tools and mmdebstrap, register crun with dockerd (nodes start about 10%% faster than"
                + " under runc), and start dockerd when no Docker engine answers.",
                "Idempotent: on a ready host it changes nothing."})
public class HostSetupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--for-tests", description = "Also install what the test suite needs (chromium, for the report screenshot test).")
    boolean forTests;

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        HostSetup.Outcome o = HostSetup.run(forTests, line -> {
            out.println(line);
            out.flush();
        });
        if (o.changedNothing()) {
            out.println("host ready, nothing changed: all packages present, " + o.engine() + " running");
        } else {
            if (!o.installed().isEmpty()) out.println("installed: " + String.join(" ", o.installed()));
            o.configured().forEach(out::println);
            if (o.startedDockerd()) out.println("started dockerd (log: " + HostSetup.DOCKERD_LOG + ")");
            out.println("host ready: " + o.engine());
        }
    }
}
