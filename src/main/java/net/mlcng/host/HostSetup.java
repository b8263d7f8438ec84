package net.mlcng.host;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.mlcng.error.EnvironmentException;
import net.mlcng.error.OperationFailedException;
import net.mlcng.runtime.DockerClients;
import net.mlcng.runtime.OciRuntime;
import net.mlcng.util.Processes;

/**
 * Makes a Debian 12 host ready for labs, idempotently: installs the Debian packages labs need
 * when they are missing, registers crun with dockerd (see {@link OciRuntime} for why) and makes
 * the host's cgroups fit for it, and starts dockerd when no engine answers (or reloads it when its
 * configuration changed). Changes nothing otherwise.
 */
public final class HostSetup {
    /** Debian packages the host needs (Java and Maven are there already: the launcher needed them). */
    public static final List<String> PACKAGES = List.of("docker.io", "crun", "iproute2", "nftables", "wireguard-tools", "mmdebstrap");
    /** Needed only by the test suite: headless Chromium renders report.html for the screenshot test. */
    public static final List<String> TEST_PACKAGES = List.of("chromium");
    public static final Path DOCKERD_LOG = Path.of("/var/log/mlc-ng/dockerd.log");
    private static final Duration APT_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration ENGINE_WAIT = Duration.ofSeconds(60);
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);
    private static final String CRUN_PATH = "/usr/bin/crun";
    private static final Path DOCKERD_PID = Path.of("/var/run/docker.pid");

    private HostSetup() {}

    /** What setup did; {@code configured}: other changes, in words. Empty lists mean the host was ready already. */
    public record Outcome(List<String> installed, List<String> configured, boolean startedDockerd, String engine) {
        public boolean changedNothing() {
            return installed.isEmpty() && configured.isEmpty() && !startedDockerd;
        }
    }

    public static Outcome run(Consumer<String> log) {
        return run(Privileges.current(), false, log);
    }

    /** As {@link #run(Consumer)}; with {@code forTests} also the packages the test suite needs. */
    public static Outcome run(boolean forTests, Consumer<String> log) {
        return run(Privileges.current(), forTests, log);
    }

    /** As {@link #run(boolean, Consumer)}, for a process with the given privileges: refuses before changing anything. */
    static Outcome run(Privileges privileges, boolean forTests, Consumer<String> log) {
        if (!privileges.isRoot()) {
            throw new EnvironmentException("host setup installs packages and starts dockerd, which needs root",
                    "run it as root: sudo ./mlc-ng host setup");
        }
        List<String> wanted = new ArrayList<>(PACKAGES);
        if (forTests) wanted.addAll(TEST_PACKAGES);
        List<String> missing = missingPackages(wanted);
        if (!missing.isEmpty()) {
            log.accept("installing " + String.join(" ", missing));
            install(missing);
        }
        List<String> configured = new ArrayList<>();
        EngineConfig engineConfig = EngineConfig.host();
        if (engineConfig.registerRuntime(OciRuntime.CRUN, CRUN_PATH)) configured.add("registered crun in " + engineConfig.file());
        configured.addAll(claimCgroupControllers(log));
        boolean started = false;
        DockerClients.EngineStatus engine = DockerClients.status();
        if (!engine.reachable()) {
            log.accept("no Docker engine answers; starting dockerd (log: " + DOCKERD_LOG + ")");
            startDockerd();
            engine = awaitEngine();
            started = true;
        } else if (!engine.runtimes().contains(OciRuntime.CRUN)) {
            log.accept("reloading dockerd's configuration (runtimes: crun)");
            reloadDockerd();
            configured.add("reloaded dockerd");
            engine = awaitCrun(engine, log);
        }
        return new Outcome(missing, configured, started, "Docker engine " + engine.version() + ", API " + engine.apiVersion());
    }

    /** Mounts v1 hierarchies for the controllers that keep crun off a hybrid cgroup host; says what it did. */
    private static List<String> claimCgroupControllers(Consumer<String> log) {
        CgroupLayout cgroups = CgroupLayout.host();
        List<String> stranded = cgroups.strandedControllers();
        if (stranded.isEmpty()) return List.of();
        List<String> failed = cgroups.claimStranded();
        if (!failed.isEmpty()) {
            log.accept("cannot mount cgroup v1 hierarchies for " + String.join(", ", failed)
                    + ": crun refuses this host, labs run under runc (nodes start about 10% slower)");
        }
        List<String> claimed = stranded.stream().filter(c -> failed.stream().noneMatch(f -> f.startsWith(c + " "))).toList();
        return claimed.isEmpty() ? List.of() : List.of("mounted cgroup v1 hierarchies for " + String.join(", ", claimed) + " (crun needs them off cgroup2)");
    }

    /** dockerd re-reads its runtimes on SIGHUP: running containers are not touched. */
    private static void reloadDockerd() {
        String pid;
        try {
            pid = Files.readString(DOCKERD_PID).strip();
        } catch (IOException e) {
            throw new EnvironmentException("a Docker engine answers but " + DOCKERD_PID + " is unreadable (" + e.getMessage()
                    + "), so its configuration cannot be reloaded", "restart dockerd yourself so it reads /etc/docker/daemon.json", e);
        }
        Processes.Result r = Processes.run(List.of("kill", "-HUP", pid), Duration.ofSeconds(10));
        if (!r.ok()) {
            throw new EnvironmentException("cannot signal dockerd (pid " + pid + ") to reload: " + r.stderr().strip(),
                    "restart dockerd yourself so it reads /etc/docker/daemon.json");
        }
    }

    static List<String> missingPackages(List<String> packages) {
        List<String> missing = new ArrayList<>();
        for (String pkg : packages) {
            Processes.Result r = Processes.run(List.of("dpkg-query", "-W", "-f=${db:Status-Abbrev}", pkg),
                    Duration.ofSeconds(30));
            if (!r.ok() || !r.stdout().startsWith("ii")) missing.add(pkg);
        }
        return missing;
    }

    private static void install(List<String> packages) {
        // Without --no-install-recommends the WireGuard packages pull in a kernel image and an
        // initramfs rebuild: slow and useless on a container host.
        apt(List.of("update"));
        List<String> args = new ArrayList<>(List.of("install", "-y", "--no-install-recommends"));
        args.addAll(packages);
        apt(args);
    }

    private static void apt(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-q"));
        cmd.addAll(args);
        Processes.Result r = Processes.run(cmd, APT_TIMEOUT);
        if (!r.ok()) {
            throw new OperationFailedException("apt-get " + String.join(" ", args) + " failed (exit " + r.exitCode()
                    + "):\n" + tail(r.stderr().isBlank() ? r.stdout() : r.stderr()));
        }
    }

    private static void startDockerd() {
        try {
            Files.createDirectories(DOCKERD_LOG.getParent());
            // setsid + nohup: dockerd outlives this JVM and the terminal it was started from.
            new ProcessBuilder("setsid", "nohup", "dockerd")
                    .redirectInput(new File("/dev/null"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(DOCKERD_LOG.toFile()))
                    .start();
        } catch (IOException e) {
            throw new EnvironmentException("cannot start dockerd: " + e.getMessage(),
                    "install docker.io (apt-get install -y --no-install-recommends docker.io) and retry", e);
        }
    }

    /**
     * Waits for a reloaded engine to list crun. One that does not (started with another
     * configuration file) still serves labs, under runc: a warning, not a failure.
     */
    private static DockerClients.EngineStatus awaitCrun(DockerClients.EngineStatus before, Consumer<String> log) {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        DockerClients.EngineStatus engine = before;
        while (System.nanoTime() < deadline) {
            pause();
            engine = DockerClients.status();
            if (engine.reachable() && engine.runtimes().contains(OciRuntime.CRUN)) return engine;
        }
        log.accept("dockerd did not take up crun from " + EngineConfig.host().file() + " (started with another configuration?):"
                + " labs run under runc, nodes start about 10% slower; restart dockerd to use crun");
        return engine.reachable() ? engine : before;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while waiting for dockerd", e);
        }
    }

    private static DockerClients.EngineStatus awaitEngine() {
        long deadline = System.nanoTime() + ENGINE_WAIT.toNanos();
        DockerClients.EngineStatus engine = DockerClients.status();
        while (!engine.reachable() && System.nanoTime() < deadline) {
            pause();
            engine = DockerClients.status();
        }
        if (!engine.reachable()) {
            String logTail;
            try {
                logTail = tail(Files.readString(DOCKERD_LOG));
            } catch (IOException e) {
                logTail = "(cannot read the log: " + e.getMessage() + ")";
            }
            throw new EnvironmentException("dockerd did not answer within " + ENGINE_WAIT.toSeconds() + " s; its log ends:\n"
                    + logTail, "read " + DOCKERD_LOG + " (a second engine already running? missing kernel features?)");
        }
        return engine;
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
}
