package net.mlcng.daemon.bmx7;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.mlcng.error.OperationFailedException;

/**
 * One point of a convergence or withdrawal time series: seconds since the event, the daemon's
 * {@code nodes=resolved/known} and the number of routes in bmx7's kernel table. Written and read
 * as {@code 71.4 nodes=4/5 rts70=3}.
 */
public record Bmx7Sample(double seconds, NodeCount nodes, int routes) {
    private static final Pattern LINE = Pattern.compile("(\\d+(?:\\.\\d+)?) nodes=(\\d+/\\d+) rts70=(\\d+)");

    public static Bmx7Sample parse(String line) {
        var m = LINE.matcher(line.strip());
        if (!m.matches()) {
            throw new OperationFailedException("not a bmx7 sample line ('SECONDS nodes=A/B rts70=N'): '" + line + "'");
        }
        return new Bmx7Sample(Double.parseDouble(m.group(1)), NodeCount.parse(m.group(2)), Integer.parseInt(m.group(3)));
    }

    public static List<Bmx7Sample> parseSeries(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(Bmx7Sample::parse).toList();
    }

    /** The first sample with fewer routes than the first one: when withdrawal became visible. */
    public static Optional<Bmx7Sample> firstRouteLoss(List<Bmx7Sample> series) {
        if (series.isEmpty()) {
            return Optional.empty();
        }
        int initial = series.get(0).routes();
        return series.stream().filter(s -> s.routes() < initial).findFirst();
    }

    public String format() {
        return String.format(Locale.ROOT, "%.1f nodes=%s rts70=%d", seconds, nodes, routes);
    }
}
