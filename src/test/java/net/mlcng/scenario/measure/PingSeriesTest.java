package net.mlcng.scenario.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Against ping -D output recorded in a node container (an nft rule dropped echo requests for 1 s). */
class PingSeriesTest {
    @Test
    void repliesWithTimestampsAndSummary() {
        PingSeries s = PingSeries.parse(Fixtures.read("ping-D-O-outage.txt"));
        assertThat(s.transmitted()).isEqualTo(30);
        assertThat(s.received()).isEqualTo(20);
        assertThat(s.lost()).isEqualTo(10);
        assertThat(s.lossPercent()).isCloseTo(33.333, org.assertj.core.api.Assertions.within(0.001));
        assertThat(s.firstReply().seq()).isEqualTo(1);
        assertThat(s.firstReply().at()).isEqualTo(Instant.parse("2026-11-25T03:04:44.837665Z"));
        assertThat(s.firstReply().rttMillis()).isEqualTo(0.066);
    }

    @Test
    void ipv6AndUnreachable() {
        PingSeries v6 = PingSeries.parse(Fixtures.read("ping-D-ipv6.txt"));
        assertThat(v6.received()).isEqualTo(5);
        assertThat(v6.lossPercent()).isZero();
        PingSeries none = PingSeries.parse(Fixtures.read("ping-D-unreachable.txt"));
        assertThat(none.received()).isZero();
        assertThat(none.transmitted()).isZero();
        assertThat(none.lossPercent()).isEqualTo(100);
        assertThat(none.firstReply()).isNull();
    }

    @Test
    void outageAcrossTheRecordedFailure() {
        Outage o = Outage.of(PingSeries.parse(Fixtures.read("ping-D-O-outage.txt")), null);
        assertThat(o.lastBefore()).isEqualTo(Instant.parse("2026-11-25T03:04:45.772936Z"));
        assertThat(o.firstAfter()).isEqualTo(Instant.parse("2026-11-25T03:04:46.921041Z"));
        assertThat(o.lostPackets()).isEqualTo(10);
        assertThat(o.duration()).isEqualTo(Duration.between(o.lastBefore(), o.firstAfter()));
    }

    @Test
    void theGapAfterTheEventWinsOverALargerEarlierOne() {
        String text = String.join("\n",
                "[100.000000] 64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.1 ms",
                "[101.000000] 64 bytes from 10.0.0.2: icmp_seq=11 ttl=64 time=0.1 ms",
                "[101.100000] 64 bytes from 10.0.0.2: icmp_seq=12 ttl=64 time=0.1 ms",
                "[101.500000] 64 bytes from 10.0.0.2: icmp_seq=16 ttl=64 time=0.1 ms",
                "16 packets transmitted, 4 received, 75% packet loss, time 1500ms");
        PingSeries s = PingSeries.parse(text);
        assertThat(Outage.of(s, null).lostPackets()).isEqualTo(9);
        Outage afterEvent = Outage.of(s, Instant.ofEpochSecond(101, 200_000_000));
        assertThat(afterEvent.lostPackets()).isEqualTo(3);
        assertThat(afterEvent.duration()).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void duplicatesCountOnceAndTooFewRepliesHaveNoOutage() {
        String text = "[1.0] 64 bytes from ::1: icmp_seq=1 ttl=64 time=0.1 ms\n[1.1] 64 bytes from ::1: icmp_seq=1 ttl=64 time=0.2 ms (DUP!)\n";
        PingSeries s = PingSeries.parse(text);
        assertThat(s.received()).isEqualTo(1);
        assertThat(Outage.of(s, null)).isNull();
    }
}
