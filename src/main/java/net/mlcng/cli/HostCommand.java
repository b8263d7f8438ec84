package net.mlcng.cli;

import picocli.CommandLine.Command;

/** `mlc-ng host ...`: the machine labs run on. */
@Command(name = "host", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Prepare the host machine for labs.",
        subcommands = {HostSetupCommand.class})
public class HostCommand extends CommandGroup {}
