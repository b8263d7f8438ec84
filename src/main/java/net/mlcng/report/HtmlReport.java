package net.mlcng.report;

import static net.mlcng.report.SvgPlots.esc;
import static net.mlcng.report.SvgPlots.fmt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.mlcng.scenario.RunResult;
import net.mlcng.scenario.measure.Summary;
import net.mlcng.topology.export.SvgExporter;
import net.mlcng.util.Plural;

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) with the
 * run's facts, asserts, failed repetitions, the topology drawing, the plots and every metric's
 * statistics. It opens from a CI artifact or a laptop without network.
 */
public final class HtmlReport {
    private HtmlReport() {}

    private static final String CSS = """
            body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}
            h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
            th{background:#f3f3f3}.pass{color:#1a7f37;font-weight:bold}.fail{color:#c62828;font-weight:bold}
            .warn{background:#fff4e5;border:1px solid #f0b429;padding:6px 10px}.num{text-align:right;font-variant-numeric:tabular-nums}
            .topology svg{max-width:100%;height:auto;border:1px solid #eee}
            """;

    public static String render(RunResult r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc("mlc-ng: " + r.scenario())).append("</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>").append(esc(r.scenario())).append("</h1>\n");
        facts(h, r);
        for (String w : r.warnings()) h.append("<p class=\"warn\">").append(esc(w)).append("</p>\n");
        asserts(h, r);
        repetitions(h, r);
        String drawing = SvgExporter.export(r.topology());
        // Inline SVG must not carry the standalone file's XML declaration.
        h.append("<h2>Topology</h2>\n<div class=\"topology\">").append(drawing.substring(drawing.indexOf("<svg"))).append("</div>\n");
        convergence(h, r);
        tunnels(h, r);
        outages(h, r);
        metrics(h, r);
        return h.append("</body></html>\n").toString();
    }

    private static void facts(StringBuilder h, RunResult r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("scenario file", r.scenarioFile());
        f.put("daemon", r.daemon());
        f.put("topology", r.topology().name() + " (" + Plural.of(r.topology().nodes().size(), "node") + ", "
                + Plural.of(r.topology().links().size(), "link") + ") from " + r.topologySource());
        f.put("topology sha256", r.topologyHash());
        f.put("mlc-ng", r.version());
        f.put("started", r.started().toString());
        f.put("finished", r.finished().toString());
        new java.util.TreeMap<>(r.hostFacts()).forEach((k, v) -> f.put("host " + k, v));
        h.append("<table>\n");
        f.forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(String.valueOf(v))).append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private static void asserts(StringBuilder h, RunResult r) {
        if (r.asserts().isEmpty()) return;
        h.append("<h2>Asserts</h2>\n<table><tr><th></th><th>assert</th><th>line</th><th>result</th></tr>\n");
        for (RunResult.AssertOutcome a : r.asserts()) {
            h.append("<tr><td class=\"").append(a.passed() ? "pass\">PASS" : "fail\">FAIL").append("</td><td>").append(esc(a.assertion()))
                    .append("</td><td class=\"num\">").append(a.line()).append("</td><td>").append(esc(a.message())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void repetitions(StringBuilder h, RunResult r) {
        h.append("<h2>Repetitions</h2>\n<p>").append(r.repetitions().size()).append(" run, <span class=\"")
                .append(r.failedRepetitions() == 0 ? "pass" : "fail").append("\">").append(r.failedRepetitions())
                .append(" failed</span>. Failed repetitions are counted here and left out of the statistics.</p>\n");
        if (r.failedRepetitions() == 0) return;
        Map<String, Long> byCause = r.repetitions().stream().filter(x -> !x.ok())
                .collect(Collectors.groupingBy(x -> x.cause().name().toLowerCase(Locale.ROOT), java.util.TreeMap::new, Collectors.counting()));
        h.append("<p>By cause: ").append(esc(byCause.toString())).append("</p>\n");
        h.append("<table><tr><th>repetition</th><th>cause</th><th>step line</th><th>message</th></tr>\n");
        for (RunResult.Repetition x : r.repetitions()) {
            if (x.ok()) continue;
            h.append("<tr><td class=\"num\">").append(x.index()).append("</td><td>").append(esc(x.cause().name().toLowerCase(Locale.ROOT)))
                    .append("</td><td class=\"num\">").append(x.line() == null ? "" : x.line()).append("</td><td>")
                    .append(esc(x.message())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static Set<Integer> okRepetitions(RunResult r) {
        return r.repetitions().stream().filter(RunResult.Repetition::ok).map(RunResult.Repetition::index).collect(Collectors.toSet());
    }

    private static void convergence(StringBuilder h, RunResult r) {
        Map<String, List<RunResult.ConvergenceTrace>> byMetric = new LinkedHashMap<>();
        r.convergenceTraces().forEach(t -> byMetric.computeIfAbsent(t.metric(), k -> new ArrayList<>()).add(t));
        for (var e : byMetric.entrySet()) {
            List<SvgPlots.Series> series = new ArrayList<>();
            double xMax = 0.1;
            int nodes = 1;
            Set<Integer> ok = okRepetitions(r);
            for (RunResult.ConvergenceTrace t : e.getValue()) {
                List<double[]> pts = t.timeline().stream().map(p -> new double[] {p.seconds(), p.nodesFull()}).toList();
                for (double[] p : pts) xMax = Math.max(xMax, p[0]);
                nodes = Math.max(nodes, t.nodes());
                series.add(new SvgPlots.Series("repetition " + t.repetition() + (ok.contains(t.repetition()) ? "" : " (failed)"), pts));
            }
            h.append("<h2>Route convergence: ").append(esc(e.getKey())).append("</h2>\n");
            h.append(SvgPlots.steps("Nodes with a full routing table", "seconds since the event (daemons started, link or node change)",
                    "nodes with full table", series, xMax * 1.05, nodes));
        }
    }

    private static void tunnels(StringBuilder h, RunResult r) {
        Set<Integer> ok = okRepetitions(r);
        for (String metric : List.of("tunnel_ping_s", "tunnel_handshake_s")) {
            List<Double> v = r.values().stream().filter(x -> x.metric().equals(metric) && ok.contains(x.repetition()))
                    .map(RunResult.MetricValue::value).toList();
            if (v.isEmpty()) continue;
            Summary s = Summary.of(v);
            if (metric.equals("tunnel_ping_s")) h.append("<h2>Tunnel setup</h2>\n");
            // The title names the event, the axis the span: both stay short enough to show whole.
            String until = metric.equals("tunnel_ping_s") ? "first ping reply through the tunnel" : "first handshake";
            String unit = metric.equals("tunnel_ping_s") ? "" : " (wg reports whole seconds)";
            h.append(SvgPlots.histogram("Tunnel setup: " + until + " (" + Plural.of(v.size(), "pair") + ")",
                    "seconds from configuration applied to " + until + unit, v, s.median(), s.p95()));
        }
    }

    private static void outages(StringBuilder h, RunResult r) {
        if (r.outageTraces().isEmpty()) return;
        List<SvgPlots.OutageRow> rows = r.outageTraces().stream()
                .map(t -> new SvgPlots.OutageRow("rep " + t.repetition() + " " + t.pair(), t.replySeconds(), t.eventSeconds(),
                        t.outageStartSeconds(), t.outageEndSeconds()))
                .toList();
        h.append("<h2>Route recovery</h2>\n<p>Each tick is a ping reply; the shaded span is the outage (last reply before to first reply after), "
                + "the dashed line the failure step.</p>\n");
        h.append(SvgPlots.outages("Ping replies across the failure", rows));
    }

    private static void metrics(StringBuilder h, RunResult r) {
        h.append("<h2>Metrics</h2>\n<p>Over successful repetitions; every raw value is in results.json and metrics.csv. "
                + "Percentiles interpolate linearly between closest ranks.</p>\n");
        h.append("<table><tr><th>metric</th><th>n</th><th>min</th><th>median</th><th>p95</th><th>max</th><th>mean</th></tr>\n");
        r.statistics().forEach((name, s) -> h.append("<tr><td>").append(esc(name)).append("</td><td class=\"num\">").append(s.count())
                .append("</td><td class=\"num\">").append(fmt(s.min())).append("</td><td class=\"num\">").append(fmt(s.median()))
                .append("</td><td class=\"num\">").append(fmt(s.p95())).append("</td><td class=\"num\">").append(fmt(s.max()))
                .append("</td><td class=\"num\">").append(fmt(s.mean())).append("</td></tr>\n"));
        h.append("</table>\n");
    }
}
