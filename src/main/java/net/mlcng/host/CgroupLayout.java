package net.mlcng.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.mlcng.util.Processes;

/**
 * The host's cgroup mounts, as far as the choice of OCI runtime cares. crun refuses a v1/v2
 * hybrid layout whose cgroup2 hierarchy still holds controllers ("cgroups in hybrid mode not
 * supported"): controllers that no v1 hierarchy claimed stay on cgroup2 (measured here: hugetlb).
 * systemd's hybrid hosts mount every v1 controller; {@link #claimStranded} does the same.
 */
public record CgroupLayout(Path root) {
    public static CgroupLayout host() {
        return new CgroupLayout(Path.of("/sys/fs/cgroup"));
    }

    /** Controllers left on the cgroup2 hierarchy of a hybrid layout; none on a pure v1 or pure v2 host. */
    public List<String> strandedControllers() {
        Path controllers = root.resolve("unified").resolve("cgroup.controllers");
        if (!Files.isRegularFile(controllers)) return List.of();
        try {
            return Arrays.stream(Files.readString(controllers).trim().split("\\s+")).filter(c -> !c.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + controllers, e);
        }
    }

    /**
     * Mounts a v1 hierarchy for each stranded controller, which moves it off cgroup2 (the kernel
     * refuses while cgroup2 uses it: that controller then stays). Returns what it could not claim,
     * each with the reason.
     */
    public List<String> claimStranded() {
        List<String> failed = new ArrayList<>();
        for (String controller : strandedControllers()) {
            Path mountPoint = root.resolve(controller);
            Processes.Result r = Processes.run(List.of("sh", "-c", "mkdir -p \"$1\" && mount -t cgroup -o \"$2\" cgroup \"$1\"",
                    "sh", mountPoint.toString(), controller), null, Duration.ofSeconds(10));
            if (!r.ok()) failed.add(controller + " (" + r.stderr().strip() + ")");
        }
        return failed;
    }
}
