package net.mlcng.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import net.mlcng.error.OperationFailedException;
import net.mlcng.scenario.RunResult;
import net.mlcng.scenario.measure.Summary;
import net.mlcng.util.Plural;

/**
 * Writes a run's output directory: {@code results.json} (everything, machine-readable),
 * {@code metrics.csv} (one raw value per row, for spreadsheets and pandas) and {@code report.html}.
 */
public final class ResultsWriter {
    public static final String RESULTS_JSON = "results.json";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String REPORT_HTML = "report.html";
    /** Bumped when results.json changes incompatibly, so scripts can tell. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsWriter() {}

    public static void write(RunResult result, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(RESULTS_JSON), JSON.writeValueAsString(json(result)) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(METRICS_CSV), csv(result), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(REPORT_HTML), HtmlReport.render(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OperationFailedException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode json(RunResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT_VERSION);
        root.put("scenario", r.scenario());
        root.put("scenario_file", r.scenarioFile());
        root.put("daemon", r.daemon());
        ObjectNode topo = root.putObject("topology");
        topo.put("name", r.topology().name());
        topo.put("source", r.topologySource());
        topo.put("sha256", r.topologyHash());
        topo.put("nodes", r.topology().nodes().size());
        topo.put("links", r.topology().links().size());
        root.put("mlc_ng_version", r.version());
        ObjectNode host = root.putObject("host");
        new java.util.TreeMap<>(r.hostFacts()).forEach(host::put);
        root.put("started", r.started().toString());
        root.put("finished", r.finished().toString());
        ObjectNode reps = root.putObject("repetitions");
        reps.put("total", r.repetitions().size());
        reps.put("failed", r.failedRepetitions());
        ArrayNode list = reps.putArray("runs");
        for (RunResult.Repetition rep : r.repetitions()) {
            ObjectNode o = list.addObject();
            o.put("index", rep.index());
            o.put("ok", rep.ok());
            o.put("seconds", rep.seconds());
            if (!rep.ok()) {
                o.put("cause", rep.cause().name().toLowerCase(Locale.ROOT));
                o.put("message", rep.message());
                if (rep.line() != null) o.put("scenario_line", rep.line());
            }
        }
        ObjectNode metrics = root.putObject("metrics");
        r.statistics().forEach((name, s) -> {
            ObjectNode m = metrics.putObject(name);
            m.set("statistics", stats(s));
            ArrayNode raw = m.putArray("values");
            r.values().stream().filter(v -> v.metric().equals(name)).forEach(v -> {
                ObjectNode o = raw.addObject();
                o.put("repetition", v.repetition());
                if (!v.subject().isEmpty()) o.put("subject", v.subject());
                o.put("value", v.value());
            });
        });
        ArrayNode asserts = root.putArray("asserts");
        for (RunResult.AssertOutcome a : r.asserts()) {
            ObjectNode o = asserts.addObject();
            o.put("assert", a.assertion());
            o.put("scenario_line", a.line());
            if (a.value() != null) o.put("value", a.value());
            else o.putNull("value");
            o.put("passed", a.passed());
            o.put("message", a.message());
        }
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return root;
    }

    private static ObjectNode stats(Summary s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("count", s.count());
        o.put("min", s.min());
        o.put("median", s.median());
        o.put("p95", s.p95());
        o.put("max", s.max());
        o.put("mean", s.mean());
        return o;
    }

    /** metric,repetition,subject,value; repetition 0 marks run-wide values; values of failed repetitions are included. */
    static String csv(RunResult r) {
        java.util.Set<Integer> failed = new java.util.HashSet<>();
        r.repetitions().stream().filter(x -> !x.ok()).forEach(x -> failed.add(x.index()));
        StringBuilder b = new StringBuilder("metric,repetition,subject,value,repetition_failed\n");
        for (RunResult.MetricValue v : r.values()) {
            b.append(v.metric()).append(',').append(v.repetition()).append(',').append(csvField(v.subject())).append(',')
                    .append(v.value()).append(',').append(failed.contains(v.repetition())).append('\n');
        }
        return b.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** The summary lines the CLI prints at the end: one per metric with its statistics. */
    public static String summary(RunResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %s, %d failed%n", r.scenario(), Plural.of(r.repetitions().size(), "repetition"), r.failedRepetitions()));
        for (Map.Entry<String, Summary> e : r.statistics().entrySet()) {
            Summary s = e.getValue();
            b.append(String.format(Locale.ROOT, "  %-28s n=%-5d min %-10s median %-10s p95 %-10s max %s%n", e.getKey(), s.count(),
                    Summary.format(s.min()), Summary.format(s.median()), Summary.format(s.p95()), Summary.format(s.max())));
        }
        for (RunResult.AssertOutcome a : r.asserts()) {
            b.append(a.passed() ? "  PASS " : "  FAIL ").append(a.message()).append('\n');
        }
        r.warnings().forEach(w -> b.append("  warning: ").append(w).append('\n'));
        return b.toString();
    }
}
