package net.mlcng.daemon.bmx7;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.mlcng.error.OperationFailedException;

/**
 * bmx7 refused a {@code show=}/{@code list=} view, which happens when the view belongs to a plugin
 * the daemon was started without (e.g. {@code topology}, {@code tunnels}). Callers can fall back
 * to another view; the message names the view, the plugin when known and the views bmx7 offers.
 */
public final class Bmx7ViewUnavailableException extends OperationFailedException {
    private static final Pattern INVALID_ARGUMENT = Pattern.compile("invalid argument: (\\S+)");
    private static final Pattern ONE_OF = Pattern.compile("must be one of: (.*)$", Pattern.MULTILINE);
    /** Views documented as plugin-provided (bmx7 doc/Usage.md, parameter listing). */
    private static final Map<String, String> PLUGIN_OF_VIEW = Map.of(
            "topology", "bmx7_topology.so",
            "tunnels", "bmx7_tun.so");

    private final String view;
    private final List<String> availableViews;

    public Bmx7ViewUnavailableException(String view, List<String> availableViews) {
        super(message(view, availableViews));
        this.view = view;
        this.availableViews = List.copyOf(availableViews);
    }

    /** The view bmx7 refused, or null when its error did not name it. */
    public String view() {
        return view;
    }

    /** The views this daemon offers, as bmx7 listed them. */
    public List<String> availableViews() {
        return availableViews;
    }

    /** The plugin that provides the refused view, or null when not known. */
    public String plugin() {
        return view == null ? null : PLUGIN_OF_VIEW.get(view);
    }

    static Bmx7ViewUnavailableException fromErrorOutput(String text) {
        var arg = INVALID_ARGUMENT.matcher(text);
        String view = arg.find() ? arg.group(1) : null;
        var oneOf = ONE_OF.matcher(text);
        List<String> views = oneOf.find() ? Arrays.asList(oneOf.group(1).strip().split("\\s+")) : List.of();
        return new Bmx7ViewUnavailableException(view, views);
    }

    private static String message(String view, List<String> views) {
        String plugin = view == null ? null : PLUGIN_OF_VIEW.get(view);
        return "bmx7 refused view '" + view + "'"
                + (plugin == null ? " (it needs a plugin that is not loaded)" : " (it needs plugin " + plugin + ", start bmx7 with plugin=" + plugin + ")")
                + "; views available: " + String.join(" ", views);
    }
}
