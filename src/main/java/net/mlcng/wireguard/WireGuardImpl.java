package net.mlcng.wireguard;

/**
 * Which WireGuard runs the tunnels: the kernel module, or wireguard-go in user space (this machine
 * has no module). The environment probe decides once; everything here just follows it.
 */
public enum WireGuardImpl {
    KERNEL,
    USERSPACE
}
