package net.mlcng.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `mlc-ng host ...`: the machine labs run on. */
@Command(name = "host", mixinStandardHelpOptions = true,
        description = "Prepare the host machine for labs.",
        subcommands = {HostSetupCommand.class})
public class HostCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: host setup (see host --help)");
    }
}
