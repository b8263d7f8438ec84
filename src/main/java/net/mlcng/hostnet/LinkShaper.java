package net.mlcng.hostnet;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import net.mlcng.topology.LinkProps;

/**
 * The one way link impairments reach the kernel, per interface egress (the sending side of a
 * direction). Implementations may differ in how they delay packets (netem today; a netem-less
 * mechanism can be added behind this interface).
 */
public interface LinkShaper {
    /**
     * Throws {@link net.mlcng.error.EnvironmentException} when this kernel cannot emulate one of
     * {@code wanted}; called before anything is created or changed.
     */
    void check(Collection<LinkProps> wanted);

    /**
     * Makes each namespace's egress impairments exactly the given ones: listed interfaces get
     * theirs, every other interface of the namespace is cleared. One tool process per namespace
     * and tool, namespaces in parallel.
     */
    void apply(Map<String, List<EgressShaping>> byNamespace);

    /** The impairments the kernel holds in namespace {@code ns}, per interface that has any. */
    List<EgressState> show(String ns);
}
