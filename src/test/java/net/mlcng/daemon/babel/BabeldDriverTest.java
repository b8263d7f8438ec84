package net.mlcng.daemon.babel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.mlcng.daemon.DaemonConfig;
import net.mlcng.daemon.DaemonState;
import net.mlcng.daemon.DaemonView;
import net.mlcng.daemon.Route;
import org.junit.jupiter.api.Test;

class BabeldDriverTest {
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
    void stateReportsRunningOrHowItEnded() {
        assertThat(BabeldDriver.parseState("pid=42\nrunning=yes\n--log--\n").running()).isTrue();
        DaemonState killed = BabeldDriver.parseState("pid=42\nrunning=no\nexit=137\nstopped=1700000000\n--log--\nline 1\nline 2\n");
        assertThat(killed.running()).isFalse();
        assertThat(killed.signal()).isEqualTo("signal 9");
        assertThat(killed.exitCode()).isNull();
        assertThat(killed.lastLogLines()).containsExactly("line 1", "line 2");
        DaemonState failed = BabeldDriver.parseState("pid=\nrunning=no\nexit=1\nstopped=1700000000\n--log--\n");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.pid()).isNull();
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
