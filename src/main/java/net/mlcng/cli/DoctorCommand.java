package net.mlcng.cli;

import java.util.List;
import java.util.concurrent.Callable;
import net.mlcng.doctor.Check;
import net.mlcng.doctor.Doctor;
import net.mlcng.doctor.DoctorReport;
import net.mlcng.error.ExitCodes;
import net.mlcng.image.NodeImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mlc-ng doctor [--format table|json]`: what this host can and cannot do for labs. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the Docker engine, privileges, kernel features (probed in a throwaway network"
                + " namespace) and the node image; each ok / missing / degraded with a fix.",
                "Exit 3 when something labs require is missing."})
public class DoctorCommand implements Callable<Integer> {
    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.table;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Node image to look at (default: ${DEFAULT-VALUE}).")
    String image = NodeImages.DEFAULT_TAG;

    @Override
    public Integer call() {
        List<Check> checks = Doctor.examine(image);
        var out = spec.commandLine().getOut();
        out.print(format == Format.json ? DoctorReport.json(checks) + "\n" : DoctorReport.table(checks));
        out.flush();
        return DoctorReport.blocked(checks) ? ExitCodes.ENVIRONMENT : ExitCodes.OK;
    }
}
