package net.mlcng.scenario.measure;

import java.time.Duration;
import java.time.Instant;

/**
 * Cumulative counters of one node read at one instant: routing-protocol bytes and packets (e.g.
 * from an nft counter on bmx7's port 6270 / babel's 6696), CPU time used by the node's processes
 * and its current memory use. Rates come from two samples.
 */
public record CounterSample(Instant at, long protocolBytes, long protocolPackets, Duration cpuTime, long memoryBytes) {
    /** Per-second rates between an earlier sample and this one. */
    public Rates ratesSince(CounterSample earlier) {
        double seconds = Duration.between(earlier.at, at).toNanos() / 1e9;
        if (seconds <= 0) throw new IllegalArgumentException("samples must be taken at increasing times");
        return new Rates(
                (protocolBytes - earlier.protocolBytes) / seconds,
                (protocolPackets - earlier.protocolPackets) / seconds,
                100.0 * (cpuTime.minus(earlier.cpuTime).toNanos() / 1e9) / seconds,
                memoryBytes);
    }

    /** cpuPercent is of one core (100 = one core busy all the time). */
    public record Rates(double bytesPerSecond, double packetsPerSecond, double cpuPercent, long memoryBytes) {}
}
