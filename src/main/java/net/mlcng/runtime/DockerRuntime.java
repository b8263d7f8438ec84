package net.mlcng.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.error.EnvironmentException;
import net.mlcng.error.OperationFailedException;
import net.mlcng.host.CgroupLayout;
import net.mlcng.host.Privileges;

/** {@link ContainerRuntime} on the Docker engine through docker-java. */
public final class DockerRuntime implements ContainerRuntime {
    private static final int STOP_GRACE_SECONDS = 2;

    private final DockerClient docker;
    private final OciRuntime ociRuntime;
    /** Root on the engine's own host can enter containers' namespaces instead of asking the engine. */
    private final boolean enterFromHost;
    private final Map<String, NamespaceEntry> entries = new ConcurrentHashMap<>();
    /** Bounds concurrent inspect calls made on behalf of one {@link #pids} call. */
    private final ExecutorService inspectors;

    public DockerRuntime(DockerClient docker, int workers, OciRuntime ociRuntime) {
        this.docker = docker;
        this.ociRuntime = ociRuntime;
        this.enterFromHost = DockerClients.dockerHost().startsWith("unix://") && Privileges.current().isRoot()
                && Files.isExecutable(NamespaceEntry.NSENTER);
        this.inspectors = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "docker-inspect");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects to the engine that DOCKER_HOST names (exit 3 when none answers) and picks the OCI runtime for new containers. */
    public static DockerRuntime connect(int workers) {
        DockerClient client = DockerClients.connect();
        OciRuntime oci = OciRuntime.choose(DockerClients.runtimes(client), CgroupLayout.host().strandedControllers(),
                System.getenv(OciRuntime.ENV));
        return new DockerRuntime(client, workers, oci);
    }

    /** Whether exec enters containers from the host (else it asks the engine). */
    boolean entersFromHost() {
        return enterFromHost;
    }

    /** The OCI runtime containers created by this runtime run under. */
    public OciRuntime ociRuntime() {
        return ociRuntime;
    }

