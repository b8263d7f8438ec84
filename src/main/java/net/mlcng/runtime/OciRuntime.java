package net.mlcng.runtime;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.mlcng.error.EnvironmentException;

/**
 * The OCI runtime a lab's containers run under, and why. crun where the engine has it registered
 * and the host's cgroups let it run: measured on this project's 2-core host, 100 nodes are created
 * and started in 11.2 s under crun against 12.5 s under runc (runc, in Go, re-executes itself for
 * every container; crun is C). Otherwise the engine's default. {@value #ENV} names one explicitly.
 *
 * @param name the runtime to ask the engine for; null: the engine's default
 */
public record OciRuntime(String name, String why) {
    public static final String ENV = "MLCNG_OCI_RUNTIME";
    public static final String CRUN = "crun";

    /** The engine's default, said in words for doctor and deploy output. */
    public String describe() {
        return (name == null ? "engine default (runc)" : name) + ": " + why;
    }

    /**
     * @param engineRuntimes the runtimes the engine has registered
     * @param strandedCgroupControllers controllers left on cgroup2 in a hybrid layout (crun refuses those hosts)
     * @param requested the value of {@value #ENV}, or null
     */
    public static OciRuntime choose(Set<String> engineRuntimes, List<String> strandedCgroupControllers, String requested) {
        if (requested != null && !requested.isBlank()) {
            if (!engineRuntimes.contains(requested)) {
                throw new EnvironmentException(ENV + "=" + requested + " names a runtime the Docker engine does not have (it has: "
                        + String.join(", ", new TreeSet<>(engineRuntimes)) + ")",
                        "unset " + ENV + ", or register the runtime in /etc/docker/daemon.json and reload dockerd");
            }
            return new OciRuntime(requested, "asked for by " + ENV);
        }
        if (!engineRuntimes.contains(CRUN)) {
            return new OciRuntime(null, "crun is not registered with the engine; nodes start about 10% slower"
                    + " (./mlc-ng host setup installs and registers it)");
        }
        if (!strandedCgroupControllers.isEmpty()) {
            return new OciRuntime(null, "crun refuses this host's hybrid cgroups (controllers on cgroup2: "
                    + String.join(" ", strandedCgroupControllers) + "); ./mlc-ng host setup mounts their v1 hierarchies");
        }
        return new OciRuntime(CRUN, "registered with the engine; starts nodes about 10% faster than runc");
    }
}
