package net.mlcng.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.mlcng.doctor.Check.Status;
import net.mlcng.error.EnvironmentException;
import net.mlcng.host.CgroupLayout;
import net.mlcng.host.Privileges;
import net.mlcng.hostnet.KernelFacts;
import net.mlcng.hostnet.KernelFacts.Feature;
import net.mlcng.hostnet.KernelProbe;
import net.mlcng.image.NodeImages;
import net.mlcng.runtime.DockerClients;
import net.mlcng.runtime.DockerImages;
import net.mlcng.runtime.OciRuntime;

/** Checks the host for what labs need and reports each finding with a fix; changes nothing. */
public final class Doctor {
    private static final String SETUP = "run ./mlc-ng host setup as root";

    private Doctor() {}

    public static List<Check> examine(String nodeImage) {
        List<Check> checks = new ArrayList<>();
        DockerClients.EngineStatus engine = DockerClients.status();
        checks.add(engine.reachable()
                ? Check.ok("docker", true, "engine " + engine.version() + ", API " + engine.apiVersion())
                : new Check("docker", Status.MISSING, true, engine.error(), SETUP));

        if (engine.reachable()) checks.add(ociRuntime(engine));

        Privileges privileges = Privileges.current();
        boolean privileged = privileges.isRoot() || privileges.hasNetAdmin();
        checks.add(privileged
                ? Check.ok("privileges", true, privileges.isRoot() ? "running as root" : "CAP_NET_ADMIN")
                : new Check("privileges", Status.MISSING, true, "neither root nor CAP_NET_ADMIN",
                        "run mlc-ng as root (sudo ./mlc-ng ...)"));

        KernelFacts k = KernelProbe.probe();
        // Unprivileged, every probe fails for want of a namespace: the kernel is not to blame then.
        String unprivileged = privileged ? null : "run doctor as root: kernel features are probed in a network namespace";
        checks.add(required("veth", k.veth(), unprivileged, "enable CONFIG_VETH in the host kernel"));
        checks.add(required("bridge", k.bridge(), unprivileged, "enable CONFIG_BRIDGE in the host kernel"));
        checks.add(required("nftables", k.nftables(), unprivileged,
                "install nftables (./mlc-ng host setup) and enable CONFIG_NF_TABLES"));
        checks.add(required("nftables-netdev-egress", k.nftNetdevEgress(), unprivileged,
                "link loss needs the netdev egress hook: use a kernel >= 5.16 with CONFIG_NETFILTER_EGRESS"));
        checks.add(required("nftables-bridge", k.nftBridge(), unprivileged,
                "shared media need nftables' bridge family: enable CONFIG_NF_TABLES_BRIDGE"));
        checks.add(required("tc-tbf", k.tbf(), unprivileged, "link rates need CONFIG_NET_SCH_TBF"));
        checks.add(required("tc-htb", k.htb(), unprivileged, "link rates need CONFIG_NET_SCH_HTB"));
        checks.add(k.netem().present()
                ? Check.ok("netem", false, k.netem().detail())
                : new Check("netem", Status.DEGRADED, false,
                        "delay/jitter unavailable (" + k.netem().detail() + "); loss and rate still work",
                        "for link delay/jitter use a kernel with CONFIG_NET_SCH_NETEM (modprobe sch_netem)"));
        checks.add(required("tun", k.tun(), null, "wireguard-go needs /dev/net/tun: modprobe tun"));

        Optional<DockerImages.ImageInfo> image = Optional.empty();
        DockerImages images = null;
        if (engine.reachable()) {
            images = new DockerImages(DockerClients.create());
            image = images.inspect(nodeImage);
        }
        checks.add(wireguard(k.wireguard(), images, image.isPresent(), nodeImage));
        checks.add(image.isPresent()
                ? Check.ok("node-image", true, nodeImage + " (" + image.get().sizeBytes() / 1_000_000 + " MB)")
                : new Check("node-image", Status.MISSING, true, nodeImage + " is not on the engine",
                        engine.reachable() ? "run ./mlc-ng image build" : SETUP + ", then ./mlc-ng image build"));
        checks.add(bmx7(image, nodeImage));
        return checks;
    }

    /** Which runtime labs' containers will run under; runc works, only slower. */
    private static Check ociRuntime(DockerClients.EngineStatus engine) {
        try {
            OciRuntime oci = OciRuntime.choose(engine.runtimes(), CgroupLayout.host().strandedControllers(), System.getenv(OciRuntime.ENV));
            return oci.name() != null
                    ? Check.ok("oci-runtime", false, oci.describe())
                    : new Check("oci-runtime", Status.DEGRADED, false, oci.describe(), SETUP);
        } catch (EnvironmentException e) {
            return new Check("oci-runtime", Status.MISSING, true, e.getMessage(), e.fix());
        }
    }

    /** A required kernel feature; unprivilegedFix (when not null) replaces the kernel fix. */
    private static Check required(String name, Feature f, String unprivilegedFix, String fix) {
        return f.present()
                ? Check.ok(name, true, f.detail())
                : new Check(name, Status.MISSING, true, f.detail(), unprivilegedFix != null ? unprivilegedFix : fix);
    }

    /** The kernel module when there is one, else wireguard-go from the node image (the fallback nodes use). */
    private static Check wireguard(Feature kmod, DockerImages images, boolean imagePresent, String nodeImage) {
        if (kmod.present()) return Check.ok("wireguard", false, "kernel module (" + kmod.detail() + ")");
        String noKmod = "no WireGuard kernel module (" + kmod.detail() + ")";
        if (!imagePresent) {
            return new Check("wireguard", Status.MISSING, false,
                    noKmod + "; the wireguard-go fallback lives in the node image, which is missing",
                    "run ./mlc-ng image build");
        }
        var out = images.runOnce(nodeImage, List.of("wireguard-go", "--version"), Duration.ofSeconds(30));
        if (out.exitCode() != 0) {
            return new Check("wireguard", Status.MISSING, false, noKmod + "; wireguard-go does not run in " + nodeImage,
                    "rebuild the node image: ./mlc-ng image build");
        }
        return new Check("wireguard", Status.DEGRADED, false,
                noKmod + "; wireguard-go fallback ("
                        + out.output().lines().findFirst().orElse("").strip() + ")",
                "none needed; for kernel WireGuard load the host's wireguard module (modprobe wireguard)");
    }

    private static Check bmx7(Optional<DockerImages.ImageInfo> image, String nodeImage) {
        String fix = "./mlc-ng image build --bmx7 PATH (your bmx7 build or .deb; see docs/node-image.md)";
        if (image.isEmpty()) return new Check("bmx7", Status.MISSING, false, "no node image to look in", fix);
        var labels = image.get().labels();
        if ("true".equals(labels.get(NodeImages.BMX7_LABEL))) {
            return Check.ok("bmx7", false, "in " + nodeImage + ": "
                    + labels.getOrDefault(NodeImages.BMX7_VERSION_LABEL, "version unknown"));
        }
        return new Check("bmx7", Status.DEGRADED, false, nodeImage + " has no bmx7 (babeld nodes only)", fix);
    }
}
