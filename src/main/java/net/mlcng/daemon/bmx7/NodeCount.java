package net.mlcng.daemon.bmx7;

import java.util.regex.Pattern;
import net.mlcng.error.OperationFailedException;

/** bmx7's {@code nodes=A/B}: A originators resolved (description known) out of B node keys known, itself included. */
public record NodeCount(int resolved, int known) {
    private static final Pattern FORM = Pattern.compile("(\\d+)/(\\d+)");

    public static NodeCount parse(String text) {
        var m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new OperationFailedException("bmx7 node count '" + text + "' is not 'resolved/known'");
        }
        return new NodeCount(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Every known node is resolved. */
    public boolean complete() {
        return resolved == known;
    }

    @Override
    public String toString() {
        return resolved + "/" + known;
    }
}
