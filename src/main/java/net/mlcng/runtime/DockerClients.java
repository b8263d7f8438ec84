package net.mlcng.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import net.mlcng.error.EnvironmentException;

/** The one place a docker-java client is made; honours DOCKER_HOST like the docker CLI does. */
public final class DockerClients {
    private DockerClients() {}

    /** A client for the local engine, checked with a ping; exit 3 with a fix when no engine answers. */
    public static DockerClient connect() {
        DockerClient client = create();
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new EnvironmentException(
                    "no Docker engine answers at " + dockerHost() + " (" + rootMessage(e) + ")",
                    "run ./mlc-ng host setup (installs docker.io and starts dockerd)", e);
        }
        return client;
    }

    /** A client without the reachability check (for doctor, which reports rather than fails). */
    public static DockerClient create() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(10))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** Whether an engine answers, and which: for reports that must not fail when none does. */
    public record EngineStatus(boolean reachable, String apiVersion, String version, Set<String> runtimes, String error) {}

    public static EngineStatus status() {
        try (DockerClient client = create()) {
            Version v = client.versionCmd().exec();
            return new EngineStatus(true, v.getApiVersion(), v.getVersion(), runtimes(client), null);
        } catch (RuntimeException | IOException e) {
            return new EngineStatus(false, null, null, Set.of(), "no Docker engine answers at " + dockerHost() + " (" + rootMessage(e) + ")");
        }
    }

    /** The OCI runtimes the engine has registered (runc, and crun where host setup added it). */
    static Set<String> runtimes(DockerClient client) {
        var runtimes = client.infoCmd().exec().getRuntimes();
        return runtimes == null ? Set.of() : Set.copyOf(runtimes.keySet());
    }

    public static String dockerHost() {
        String env = System.getenv("DOCKER_HOST");
        return env == null || env.isBlank() ? "unix:///var/run/docker.sock" : env;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
