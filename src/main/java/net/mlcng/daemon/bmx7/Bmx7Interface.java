package net.mlcng.daemon.bmx7;

import java.util.Map;

/** One {@code INTERFACES} row: a mesh device bmx7 uses, its state, link-local address and routes via it. */
public record Bmx7Interface(
        String dev,
        String state,
        String linkKey,
        String type,
        Long rateMax,
        String localIp,
        Integer routes,
        Integer helloSqn) {

    static Bmx7Interface from(Map<String, String> row) {
        Fields f = new Fields("interface", row);
        return new Bmx7Interface(
                f.required("dev"),
                f.required("state"),
                f.text("linkKey"),
                f.text("type"),
                f.rate("rateMax"),
                f.text("localIp"),
                f.integer("rts"),
                f.integer("helloSqn"));
    }

    public boolean up() {
        return "UP".equals(state);
    }
}