    @Override
    public String create(ContainerSpec spec) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withCapDrop(Capability.ALL)
                .withCapAdd(spec.capabilities().stream().map(Capability::valueOf).toArray(Capability[]::new))
                .withDevices(spec.devices().stream().map(d -> new Device("rwm", d, d)).toList())
                .withSysctls(spec.sysctls())
                .withRuntime(ociRuntime.name());
        List<String> env = spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        try {
            return call(() -> docker.createContainerCmd(spec.image())
                    .withName(spec.name())
                    .withHostName(spec.hostname())
                    .withLabels(spec.labels())
                    .withEnv(env)
                    .withHostConfig(host)
                    .exec()
                    .getId());
        } catch (NotFoundException e) {
            throw new EnvironmentException("image " + spec.image() + " is not on the Docker engine",
                    "build it: ./mlc-ng image build (registries are not reachable from here)", e);
        } catch (ConflictException e) {
            throw new OperationFailedException("container name " + spec.name() + " is already taken: " + e.getMessage(), e);
        } catch (DockerException e) {
            throw new OperationFailedException("the Docker engine refused to create " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void start(String id) {
        try {
            call(() -> docker.startContainerCmd(id).exec());
        } catch (NotModifiedException alreadyRunning) {
            // Starting a running container is what the caller wanted anyway.
        } catch (DockerException e) {
            throw new OperationFailedException("the Docker engine could not start container " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop(String id) {
        try {
            call(() -> docker.stopContainerCmd(id).withTimeout(STOP_GRACE_SECONDS).exec());
        } catch (NotModifiedException | NotFoundException alreadyStopped) {
            // Idempotent by design: destroy and node stop may run twice.
        }
    }

    @Override
    public void remove(String id) {
        try {
            call(() -> docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
        } catch (NotFoundException alreadyGone) {
            // Idempotent by design.
        } catch (ConflictException removalInProgress) {
            // Another remove of the same container is under way (e.g. two destroys at once).
        }
    }

    @Override
    public List<ContainerInfo> list(Map<String, String> labels) {
        List<String> filter = labels.entrySet().stream()
                .map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue())
                .toList();
        List<Container> found = call(() -> docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec());
        return found.stream().map(DockerRuntime::info).toList();
    }

    @Override
    public List<ContainerInfo> listByNamePrefix(String prefix) {
        // The engine's name filter is a regular expression on "/name" (lab and node names hold no regex metacharacters).
        List<Container> found = call(() -> docker.listContainersCmd().withShowAll(true)
                .withNameFilter(List.of("^/" + prefix)).exec());
        return found.stream().map(DockerRuntime::info).filter(c -> c.name().startsWith(prefix)).toList();
    }

    private static ContainerInfo info(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
        return new ContainerInfo(c.getId(), name, c.getImage(), c.getState(), c.getLabels() == null ? Map.of() : c.getLabels());
    }

    @Override
    public Map<String, Integer> pids(Collection<String> ids) {
        Map<String, Future<Long>> pending = new LinkedHashMap<>();
        for (String id : ids) {
            // The same inspect tells how to enter the container: the deploy's first exec then costs no engine call.
            pending.put(id, inspectors.submit(() -> {
                InspectContainerResponse c = call(() -> docker.inspectContainerCmd(id).exec());
                remember(id, c);
                return c.getState().getPidLong();
            }));
        }
        Map<String, Integer> pids = new LinkedHashMap<>();
        for (var e : pending.entrySet()) {
            Long pid = await(e.getValue());
            if (pid != null && pid > 0) pids.put(e.getKey(), pid.intValue());
        }
        return pids;
    }

    /**
     * Enters the container's namespaces from the host where it can (see {@link NamespaceEntry}: ~3 ms
     * against ~20 ms of engine CPU per docker exec); asks the engine otherwise.
     */
    @Override
    public ExecResult exec(String id, List<String> command, Duration timeout) {
        NamespaceEntry entry = enterFromHost ? entry(id) : null;
        return entry != null ? entry.run(command, timeout) : dockerExec(id, command, timeout);
    }

    /**
     * How to enter the container, from one inspect, kept while its init lives; null when it does
     * not run or keeps some of Docker's default capabilities (lab containers drop them all).
     */
    private NamespaceEntry entry(String id) {
        NamespaceEntry known = entries.get(id);
        if (known != null && known.current()) return known;
        return remember(id, call(() -> docker.inspectContainerCmd(id).exec()));
    }

    /** Keeps how to enter the inspected container, when exec can enter it at all. */
    private NamespaceEntry remember(String id, InspectContainerResponse c) {
        if (!enterFromHost) return null;
        Long pid = c.getState().getPidLong();
        HostConfig host = c.getHostConfig();
        boolean dropsAll = host.getCapDrop() != null && Arrays.asList(host.getCapDrop()).contains(Capability.ALL);
        if (!Boolean.TRUE.equals(c.getState().getRunning()) || pid == null || pid <= 0 || !dropsAll) return null;
        List<String> caps = host.getCapAdd() == null ? List.of() : Arrays.stream(host.getCapAdd()).map(Capability::name).toList();
        List<String> env = c.getConfig().getEnv() == null ? List.of() : List.of(c.getConfig().getEnv());
        NamespaceEntry entry = new NamespaceEntry(c.getId(), pid.intValue(), caps, env);
        entries.put(id, entry);
        return entry;
    }

    private ExecResult dockerExec(String id, List<String> command, Duration timeout) {
        String execId = call(() -> docker.execCreateCmd(id)
                .withCmd(command.toArray(String[]::new))
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec()
                .getId());
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                String text = new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8);
                synchronized (out) {
                    switch (frame.getStreamType()) {
                        case STDERR -> err.append(text);
                        default -> out.append(text);
                    }
                }
            }
        };
        try (callback) {
            call(() -> docker.execStartCmd(execId).exec(callback));
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new ExecResult(-1, out.toString(), err + "\n(timed out after " + timeout + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecResult(-1, out.toString(), "interrupted");
        } catch (IOException e) {
            throw new OperationFailedException("exec in " + id + " failed: " + e.getMessage(), e);
        }
        Long code = call(() -> docker.inspectExecCmd(execId).exec().getExitCodeLong());
        synchronized (out) {
            return new ExecResult(code == null ? -1 : code.intValue(), out.toString(), err.toString());
        }
    }

    @Override
    public boolean imageExists(String image) {
        try {
            call(() -> docker.inspectImageCmd(image).exec());
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public void close() {
        inspectors.shutdownNow();
        try {
            docker.close();
        } catch (IOException e) {
            // Nothing to do on a failed close of a socket client.
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while asking the Docker engine", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new OperationFailedException(e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Runs one engine call; a transport failure (engine gone mid-run) becomes exit 3, Docker's own
     * errors pass through for the caller to classify.
     */
    private static <T> T call(java.util.function.Supplier<T> op) {
        try {
            return op.get();
        } catch (DockerException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isTransportFailure(e)) {
                throw new EnvironmentException("the Docker engine at " + DockerClients.dockerHost() + " stopped answering ("
                        + e.getMessage() + ")", "check that dockerd runs: docker info", e);
            }
            throw e;
        }
    }

    private static boolean isTransportFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) return true;
        }
        return false;
    }
}
