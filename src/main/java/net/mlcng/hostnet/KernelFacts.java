package net.mlcng.hostnet;

/**
 * What the host kernel can do for a lab, each fact found by trying it in a throwaway network
 * namespace. Link emulation asks e.g. {@code facts.netem().present()} before offering delay.
 * {@code wireguard()} is THE WireGuard decision: present means nodes use the kernel module,
 * absent means wireguard-go on /dev/net/tun; the wireguard package is handed that choice.
 */
public record KernelFacts(
        Feature veth,
        Feature bridge,
        Feature nftables,
        Feature nftNetdevEgress,
        Feature nftBridge,
        Feature tbf,
        Feature htb,
        Feature netem,
        Feature wireguard,
        Feature tun) {

    /** One probed feature; detail says what was tried or why it failed (the kernel's own words). */
    public record Feature(boolean present, String detail) {
        public static Feature yes(String detail) {
            return new Feature(true, detail);
        }

        public static Feature no(String detail) {
            return new Feature(false, detail);
        }
    }
}
