package net.mlcng.lab;

import java.time.Duration;
import net.mlcng.topology.LinkProps;

/**
 * A live change of one direction's impairments: null fields keep the current value; loss 0, rate
 * 0 and zero durations remove that impairment.
 */
public record LinkChange(Double lossPercent, Long rateBitsPerSecond, Duration delay, Duration jitter) {
    public LinkProps applyTo(LinkProps current) {
        LinkProps p = current.overriddenBy(new LinkProps(lossPercent, rateBitsPerSecond, delay, jitter));
        return new LinkProps(
                p.lossPercent() == null || p.lossPercent() == 0 ? null : p.lossPercent(),
                p.rateBitsPerSecond() == null || p.rateBitsPerSecond() == 0 ? null : p.rateBitsPerSecond(),
                p.delay() == null || p.delay().isZero() ? null : p.delay(),
                p.jitter() == null || p.jitter().isZero() ? null : p.jitter());
    }

    public boolean isEmpty() {
        return lossPercent == null && rateBitsPerSecond == null && delay == null && jitter == null;
    }
}
