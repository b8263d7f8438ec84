package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.topology.Topology;
import net.mlcng.wait.Wait;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Three nodes on one radio-like medium where only r1-r2 and r2-r3 hear each other. */
@Tag("docker")
class SharedMediumDockerTest {
    @RegisterExtension
    static final LabFixture labs = LabFixture.deploying("t2", name -> TestTopologies.mediumLine(name, "air", 3, "babeld"));

    static final String LAB = labs.name();
    final Topology line = labs.topology();

    private String linkLocal(String node) {
        ExecResult r = labs.engine().exec(LAB, node, List.of("sh", "-c", "ip -6 -o addr show dev mair scope link | awk '{print $4}' | cut -d/ -f1"),
                Duration.ofSeconds(10)).get(node);
        assertThat(r.ok()).isTrue();
        return r.stdout().strip();
    }

    private boolean pings(String from, String address) {
        return labs.engine().exec(LAB, from, List.of("ping", "-c2", "-i0.2", "-W1", address), Duration.ofSeconds(10)).get(from).ok();
    }

    @Test
    void onlyConfiguredPairsHearEachOtherDirectly() {
        assertThat(pings("r1", linkLocal("r2") + "%mair")).as("neighbours r1-r2").isTrue();
        assertThat(pings("r3", linkLocal("r2") + "%mair")).as("neighbours r3-r2").isTrue();
        assertThat(pings("r1", linkLocal("r3") + "%mair")).as("r1 and r3 are not a pair").isFalse();
        assertThat(pings("r3", linkLocal("r1") + "%mair")).as("r3 and r1 are not a pair").isFalse();
    }

    @Test
    void babelRoutesAroundTheMissingPairThroughTheMiddleNode() {
        LabNames names = new LabNames(LAB);
        Wait.until(LabAssertions.converged(labs.engine(), line), Duration.ofSeconds(90), Duration.ofSeconds(1));
        assertThat(pings("r1", names.loopbackAddress("r3"))).isTrue();
        String route = labs.engine().exec(LAB, "r1", List.of("ip", "-6", "route", "get", names.loopbackAddress("r3")), Duration.ofSeconds(10))
                .get("r1").stdout();
        assertThat(route).contains("via " + linkLocal("r2"));
    }

    @Test
    void restartedMemberIsBackOnTheMediumWithItsPairsOnly() {
        labs.engine().node(LAB, "r3", LabEngine.NodeAction.RESTART);
        assertThat(pings("r2", linkLocal("r3") + "%mair")).as("r2-r3 hear each other again").isTrue();
        assertThat(pings("r1", linkLocal("r3") + "%mair")).as("r1-r3 still do not").isFalse();
        Wait.until(LabAssertions.converged(labs.engine(), line), Duration.ofSeconds(90), Duration.ofSeconds(1));
        assertThat(pings("r1", new LabNames(LAB).loopbackAddress("r3"))).isTrue();
    }

    @Test
    void redeployOfTheSameTopologyLeavesTheMediumAlone() {
        LabEngine.DeployReport r = labs.engine().deploy(line, "test");
        assertThat(r.linksWired()).isZero();
        assertThat(r.daemonsStarted()).isZero();
    }

    @Test
    void inspectShowsTheMediumUp() {
        var lab = labs.inspector().inspect(LAB).labs().get(0);
        assertThat(lab.media()).hasSize(1);
        assertThat(lab.media().get(0).up()).isTrue();
        assertThat(lab.media().get(0).pairs()).containsExactly("r1<->r2", "r2<->r3");
    }
}
