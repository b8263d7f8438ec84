package net.mlcng.daemon.bmx7;

import java.util.Map;

/**
 * One {@code ORIGINATORS} row: a node this daemon knows, how it routes there ({@code dev}, the
 * next-hop neighbour, {@code hops}) and the path metric in bits/s. The node itself has hops 0 and
 * no device. {@code nodeId} and {@code assessedState} appear only with {@code /r=1} or in json.
 */
public record Bmx7Originator(
        String shortId,
        String nodeId,
        String name,
        String assessedState,
        String primaryIp,
        String dev,
        String nextHopShortId,
        String nextHopName,
        Long metricBitsPerSecond,
        Integer hops,
        Integer lastRefSeconds) {

    static Bmx7Originator from(Map<String, String> row) {
        Fields f = new Fields("originator", row);
        return new Bmx7Originator(
                f.required("shortId"),
                f.text("nodeId"),
                f.required("name"),
                f.text("assessedState"),
                f.required("primaryIp"),
                f.text("dev"),
                f.text("nbShortId"),
                f.text("nbName"),
                f.rate("metric"),
                f.integer("hops"),
                f.integer("lastRef"));
    }

    /** The daemon's own entry: no outgoing device. */
    public boolean self() {
        return dev == null;
    }
}
