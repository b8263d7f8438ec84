package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.error.EnvironmentException;
import net.mlcng.error.ExitCodes;
import net.mlcng.hostnet.EgressState;
import net.mlcng.hostnet.KernelProbe;
import net.mlcng.topology.Link;
import net.mlcng.topology.LinkProps;
import net.mlcng.topology.Node;
import net.mlcng.topology.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes a-b without a routing daemon, one veth between them: every impairment is set live and
 * measured with traffic over the link-local addresses (no routing needed).
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkEmulationDockerTest {
    @RegisterExtension
    static final LabFixture labs = LabFixture.deploying("links-p2p", name -> twoNodes(name, LinkProps.NONE));

    static final String LAB = labs.name();
    LinkControl control;
    Measure measure;
    LinkRef ab;
    final LabNames names = new LabNames(LAB);

    /** Nodes a and b without a daemon, one link a-b impaired by {@code aToB} from the start. */
    private static Topology twoNodes(String lab, LinkProps aToB) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        nodes.put("a", TestTopologies.node("a", "none"));
        nodes.put("b", TestTopologies.node("b", "none"));
        return new Topology(lab, nodes, List.of(new Link("a", "b", aToB, LinkProps.NONE)), List.of(), Map.of());
    }

    @BeforeAll
    void linkControl() {
        control = new LinkControl(labs.engine());
        measure = new Measure(labs.engine(), LAB);
        ab = control.resolve(LAB, "a", "b", null);
    }

    @AfterEach
    void clearLink() {
        control.setDown(LAB, ab, false);
        control.change(LAB, ab, true, true, new LinkChange(0.0, 0L, null, null));
    }

    private String bFromA() {
        return measure.linkLocal("b", "ea");
    }

    private static LinkChange loss(double percent) {
        return new LinkChange(percent, null, null, null);
    }

    @Test
    void oneWayLossOf30PercentLosesAboutAThirdOfRoundTripsAndLeavesTheReverseClean() {
        String target = bFromA();
        control.change(LAB, ab, true, false, loss(30));
        long requestsBefore = measure.rxPackets("b", "ea"), repliesBefore = measure.rxPackets("a", "eb");
        Measure.PingResult r = measure.ping("a", "eb", target, 1000);
        long requests = measure.rxPackets("b", "ea") - requestsBefore, replies = measure.rxPackets("a", "eb") - repliesBefore;
        System.out.printf("[links] 30%% loss a->b: %d/%d pings answered, round-trip loss %.1f%%; b received %d, a received %d back%n",
                r.received(), r.transmitted(), r.lossPercent(), requests, replies);
        assertThat(r.lossPercent()).isBetween(24.0, 36.0);
        // Every request that reached b was answered and the answer arrived: b->a lost nothing.
        assertThat(Math.abs(requests - replies)).as("b received %d, a received %d", requests, replies).isLessThanOrEqualTo(3);
        assertThat(labs.engine().shaper().show(names.netns("b"))).as("no rule on b's side").isEmpty();
        EgressState a = labs.engine().shaper().show(names.netns("a")).get(0);
        assertThat(a.iface()).isEqualTo("eb");
        assertThat(a.lossPerMille()).isEqualTo(300);
        // The counter also sees a's neighbour solicitations, hence the small tolerance.
        assertThat(a.dropped()).as("nft drops vs pings b did not receive").isCloseTo(r.transmitted() - requests, org.assertj.core.data.Offset.offset(5L));
    }

    @Test
    void lossOf30PercentBothWaysLosesAboutHalfOfRoundTrips() {
        String target = bFromA();
        control.change(LAB, ab, true, true, loss(30));
        Measure.PingResult r = measure.ping("a", "eb", target, 1000);
        System.out.printf("[links] 30%% loss both ways: %d/%d answered, round-trip loss %.1f%% (expected 51%%)%n",
                r.received(), r.transmitted(), r.lossPercent());
        assertThat(r.lossPercent()).isBetween(43.0, 59.0);
    }

    @Test
    void rateOf2MbitLimitsTcpThroughput() {
        String target = bFromA();
        control.change(LAB, ab, true, false, new LinkChange(null, 2_000_000L, null, null));
        double bps = measure.iperf("a", "eb", "b", target);
        System.out.printf("[links] rate 2mbit a->b: iperf3 received %.3f Mbit/s%n", bps / 1e6);
        assertThat(bps / 1e6).isBetween(1.6, 2.2);
    }

    @Test
    void downStopsAllTrafficWithinASecondAndUpRestoresItWithinASecond() {
        String target = bFromA();
        CompletableFuture<ExecResult> ping = CompletableFuture.supplyAsync(
                () -> measure.exec("a", Duration.ofSeconds(30), "ping", "-D", "-n", "-i", "0.01", "-w", "7", target + "%eb"));
        Measure.sleep(Duration.ofMillis(2500));
        long downAt = System.currentTimeMillis();
        Duration downTook = control.setDown(LAB, ab, true);
        Measure.sleep(Duration.ofMillis(2000));
        long upAt = System.currentTimeMillis();
        Duration upTook = control.setDown(LAB, ab, false);
        List<Long> replies = Measure.replyTimes(ping.join().stdout());
        long lastBeforeSilence = replies.stream().filter(t -> t < upAt).mapToLong(t -> t).max().orElseThrow();
        long firstAfterUp = replies.stream().filter(t -> t >= upAt).mapToLong(t -> t).min().orElseThrow();
        System.out.printf("[links] down: applied in %d ms, last reply %d ms after the call; up: applied in %d ms, first reply %d ms after the call%n",
                downTook.toMillis(), lastBeforeSilence - downAt, upTook.toMillis(), firstAfterUp - upAt);
        assertThat(replies).as("replies before down").anyMatch(t -> t < downAt);
        assertThat(replies).as("no reply from 1 s after down until up").noneMatch(t -> t > downAt + 1000 && t < upAt);
        assertThat(firstAfterUp - upAt).as("ms until traffic after up").isLessThanOrEqualTo(1000);
    }

    @Test
    void impairmentsAndDownStateSurviveARestartOfTheSendingNode() {
        control.change(LAB, ab, true, false, new LinkChange(30.0, 2_000_000L, null, null));
        control.setDown(LAB, ab, true);
        labs.engine().node(LAB, "a", LabEngine.NodeAction.RESTART);

        EgressState afterRestart = labs.engine().shaper().show(names.netns("a")).get(0);
        assertThat(afterRestart.dropAll()).as("still down").isTrue();
        assertThat(afterRestart.qdiscs()).containsExactly("tbf rate 2mbit");
        assertThat(labs.inspector().inspect(LAB).labs().get(0).links().get(0).up()).as("inspect shows it down").isFalse();

        control.setDown(LAB, ab, false);
        Measure.PingResult r = measure.ping("a", "eb", bFromA(), 1000);
        System.out.printf("[links] after restart of a: 30%% loss a->b re-applied, round-trip loss %.1f%%%n", r.lossPercent());
        assertThat(r.lossPercent()).isBetween(24.0, 36.0);
        var props = labs.inspector().inspect(LAB).labs().get(0).links().get(0).properties();
        assertThat(props.get("a->b")).isEqualTo(new LinkProps(30.0, 2_000_000L, null, null));
        assertThat(props.get("b->a")).isEqualTo(LinkProps.NONE);
    }

    @Test
    void delayWhereNetemIsMissingFailsWithExit3AndChangesNothing() {
        assumeFalse(KernelProbe.facts().netem().present(), "this kernel has netem: the refusal path does not apply");
        control.change(LAB, ab, true, false, loss(10));
        List<EgressState> before = labs.engine().shaper().show(names.netns("a"));
        assertThatThrownBy(() -> control.change(LAB, ab, true, true, new LinkChange(null, null, Duration.ofMillis(20), null)))
                .isInstanceOfSatisfying(EnvironmentException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
                    assertThat(e.getMessage()).contains("sch_netem").contains("CONFIG_NET_SCH_NETEM");
                });
        assertThat(labs.engine().shaper().show(names.netns("a"))).isEqualTo(before);
        assertThat(labs.engine().store().load(LAB).orElseThrow().topology().links().get(0).aToB())
                .isEqualTo(new LinkProps(10.0, null, null, null));
    }

    @Test
    void deployAskingForDelayWhereNetemIsMissingCreatesNothing() {
        assumeFalse(KernelProbe.facts().netem().present(), "this kernel has netem: the refusal path does not apply");
        String lab = TestTopologies.lab("links-nodel");
        Topology t = twoNodes(lab, new LinkProps(null, null, Duration.ofMillis(5), null));
        try {
            assertThatThrownBy(() -> labs.engine().deploy(t, "test"))
                    .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT));
            assertThat(LabAssertions.leftovers(lab, labs.stateDir())).isEmpty();
        } finally {
            labs.engine().destroy(lab);
        }
    }

    @Test
    void delayIsMeasuredWhereNetemExists() {
        assumeTrue(KernelProbe.facts().netem().present(),
                "not run: this kernel has no netem (sch_netem / CONFIG_NET_SCH_NETEM), so delay cannot be emulated here");
        String target = bFromA();
        control.change(LAB, ab, true, false, new LinkChange(null, null, Duration.ofMillis(20), null));
        ExecResult r = measure.exec("a", Duration.ofSeconds(30), "ping", "-q", "-c", "20", "-i", "0.05", target + "%eb");
        String rtt = r.stdout().substring(r.stdout().indexOf("rtt"));
        double min = Double.parseDouble(rtt.split("=")[1].trim().split("/")[0]);
        System.out.printf("[links] delay 20ms a->b: min rtt %.2f ms%n", min);
        assertThat(min).isBetween(20.0, 40.0);
    }
}
