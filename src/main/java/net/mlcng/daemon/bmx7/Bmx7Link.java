package net.mlcng.daemon.bmx7;

import java.util.Map;

/**
 * One {@code LINKS} row: a neighbour seen on {@code dev}, its link-local address, receive/transmit
 * quality in percent, and rates in bits/s (null when bmx7 has not measured them).
 */
public record Bmx7Link(
        String shortId,
        String name,
        String linkKey,
        String neighbourLocalIp,
        String dev,
        Integer routes,
        Integer rxQuality,
        Integer txQuality,
        Long rxRate,
        Long txRate) {

    static Bmx7Link from(Map<String, String> row) {
        Fields f = new Fields("link", row);
        return new Bmx7Link(
                f.required("shortId"),
                f.required("name"),
                f.text("linkKey"),
                f.required("nbLocalIp"),
                f.required("dev"),
                f.integer("rts"),
                f.integer("rq"),
                f.integer("tq"),
                f.rate("rxRate"),
                f.rate("txRate"));
    }
}
