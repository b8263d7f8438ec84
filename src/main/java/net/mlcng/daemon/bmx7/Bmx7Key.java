package net.mlcng.daemon.bmx7;

import java.util.Map;

/**
 * One {@code KEYS} row: a node key this daemon knows, how it trusts it ({@code assessedState},
 * e.g. {@code neighboringAlien}) and, once resolved, its primary address and hop distance.
 */
public record Bmx7Key(
        String shortId,
        String nodeId,
        String name,
        String assessedState,
        Integer preference,
        String nodeKey,
        String primaryIp,
        Integer hops) {

    static Bmx7Key from(Map<String, String> row) {
        Fields f = new Fields("key", row);
        return new Bmx7Key(
                f.required("shortId"),
                f.required("nodeId"),
                f.text("name"),
                f.text("assessedState"),
                f.integer("pref"),
                f.text("nodeKey"),
                f.text("primaryIp"),
                f.integer("hops"));
    }
}
