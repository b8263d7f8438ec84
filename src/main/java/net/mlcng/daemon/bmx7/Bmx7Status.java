package net.mlcng.daemon.bmx7;

import java.time.Duration;
import java.util.Map;

/**
 * One node's {@code STATUS} row. {@code nodeId} is only printed with {@code /r=1} or in json
 * (else null); tunnel addresses are null unless the tun plugin configured them.
 */
public record Bmx7Status(
        String shortId,
        String nodeId,
        String name,
        String nodeKey,
        String primaryIp,
        String tun6Address,
        String tun4Address,
        Duration uptime,
        double cpuPercent,
        String txQueue,
        int neighbours,
        int routes,
        NodeCount nodes) {

    static Bmx7Status from(Map<String, String> row) {
        Fields f = new Fields("status", row);
        return new Bmx7Status(
                f.required("shortId"),
                f.text("nodeId"),
                f.required("name"),
                f.text("nodeKey"),
                f.required("primaryIp"),
                f.text("tun6Address"),
                f.text("tun4Address"),
                f.uptime("uptime"),
                f.decimal("cpu"),
                f.text("txQ"),
                f.requiredInt("nbs"),
                f.requiredInt("rts"),
                f.nodeCount("nodes"));
    }
}
