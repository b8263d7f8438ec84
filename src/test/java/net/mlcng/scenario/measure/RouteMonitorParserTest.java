package net.mlcng.scenario.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against output recorded with ip monitor in a scratch network namespace on this host. */
class RouteMonitorParserTest {
    @Test
    void shortTimestampFormat() {
        List<RouteEvent> e = RouteMonitorParser.parse("n1", Fixtures.read("ip-ts-monitor-route.txt"), ZoneOffset.UTC);
        assertThat(e).hasSize(13);
        RouteEvent first = e.get(0);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-11-25T03:04:32.842852Z"));
        assertThat(first).isEqualTo(new RouteEvent("n1", first.at(), false, "10.1.0.5", "main", "babel", "unicast"));
        assertThat(e.get(1).table()).isEqualTo("70");
        assertThat(e.get(5).deleted()).isTrue();
        assertThat(e.get(5).destination()).isEqualTo("10.1.0.5");
        RouteEvent local = e.get(10);
        assertThat(local.type()).isEqualTo("local");
        assertThat(local.table()).isEqualTo("local");
        assertThat(local.isForwarding()).isFalse();
        assertThat(e.get(8).isForwarding()).as("kernel connected route").isFalse();
        assertThat(e.get(2).isForwarding()).isTrue();
    }

    @Test
    void longTimestampFormatGivesTheSameEvents() {
        List<RouteEvent> lng = RouteMonitorParser.parse("n1", Fixtures.read("ip-timestamp-monitor-route.txt"), ZoneOffset.UTC);
        List<RouteEvent> shrt = RouteMonitorParser.parse("n1", Fixtures.read("ip-ts-monitor-route.txt"), ZoneOffset.UTC);
        assertThat(lng).hasSize(shrt.size());
        assertThat(lng.get(0).at()).isEqualTo(Instant.parse("2026-11-25T03:04:32.843015Z"));
        for (int i = 0; i < lng.size(); i++) {
            assertThat(lng.get(i).destination()).isEqualTo(shrt.get(i).destination());
            assertThat(lng.get(i).deleted()).isEqualTo(shrt.get(i).deleted());
            // Two monitors saw the same kernel event; their stamps differ by scheduling only.
            assertThat(Math.abs(lng.get(i).at().toEpochMilli() - shrt.get(i).at().toEpochMilli())).isLessThan(5);
        }
    }

    @Test
    void ipv6Monitor() {
        List<RouteEvent> e = RouteMonitorParser.parse("n1", Fixtures.read("ip-6-timestamp-monitor-route.txt"), ZoneOffset.UTC);
        assertThat(e).extracting(RouteEvent::destination)
                .containsExactly("fd70::5", "fd70::6", "fd70::5", "fd70::6", "fd99::/64", "fe80::/64", "fd99::1", "ff00::/8",
                        "fe80::9804:6cff:fe62:20ad");
        assertThat(e.get(4).proto()).isEqualTo("kernel");
    }

    @Test
    void zoneIsApplied() {
        List<RouteEvent> e = RouteMonitorParser.parse("n", "[2026-01-01T10:00:00.5] 10.0.0.1 dev x proto babel\n", ZoneOffset.ofHours(2));
        assertThat(e.get(0).at()).isEqualTo(Instant.parse("2026-01-01T08:00:00.500Z"));
    }

    @Test
    void nonRouteLinesAreSkipped() {
        assertThat(RouteMonitorParser.parse("n", "garbage\n[2026-01-01T10:00:00.5] Deleted 5: eth0 link\n", ZoneOffset.UTC)).isEmpty();
    }
}
