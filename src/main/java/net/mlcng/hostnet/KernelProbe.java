package net.mlcng.hostnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.List;
import java.util.function.Supplier;
import net.mlcng.hostnet.KernelFacts.Feature;
import net.mlcng.util.Processes;

/**
 * Probes the host kernel by doing, not guessing: in a throwaway network namespace it creates a
 * veth pair, a bridge and a WireGuard link, adds tbf/htb/netem qdiscs and nftables tables of the
 * families a lab uses, then deletes the namespace (which takes everything in it along).
 */
public final class KernelProbe {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);
    private static final Path TUN = Path.of("/dev/net/tun");
    private static volatile KernelFacts cached;

    private KernelProbe() {}

    /** Facts probed once per JVM; the kernel does not change under a running lab. */
    public static KernelFacts facts() {
        KernelFacts f = cached;
        if (f == null) {
            synchronized (KernelProbe.class) {
                if (cached == null) cached = probe();
                f = cached;
            }
        }
        return f;
    }

    /** Probes now (needs root or CAP_SYS_ADMIN + CAP_NET_ADMIN to create the namespace). */
    public static KernelFacts probe() {
        String ns = "mlcng-probe-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24, 1 << 28));
        Processes.Result add = run("ip", "netns", "add", ns);
        if (!add.ok()) {
            Feature no = Feature.no("cannot create a network namespace to probe in: " + firstLine(add));
            return new KernelFacts(no, no, no, no, no, no, no, no, no, tun());
        }
        try {
            Feature veth = link(ns, "veth", "p0", "type", "veth", "peer", "name", "p1");
            Feature bridge = link(ns, "bridge", "b0", "type", "bridge");
            Feature wireguard = link(ns, "wireguard", "wg0", "type", "wireguard");
            // Qdiscs and the egress hook need a device: the probe's own veth (the bridge if veth failed).
            String dev = veth.present() ? "p0" : "b0";
            Feature tbf = qdisc(ns, dev, "tbf", "tbf", "rate", "1mbit", "burst", "16kb", "latency", "50ms");
            Feature htb = qdisc(ns, dev, "htb", "handle", "1:", "htb", "default", "1");
            Feature netem = qdisc(ns, dev, "netem", "netem", "delay", "10ms", "1ms");
            Feature nft = nft(ns, "inet", """
                    table inet mlcng_probe {
                      chain c { type filter hook forward priority 0; }
                    }
                    """);
            Feature egress = nft(ns, "netdev egress", """
                    table netdev mlcng_probe {
                      chain e { type filter hook egress device "%s" priority 0; numgen random mod 1000 < 1 drop; }
                    }
                    """.formatted(dev));
            Feature nftBridge = nft(ns, "bridge", """
                    table bridge mlcng_probe {
                      chain f { type filter hook forward priority 0; iifname . oifname { "p0" . "p1" } accept; }
                    }
                    """);
            return new KernelFacts(veth, bridge, nft, egress, nftBridge, tbf, htb, netem, wireguard, tun());
        } finally {
            run("ip", "netns", "delete", ns);
        }
    }

    private static Feature link(String ns, String what, String name, String... spec) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns, "link", "add", name));
        cmd.addAll(List.of(spec));
        return outcome("ip link add ... type " + what, () -> Processes.run(cmd, STEP_TIMEOUT));
    }

    private static Feature qdisc(String ns, String dev, String what, String... spec) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "tc", "qdisc", "replace",
                "dev", dev, "root"));
        cmd.addAll(List.of(spec));
        return outcome("tc qdisc " + what, () -> Processes.run(cmd, STEP_TIMEOUT));
    }

    private static Feature nft(String ns, String what, String ruleset) {
        return outcome("nft " + what + " table",
                () -> Processes.run(List.of("ip", "netns", "exec", ns, "nft", "-f", "-"), ruleset, STEP_TIMEOUT));
    }

    private static Feature outcome(String tried, Supplier<Processes.Result> attempt) {
        Processes.Result r = attempt.get();
        return r.ok() ? Feature.yes(tried + ": works") : Feature.no(tried + ": " + firstLine(r));
    }

    private static Feature tun() {
        return Files.exists(TUN) && !Files.isDirectory(TUN) && !Files.isRegularFile(TUN)
                ? Feature.yes(TUN + " exists")
                : Feature.no(TUN + " is missing");
    }

    private static Processes.Result run(String... cmd) {
        return Processes.run(List.of(cmd), STEP_TIMEOUT);
    }

    private static String firstLine(Processes.Result r) {
        String text = r.stderr().isBlank() ? r.stdout() : r.stderr();
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .orElse("exit " + r.exitCode());
    }
}
