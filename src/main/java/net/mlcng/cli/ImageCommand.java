package net.mlcng.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `mlc-ng image ...`: the node image. */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Manage the node image every emulated node runs.",
        subcommands = {ImageBuildCommand.class})
public class ImageCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: image build (see image --help)");
    }
}
