package net.mlcng.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.mlcng.image.NodeImages;

/**
 * What a node gets when it does not say otherwise: daemon, image, environment and daemon
 * arguments (a file's {@code defaults:} block, or a generator's options).
 */
public record NodeDefaults(String daemon, String image, Map<String, String> env, List<String> daemonArgs) {
    /** The daemon a node runs when neither it nor the defaults name one. */
    public static final String DEFAULT_DAEMON = "babeld";

    public static final NodeDefaults BUILT_IN = new NodeDefaults(DEFAULT_DAEMON, NodeImages.DEFAULT_TAG, Map.of(), List.of());

    public NodeDefaults {
        env = Map.copyOf(env);
        daemonArgs = List.copyOf(daemonArgs);
    }

    public static NodeDefaults withDaemon(String daemon) {
        return new NodeDefaults(daemon, NodeImages.DEFAULT_TAG, Map.of(), List.of());
    }

    /** A node of this name with these defaults. */
    public Node node(String name) {
        return new Node(name, daemon, image, new LinkedHashMap<>(env), daemonArgs);
    }
}
