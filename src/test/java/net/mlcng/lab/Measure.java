package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.mlcng.daemon.NodeExec.ExecResult;

/** Traffic measurements inside a lab's nodes (ping, iperf3, interface counters) for the link tests. */
final class Measure {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
    private static final Pattern STAMPED_REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)] \\d+ bytes from");

    private final LabEngine engine;
    private final String lab;

    Measure(LabEngine engine, String lab) {
        this.engine = engine;
        this.lab = lab;
    }

    ExecResult exec(String node, Duration timeout, String... command) {
        return engine.exec(lab, node, List.of(command), timeout).get(node);
    }

    /** The IPv6 link-local address of {@code node}'s interface {@code iface}. */
    String linkLocal(String node, String iface) {
        ExecResult r = exec(node, Duration.ofSeconds(10), "sh", "-c",
                "ip -6 -o addr show dev " + iface + " scope link | awk '{print $4}' | cut -d/ -f1");
        assertThat(r.ok()).as(r.stderr()).isTrue();
        assertThat(r.stdout().strip()).startsWith("fe80:");
        return r.stdout().strip();
    }

    record PingResult(int transmitted, int received) {
        double lossPercent() {
            return 100.0 * (transmitted - received) / transmitted;
        }
    }

    /** {@code count} pings 2 ms apart from {@code from} out of its interface {@code iface} to a link-local address. */
    PingResult ping(String from, String iface, String target, int count) {
        ExecResult r = exec(from, Duration.ofSeconds(120), "ping", "-q", "-c", String.valueOf(count), "-i", "0.002", "-W", "1",
                target + "%" + iface);
        Matcher m = SUMMARY.matcher(r.stdout());
        assertThat(m.find()).as("ping summary in: " + r.stdout() + r.stderr()).isTrue();
        return new PingResult(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Epoch milliseconds of every reply of a timestamped ping ({@code ping -D}). */
    static List<Long> replyTimes(String pingOutput) {
        List<Long> times = new ArrayList<>();
        for (String line : pingOutput.lines().toList()) {
            Matcher m = STAMPED_REPLY.matcher(line);
            if (m.find()) times.add(Math.round(Double.parseDouble(m.group(1)) * 1000));
        }
        return times;
    }

    /** Packets received so far on {@code node}'s interface {@code iface}. */
    long rxPackets(String node, String iface) {
        ExecResult r = exec(node, Duration.ofSeconds(10), "cat", "/sys/class/net/" + iface + "/statistics/rx_packets");
        assertThat(r.ok()).as(r.stderr()).isTrue();
        return Long.parseLong(r.stdout().strip());
    }

    /**
     * iperf3 TCP throughput from {@code from} to {@code to}, bits per second received. The
     * one-shot server is (re)started for every attempt: an attempt that raced its start is retried.
     */
    double iperf(String from, String iface, String to, String target) {
        String last = "";
        for (int attempt = 0; attempt < 5; attempt++) {
            ExecResult server = exec(to, Duration.ofSeconds(10), "sh", "-c", "pkill -x iperf3; iperf3 -s -1 -D");
            assertThat(server.ok()).as(server.stderr()).isTrue();
            sleep(Duration.ofMillis(300));
            ExecResult client = exec(from, Duration.ofSeconds(60), "iperf3", "-c", target + "%" + iface, "-t", "6", "-O", "1", "-J");
            try {
                var json = new ObjectMapper().readTree(client.stdout());
                double bps = json.path("end").path("sum_received").path("bits_per_second").asDouble();
                if (client.ok() && !json.has("error") && bps > 0) return bps;
                last = json.path("error").asText(client.stderr());
            } catch (IOException e) {
                last = "unreadable iperf3 output: " + client.stdout() + client.stderr();
            }
        }
        throw new AssertionError("iperf3 from " + from + " to " + to + " failed 5 times, last: " + last);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
