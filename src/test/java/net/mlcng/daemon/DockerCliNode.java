package net.mlcng.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.mlcng.image.NodeImages;
import net.mlcng.util.Processes;

/**
 * A throwaway node-image container for daemon-side live tests that must not wait for the lab
 * engine: plain {@code docker} CLI, labelled and named after this helper's tests, removed on close.
 */
public final class DockerCliNode implements NodeExec, AutoCloseable {
    private final String name;
    private final String container;

    private DockerCliNode(String name, String container) {
        this.name = name;
        this.container = container;
    }

    /** Starts {@code mlcng-daemons-test-<name>} from the node image with extra {@code docker run} options (capabilities, sysctls). */
    public static DockerCliNode start(String name, List<String> runOptions) {
        String container = "mlcng-daemons-test-" + name;
        Processes.run(List.of("docker", "rm", "-f", container), Duration.ofSeconds(30));
        List<String> cmd = new ArrayList<>(List.of("docker", "run", "-d", "--name", container,
                "--label", "mlc-ng.lab=daemons-test", "--label", "mlc-ng.node=" + name));
        cmd.addAll(runOptions);
        cmd.addAll(List.of(NodeImages.DEFAULT_TAG, "sleep", "infinity"));
        Processes.Result r = Processes.run(cmd, Duration.ofSeconds(60));
        if (!r.ok()) {
            throw new IllegalStateException("docker run failed: " + r.stderr());
        }
        return new DockerCliNode(name, container);
    }

    public static boolean imageLabel(String label, String expected) {
        Processes.Result r = Processes.run(List.of("docker", "image", "inspect", "--format",
                "{{index .Config.Labels \"" + label + "\"}}", NodeImages.DEFAULT_TAG), Duration.ofSeconds(30));
        return r.ok() && r.stdout().strip().equals(expected);
    }

    @Override
    public String node() {
        return name;
    }

    @Override
    public ExecResult exec(List<String> command, Duration timeout) {
        List<String> cmd = new ArrayList<>(List.of("docker", "exec", container));
        cmd.addAll(command);
        Processes.Result r = Processes.run(cmd, timeout);
        return new ExecResult(r.exitCode(), r.stdout(), r.stderr());
    }

    @Override
    public void close() {
        Processes.run(List.of("docker", "rm", "-f", container), Duration.ofSeconds(30));
    }
}
