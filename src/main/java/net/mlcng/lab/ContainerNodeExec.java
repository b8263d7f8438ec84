package net.mlcng.lab;

import java.time.Duration;
import java.util.List;
import net.mlcng.daemon.NodeExec;
import net.mlcng.runtime.ContainerRuntime;

/** Runs commands in a node's container through the container runtime (docker exec). */
record ContainerNodeExec(ContainerRuntime runtime, String containerId, String node) implements NodeExec {
    @Override
    public ExecResult exec(List<String> command, Duration timeout) {
        return runtime.exec(containerId, command, timeout);
    }
}
