package net.mlcng.topology;

import java.time.Duration;

/**
 * Impairments of one direction of a link (or of one pair on a shared medium). A null field is
 * unset: no impairment of that kind. Loss is in percent (0..100), rate in bits per second.
 */
public record LinkProps(Double lossPercent, Long rateBitsPerSecond, Duration delay, Duration jitter) {
    public static final LinkProps NONE = new LinkProps(null, null, null, null);

    /** These properties with every field that {@code override} sets replaced by its value. */
    public LinkProps overriddenBy(LinkProps override) {
        if (override == null) return this;
        return new LinkProps(
                override.lossPercent != null ? override.lossPercent : lossPercent,
                override.rateBitsPerSecond != null ? override.rateBitsPerSecond : rateBitsPerSecond,
                override.delay != null ? override.delay : delay,
                override.jitter != null ? override.jitter : jitter);
    }

    public boolean isEmpty() {
        return lossPercent == null && rateBitsPerSecond == null && delay == null && jitter == null;
    }
}
