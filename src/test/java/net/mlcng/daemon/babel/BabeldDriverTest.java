package net.mlcng.daemon.babel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.mlcng.daemon.DaemonConfig;
import net.mlcng.daemon.DaemonView;
import net.mlcng.daemon.FakeNode;
import net.mlcng.daemon.Route;
import net.mlcng.error.OperationFailedException;
import org.junit.jupiter.api.Test;

class BabeldDriverTest {
    private static final DaemonConfig CONFIG = new DaemonConfig("n1", List.of("en2"), "fd00::1", List.of(), "/s");

    @Test
    void configAnnouncesOnlyTheLoopbackAddressOverTheMeshInterfaces() {
        String conf = BabeldDriver.configFile(new DaemonConfig("n1", List.of("en2", "mair"), "fd00::1", List.of("default hello-interval 1"), "/s"));
        assertThat(conf).isEqualTo("""
                skip-kernel-setup true
                interface en2 type wired
                interface mair type wireless
                redistribute local ip fd00::1/128 allow
                redistribute local deny
                default hello-interval 1
                """);
    }

    @Test
    void startRunsBabeldInTheForegroundUnderTheSupervisorWithAFreshReadyFileInOneExec() {
        FakeNode node = new FakeNode("n1").on(FakeNode.script("started by mlc-ng"), FakeNode.ok("ready\npid 42\nrunning\n"));
        new BabeldDriver().start(node, CONFIG);
        assertThat(node.commands()).hasSize(1);
        List<String> start = node.commands().get(0);
        assertThat(start).containsSubsequence("test -s babeld.ready", "babeld.conf", BabeldDriver.configFile(CONFIG), "-babeld.ready");
        assertThat(start).endsWith("babeld", "-c", "/s/babeld/babeld.conf", "-I", "/s/babeld/babeld.ready", "-S", "/s/babeld/babeld.state");
    }

    @Test
    void aBabeldThatDiesWhileStartingIsReportedWithHowItEnded() {
        FakeNode node = new FakeNode("n1").on(FakeNode.script("started by mlc-ng"),
                FakeNode.ok("ended\npid 42\nended 1 1700000000\nlog\nbabeld: unknown interface\n"));
        assertThatThrownBy(() -> new BabeldDriver().start(node, CONFIG))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("exit status 1")
                .hasMessageContaining("babeld: unknown interface");
    }

    @Test
    void routesAndViewComeFromTheKernelTable() {
        String json = """
                [{"dst":"fd00::2","gateway":"fe80::2","dev":"en2","protocol":"babel","metric":1024,"flags":["onlink"]},
                 {"dst":"fd00::3","gateway":"fe80::3","dev":"mair","protocol":"babel","metric":1024,"flags":[]},
                 {"type":"unreachable","dst":"fd00::4","dev":"lo","protocol":"babel","metric":4294967295,"flags":[]}]
                """;
        List<Route> routes = BabeldDriver.parseRoutes(json);
        assertThat(routes).containsExactly(new Route("fd00::2/128", "fe80::2", "en2", null), new Route("fd00::3/128", "fe80::3", "mair", null));
        DaemonView view = BabeldDriver.viewOf(routes);
        assertThat(view.knownNodes()).containsExactly("fd00::2", "fd00::3");
        assertThat(view.neighbours()).containsExactly("n2", "fe80::3@mair");
    }
}
