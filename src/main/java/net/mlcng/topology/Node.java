package net.mlcng.topology;

import java.util.List;
import java.util.Map;

/**
 * One emulated node, with defaults already applied: the routing daemon it runs, the image it runs
 * in, extra environment and extra daemon arguments (e.g. bmx7 {@code linkWindow=...}).
 */
public record Node(String name, String daemon, String image, Map<String, String> env, List<String> daemonArgs) {
    public Node {
        env = Map.copyOf(env);
        daemonArgs = List.copyOf(daemonArgs);
    }
}
