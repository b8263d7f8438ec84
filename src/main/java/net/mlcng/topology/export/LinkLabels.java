package net.mlcng.topology.export;

import java.util.ArrayList;
import java.util.List;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Units;

/** Short human-readable descriptions of link impairments, shared by the drawing formats. */
final class LinkLabels {
    private LinkLabels() {}

    /** e.g. "10% 10mbit 5ms", or "a>b 10% / b>a 20%" when the directions differ; "" when unimpaired. */
    static String of(LinkProps aToB, LinkProps bToA) {
        if (aToB.equals(bToA)) return describe(aToB);
        return "a>b " + orNone(describe(aToB)) + " / b>a " + orNone(describe(bToA));
    }

    static String describe(LinkProps p) {
        List<String> parts = new ArrayList<>();
        if (p.lossPercent() != null) parts.add(Units.formatLoss(p.lossPercent()));
        if (p.rateBitsPerSecond() != null) parts.add(Units.formatRate(p.rateBitsPerSecond()));
        if (p.delay() != null) parts.add(Units.formatDuration(p.delay()));
        if (p.jitter() != null) parts.add("±" + Units.formatDuration(p.jitter()));
        return String.join(" ", parts);
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
