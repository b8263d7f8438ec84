package net.mlcng.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: `mlc-ng VERB ...`. Every verb is one class, registered here. */
@Command(
        name = "mlc-ng",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Network emulation testbed for mesh routing (BMX7, babeld, WireGuard) on Docker.",
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            ValidateCommand.class,
            GenerateCommand.class,
            GraphCommand.class,
            DeployCommand.class,
            DestroyCommand.class,
            InspectCommand.class,
            ExecCommand.class,
            NodeCommand.class,
            LinkCommand.class,
            ChaosCommand.class,
            HostCommand.class,
            DoctorCommand.class,
            ImageCommand.class,
            RunCommand.class,
            DemoCommand.class,
            WgCommand.class,
            DaemonCommand.class,
        })
public class MlcNgCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    DebugOption debug;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing verb: say what to do (see --help)");
    }
}
