package net.mlcng.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random link failures: failures arrive as a Poisson process of {@code failuresPerMinute}
 * over the whole lab, each takes a link that is up (uniformly) down for between half and one and
 * a half times {@code meanDowntime}. The same seed and links give the same plan; every link is
 * up again by the end of {@code duration}.
 */
public final class ChaosPlan {
    private final List<LinkRef> links;
    private final long seed;
    private final double failuresPerMinute;
    private final Duration meanDowntime;
    private final Duration duration;

    public ChaosPlan(List<LinkRef> links, long seed, double failuresPerMinute, Duration meanDowntime, Duration duration) {
        if (links.isEmpty()) throw new IllegalArgumentException("the lab has no links to fail");
        if (!(failuresPerMinute > 0) || Double.isInfinite(failuresPerMinute)) {
            throw new IllegalArgumentException("fail rate must be a positive number of failures per minute, got " + failuresPerMinute);
        }
        LinkSchedules.positive(meanDowntime, "down time");
        LinkSchedules.positive(duration, "duration");
        this.links = List.copyOf(links);
        this.seed = seed;
        this.failuresPerMinute = failuresPerMinute;
        this.meanDowntime = meanDowntime;
        this.duration = duration;
    }

    public List<LinkEvent> events() {
        Random random = new Random(seed);
        Map<LinkRef, Long> downUntil = new HashMap<>();
        List<LinkEvent> events = new ArrayList<>();
        double meanGapNanos = 60e9 / failuresPerMinute;
        long end = duration.toNanos();
        long t = 0;
        while (true) {
            t += (long) (-Math.log(1 - random.nextDouble()) * meanGapNanos);
            if (t >= end) break;
            long now = t;
            List<LinkRef> up = links.stream().filter(l -> downUntil.getOrDefault(l, -1L) < now).toList();
            if (up.isEmpty()) continue;
            LinkRef victim = up.get(random.nextInt(up.size()));
            long until = Math.min(end, now + (long) (meanDowntime.toNanos() * (0.5 + random.nextDouble())));
            downUntil.put(victim, until);
            events.add(LinkEvent.down(Duration.ofNanos(now), victim));
            events.add(LinkEvent.up(Duration.ofNanos(until), victim));
        }
        events.sort(Comparator.comparing(LinkEvent::at));
        return events;
    }
}
