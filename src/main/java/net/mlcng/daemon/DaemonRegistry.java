package net.mlcng.daemon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.mlcng.daemon.babel.BabeldDriver;
import net.mlcng.daemon.bmx7.Bmx7Driver;
import net.mlcng.error.UsageException;

/** The routing daemons mlc-ng knows, by the name topology files use. */
public final class DaemonRegistry {
    /** The daemon of a node that runs no routing daemon (the lab starts nothing; link tests use static routes). */
    public static final String NONE = "none";

    /** Every driver, one line each (an explicit list: no class-loading order or static-init surprises). */
    private static final List<RoutingDaemon> DRIVERS = List.of(
            new BabeldDriver(),
            new Bmx7Driver());

    private static final Map<String, RoutingDaemon> DAEMONS = new LinkedHashMap<>();

    static {
        for (RoutingDaemon d : DRIVERS) DAEMONS.put(d.name(), d);
    }

    private DaemonRegistry() {}

    public static List<String> names() {
        return List.copyOf(DAEMONS.keySet());
    }

    public static boolean isKnown(String name) {
        return DAEMONS.containsKey(name);
    }

    /** The driver named so, or a usage error that lists the known daemons. */
    public static RoutingDaemon get(String name) {
        RoutingDaemon d = DAEMONS.get(name);
        if (d == null) {
            throw new UsageException("unknown daemon '" + name + "'; known daemons: " + String.join(", ", names()));
        }
        return d;
    }
}
