package net.mlcng.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.mlcng.topology.Topology;
import net.mlcng.wait.Condition;
import net.mlcng.wait.Wait;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A babeld triangle a-b-c: `link --down` keeps the interfaces up, so babeld must notice the dead
 * link by its own hello timeouts, as with a radio link that fades out. Measures how long it takes.
 */
@Tag("docker")
class LinkDownReroutesDockerTest {
    @RegisterExtension
    static final LabFixture labs = LabFixture.deploying("links-babel", name -> new Topology(name,
            Map.of("a", TestTopologies.node("a", "babeld"), "b", TestTopologies.node("b", "babeld"), "c", TestTopologies.node("c", "babeld")),
            List.of(TestTopologies.link("a", "b"), TestTopologies.link("b", "c"), TestTopologies.link("a", "c")), List.of(), Map.of()));

    static final String LAB = labs.name();
    final LabNames names = new LabNames(LAB);

    @BeforeAll
    static void converge() {
        Wait.until(LabAssertions.converged(labs.engine(), labs.topology()), Duration.ofSeconds(90), Duration.ofSeconds(1));
    }

    private Condition route(String from, String to, String iface) {
        return () -> {
            String route = labs.engine().exec(LAB, from, List.of("ip", "-6", "route", "get", names.loopbackAddress(to)), Duration.ofSeconds(10))
                    .get(from).stdout();
            return route.contains(" dev " + iface + " ") ? Condition.Status.OK
                    : Condition.Status.notYet(from + "'s route to " + to + ": " + route.strip());
        };
    }

    /** a and b both route to each other out of {@code iface} ("eb"/"ea" direct, "ec" via c). */
    private Condition routesBetweenAAndB(String viaC) {
        return viaC == null ? route("a", "b", "eb").and(route("b", "a", "ea")) : route("a", "b", viaC).and(route("b", "a", viaC));
    }

    @Test
    void babeldReroutesAroundADownLinkAndBackWhenItIsUp() {
        Wait.until(routesBetweenAAndB(null), Duration.ofSeconds(60), Duration.ofMillis(200));
        LinkControl control = new LinkControl(labs.engine());
        LinkRef ab = control.resolve(LAB, "a", "b", null);

        long t0 = System.nanoTime();
        control.setDown(LAB, ab, true);
        Wait.until(routesBetweenAAndB("ec"), Duration.ofSeconds(90), Duration.ofMillis(200));
        double reroute = (System.nanoTime() - t0) / 1e9;
        boolean reachable = labs.engine().exec(LAB, "a", List.of("ping", "-c", "3", "-i", "0.2", "-W", "2", names.loopbackAddress("b")),
                Duration.ofSeconds(20)).get("a").ok();

        long t1 = System.nanoTime();
        control.setDown(LAB, ab, false);
        Wait.until(routesBetweenAAndB(null), Duration.ofSeconds(90), Duration.ofMillis(200));
        double back = (System.nanoTime() - t1) / 1e9;
        System.out.printf("[links] babeld triangle: a and b rerouted via c %.1f s after a-b went down; direct again %.1f s after up%n", reroute, back);
        assertThat(reachable).as("b reachable from a via c").isTrue();
    }
}
