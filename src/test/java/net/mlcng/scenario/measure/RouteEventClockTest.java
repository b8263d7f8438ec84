package net.mlcng.scenario.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.mlcng.image.NodeImages;
import net.mlcng.util.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The route-event timestamps against independent clocks, in a node container: `date` taken just
 * before and after `ip route add`, and tcpdump's capture time of the first packet that uses the new
 * route (the ARP request for its next hop). The parsed event must fall inside that window, within
 * the 100 ms resolution the measurements promise.
 */
@Tag("docker")
class RouteEventClockTest {
    static final String CONTAINER = "scenario-clockcheck-" + ProcessHandle.current().pid();

    @AfterEach
    void removeContainer() {
        Processes.run(List.of("docker", "rm", "-f", CONTAINER), Duration.ofSeconds(30));
    }

    @Test
    void routeEventIsStampedWithin100msOfTheChange() {
        String script = String.join("\n",
                "ip link add v0 type veth peer name v1 && ip link set v0 up && ip link set v1 up && ip addr add 10.77.0.1/24 dev v0",
                "ip -ts monitor route > /tmp/mon.txt 2>&1 & MON=$!",
                "tcpdump -i v0 -n -tt -l arp > /tmp/cap.txt 2>/dev/null & CAP=$!",
                "sleep 1",
                "echo before $(date +%s.%N)",
                "ip route add 10.88.0.9/32 via 10.77.0.2 dev v0 proto static",
                "echo after $(date +%s.%N)",
                "ping -c 1 -W 1 10.88.0.9 >/dev/null 2>&1",
                "sleep 0.5; kill $MON $CAP; sleep 0.2",
                "echo MONITOR; cat /tmp/mon.txt; echo CAPTURE; cat /tmp/cap.txt");
        Processes.Result r = Processes.run(List.of("docker", "run", "--rm", "--name", CONTAINER, "--network", "none",
                "--cap-add", "NET_ADMIN", "--cap-add", "NET_RAW", NodeImages.DEFAULT_TAG, "sh", "-c", script), Duration.ofSeconds(90));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String out = r.stdout();
        Instant before = epoch(line(out, "before "));
        Instant after = epoch(line(out, "after "));
        String monitor = out.substring(out.indexOf("MONITOR\n") + 8, out.indexOf("CAPTURE\n"));
        String capture = out.substring(out.indexOf("CAPTURE\n") + 8).strip().lines().findFirst().orElseThrow();
        Instant firstPacket = epoch(capture.substring(0, capture.indexOf(' ')));

        List<RouteEvent> events = RouteMonitorParser.parse("c", monitor, ZoneOffset.UTC);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.destination()).isEqualTo("10.88.0.9"));
        Instant event = events.get(0).at();
        System.out.printf("route added in [%s, %s]; monitor stamped %s (+%d us after the command returned); first packet %s%n",
                before, after, event, Duration.between(after, event).toNanos() / 1000, firstPacket);
        assertThat(event).isAfterOrEqualTo(before.minusMillis(1)); // date prints the same clock, truncation aside
        assertThat(Duration.between(after, event)).isLessThan(Duration.ofMillis(100));
        assertThat(Duration.between(event, firstPacket).abs()).isLessThan(Duration.ofMillis(100));
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length()).strip();
    }

    private static Instant epoch(String secondsDotFraction) {
        String[] p = secondsDotFraction.split("\\.");
        return Instant.ofEpochSecond(Long.parseLong(p[0]), Long.parseLong((p[1] + "000000000").substring(0, 9)));
    }
}
