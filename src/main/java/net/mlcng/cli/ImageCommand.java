package net.mlcng.cli;

import picocli.CommandLine.Command;

/** `mlc-ng image ...`: the node image. */
@Command(name = "image", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manage the node image every emulated node runs.",
        subcommands = {ImageBuildCommand.class})
public class ImageCommand extends CommandGroup {}
