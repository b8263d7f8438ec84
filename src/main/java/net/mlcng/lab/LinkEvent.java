package net.mlcng.lab;

import java.time.Duration;
import net.mlcng.topology.Units;

/**
 * One timed step of a link schedule, {@code at} after the schedule starts: the link goes down,
 * comes up, or gets loss {@code lossPercent} on the directions flagged.
 */
public record LinkEvent(Duration at, LinkRef link, Kind kind, Double lossPercent, boolean aToB, boolean bToA) {
    public enum Kind { DOWN, UP, LOSS }

    public static LinkEvent down(Duration at, LinkRef link) {
        return new LinkEvent(at, link, Kind.DOWN, null, true, true);
    }

    public static LinkEvent up(Duration at, LinkRef link) {
        return new LinkEvent(at, link, Kind.UP, null, true, true);
    }

    public static LinkEvent loss(Duration at, LinkRef link, double percent, boolean aToB, boolean bToA) {
        return new LinkEvent(at, link, Kind.LOSS, percent, aToB, bToA);
    }

    public String describe() {
        return switch (kind) {
            case DOWN -> link + " down";
            case UP -> link + " up";
            case LOSS -> link + " loss " + Units.formatLoss(lossPercent) + " "
                    + (aToB && bToA ? "both ways" : aToB ? link.a() + "->" + link.b() : link.b() + "->" + link.a());
        };
    }
}
