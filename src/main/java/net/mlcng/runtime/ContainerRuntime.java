package net.mlcng.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import net.mlcng.daemon.NodeExec.ExecResult;

/**
 * The container operations the lab engine needs, and nothing else: the lab talks to this
 * interface, never to docker-java. Every call blocks; callers bound their own parallelism.
 * Errors surface as MlcException subclasses (engine unreachable or image missing: exit 3).
 */
public interface ContainerRuntime extends AutoCloseable {
    /** Creates (does not start) a container; returns its id. A name already taken is an error naming its owner. */
    String create(ContainerSpec spec);

    void start(String id);

    /** Stops with a short grace period (tini forwards SIGTERM); a stopped container is fine. */
    void stop(String id);

    /** Removes the container, running or not; a container already gone is fine. */
    void remove(String id);

    /** Every container (running or not) carrying all of these labels; a null value matches any value. */
    List<ContainerInfo> list(Map<String, String> labels);

    /** Every container (running or not) whose name starts with {@code prefix}, whoever made it. */
    List<ContainerInfo> listByNamePrefix(String prefix);

    /** Host PIDs of the containers' init processes (running ones only), keyed by id. */
    Map<String, Integer> pids(Collection<String> ids);

    /** Runs a command in a running container and collects its output. */
    ExecResult exec(String id, List<String> command, Duration timeout);

    boolean imageExists(String image);

    @Override
    void close();
}
