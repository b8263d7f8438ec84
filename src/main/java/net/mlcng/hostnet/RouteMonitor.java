package net.mlcng.hostnet;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.mlcng.error.EnvironmentException;

/**
 * {@code ip -timestamp -6 monitor route} running on the host in one namespace, collecting every
 * IPv6 route event the kernel announces there, each with its microsecond timestamp. Runs from the
 * host (through the namespace handle) rather than in the node: no exec per read, and the events
 * carry the host clock that every container shares. The process keeps the namespace's netlink
 * socket, so it also outlives the node's container without error; {@link #close} ends it.
 */
public final class RouteMonitor implements AutoCloseable {
    /** ip prints local time; the monitor runs with this zone so that readers need not guess. */
    public static final ZoneId ZONE = ZoneOffset.UTC;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SUBSCRIBE_MARGIN = Duration.ofMillis(50);

    private final String ns;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private RouteMonitor(String ns, Process process) {
        this.ns = ns;
        this.process = process;
        this.reader = new Thread(this::drain, "route-monitor-" + ns);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts watching namespace {@code ns} and returns once ip has subscribed, so that no event
     * after this call is missed. ip opens a plain netlink socket at start and reopens it with the
     * route groups microseconds later; a socket seen plus {@link #SUBSCRIBE_MARGIN} covers both.
     */
    public static RouteMonitor start(String ns) {
        try {
            return start(ns, true);
        } catch (HostNetException e) {
            if (!e.getMessage().contains("chrt")) throw e;
            return start(ns, false);
        }
    }

    /**
     * ip stamps an event when it reads it, so on a saturated host its own scheduling delay would
     * enter the measurement: with {@code realtime} it runs at the lowest real-time priority (it
     * sleeps in recv nearly all the time), falling back to normal scheduling where that is refused.
     */
    private static RouteMonitor start(String ns, boolean realtime) {
        List<String> cmd = new java.util.ArrayList<>();
        if (realtime) cmd.addAll(List.of("chrt", "-f", "1"));
        cmd.addAll(List.of("ip", "-timestamp", "-6", "-n", ns, "monitor", "route"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TZ", "UTC");
        pb.redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new EnvironmentException("cannot run ip on this host: " + e.getMessage(),
                    "apt-get install --no-install-recommends iproute2");
        }
        RouteMonitor m = new RouteMonitor(ns, p);
        m.awaitSubscribed();
        return m;
    }

    /** Everything printed so far. */
    public String output() {
        return output.toString();
    }

    /** The namespace watched. */
    public String namespace() {
        return ns;
    }

    private void awaitSubscribed() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new HostNetException("ip monitor route in " + ns + " ended at once: " + output.toString().strip());
            }
            try {
                if (hasSocket()) {
                    Thread.sleep(SUBSCRIBE_MARGIN.toMillis());
                    return;
                }
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HostNetException("interrupted while starting ip monitor in " + ns);
            }
        }
        throw new HostNetException("ip monitor route in " + ns + " did not open its netlink socket within " + READY_TIMEOUT.toSeconds() + " s");
    }

    /** Whether the process holds a socket yet (its other fds are pipes). */
    private boolean hasSocket() {
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return java.nio.file.Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private void drain() {
        char[] buf = new char[8192];
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            int n;
            while ((n = in.read(buf)) > 0) output.append(buf, 0, n);
        } catch (IOException closed) {
            // The process was ended by close(): nothing more to read.
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
