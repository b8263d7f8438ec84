package net.mlcng.daemon.bmx7;

import static net.mlcng.daemon.FakeNode.command;
import static net.mlcng.daemon.FakeNode.fail;
import static net.mlcng.daemon.FakeNode.ok;
import static net.mlcng.daemon.FakeNode.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import net.mlcng.TestResources;
import net.mlcng.daemon.ConvergenceFacts;
import net.mlcng.daemon.DaemonConfig;
import net.mlcng.daemon.DaemonRegistry;
import net.mlcng.daemon.DaemonView;
import net.mlcng.daemon.FakeNode;
import net.mlcng.daemon.NodeExec.ExecResult;
import net.mlcng.daemon.Route;
import net.mlcng.error.OperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Driver logic against the recorded outputs of node b3 in the 5-node line b1-b2-b3-b4-b5. */
class Bmx7DriverTest {
    private static final String STATE_DIR = "/var/lib/mlc-ng/daemon";
    private static final byte[] KEY = "recorded-rsa-der-bytes".getBytes();
    private static final String LAUNCH_MARKER = "wait $!";
    private static final String PROBE_MARKER = "echo never";

    private final Bmx7Driver driver = new Bmx7Driver(Duration.ofSeconds(5));

    @TempDir
    Path keys;

    private DaemonConfig config(Path identityDir) {
        return new DaemonConfig("b3", List.of("e4", "w2"), "fd00::3", List.of("linkWindow=8", "plugin=bmx7_json.so"), STATE_DIR, identityDir);
    }

    /** A node where bmx7 starts, creates its key and answers its control socket with the recordings. */
    private static FakeNode startingNode() {
        return recordedNode()
                .on(script(PROBE_MARKER), ok("never\n"))
                .on(script(LAUNCH_MARKER), ok("ready\npid 321\nrunning\n"));
    }

    private static FakeNode recordedNode() {
        return new FakeNode("b3")
                .on(command("bmx7", "-c", "version"), ok(Bmx7Fixtures.read("version.txt")))
                .on(command("bmx7", "-c", "show=status"), ok(Bmx7Fixtures.read("b3_show_status.txt")))
                .on(command("bmx7", "-c", "show=originators"), ok(Bmx7Fixtures.read("b3_show_originators.txt")))
                .on(command("bmx7", "-c", "show=status", "show=originators", "show=links"), ok(
                        Bmx7Fixtures.read("b3_show_status.txt") + Bmx7Fixtures.read("b3_show_originators.txt")
                                + Bmx7Fixtures.read("b3_show_links.txt")))
                .on(command("ip", "-j", "-6", "route", "show", "table", "70"), ok(TestResources.text("/fixtures/iproute/table70.json")));
    }

    @Test
    void registeredUnderItsName() {
        assertThat(DaemonRegistry.get("bmx7")).isInstanceOf(Bmx7Driver.class);
        assertThat(DaemonRegistry.names()).contains("bmx7");
    }

    @Test
    void commandLineRunsInForegroundOnEveryMeshInterface() {
        assertThat(Bmx7Driver.command(config(null)))
                .containsExactly("bmx7", "debug=0", "dev=e4", "dev=w2", "linkWindow=8", "plugin=bmx7_json.so");
    }

    @Test
    void firstStartKeepsTheNewKeyOnTheHost() throws IOException {
        FakeNode node = startingNode();
        node.files().put(Bmx7Driver.KEY_FILE, KEY); // what bmx7 generates on its first start
        driver.start(node, config(keys));

        Path kept = keys.resolve("rsa.der");
        assertThat(kept).hasBinaryContent(KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
        List<String> launch = node.commands().stream().filter(script(LAUNCH_MARKER)).findFirst().orElseThrow();
        assertThat(launch).endsWith("bmx7", "debug=0", "dev=e4", "dev=w2", "linkWindow=8", "plugin=bmx7_json.so");
    }

    @Test
    void redeployRestoresTheKeptKeyBeforeBmx7Starts() throws IOException {
        Files.write(keys.resolve("rsa.der"), KEY);
        FakeNode fresh = startingNode();
        driver.start(fresh, config(keys));

        assertThat(fresh.files().get(Bmx7Driver.KEY_FILE)).isEqualTo(KEY);
        int written = indexOf(fresh, script("base64 -d"));
        int launched = indexOf(fresh, script(LAUNCH_MARKER));
        assertThat(written).isLessThan(launched);
        assertThat(keys.resolve("rsa.der")).hasBinaryContent(KEY);
    }

    @Test
    void withoutIdentityDirNoKeyIsCopied() {
        FakeNode node = startingNode();
        driver.start(node, config(null));
        assertThat(node.commands()).noneMatch(script("base64"));
    }

    @Test
    void startOfARunningDaemonDoesNothing() {
        FakeNode node = recordedNode().on(script(PROBE_MARKER), ok("pid 321\nrunning\n"));
        driver.start(node, config(null));
        assertThat(node.commands()).hasSize(1);
    }

    @Test
    void crashDuringStartSaysHowWithTheLog() {
        FakeNode node = recordedNode()
                .on(script(PROBE_MARKER), ok("never\n"))
                .on(script(LAUNCH_MARKER), ok("ended\npid 321\nended 139 1764040000\nlog\nbmx7: assertion -501234 failed\n"));
        assertThatThrownBy(() -> driver.start(node, config(null)))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("bmx7 in node b3 ended while starting: killed by SIGSEGV")
                .hasMessageContaining("assertion -501234 failed");
    }

    @Test
    void readyMeansTheControlSocketAnswersWithinTheStartTimeout() {
        FakeNode node = recordedNode()
                .on(script(PROBE_MARKER), ok("never\n"))
                .on(script(LAUNCH_MARKER), ok("not-ready\npid 321\nrunning\ncheck\nconnect: Connection refused\n"));
        assertThatThrownBy(() -> new Bmx7Driver(Duration.ofSeconds(2)).start(node, config(null)))
                .hasMessageContaining("runs (pid 321) but was not ready within 2 s (bmx7 -c version")
                .hasMessageContaining("Connection refused");
        List<String> launch = node.commands().stream().filter(script(LAUNCH_MARKER)).findFirst().orElseThrow();
        assertThat(launch).contains("bmx7 -c version", "200");
    }

    @Test
    void noMeshInterfaceIsAClearError() {
        DaemonConfig lonely = new DaemonConfig("b9", List.of(), "fd00::9", List.of(), STATE_DIR);
        assertThatThrownBy(() -> driver.start(new FakeNode("b9"), lonely)).hasMessageContaining("no mesh interface");
    }

    @Test
    void stateComesFromTheSupervisor() {
        FakeNode node = recordedNode().on(script(PROBE_MARKER), ok("pid 321\nended 143 1764040000\nlog\n"));
        var state = driver.state(node, config(null));
        assertThat(state.running()).isFalse();
        assertThat(state.signal()).isEqualTo("SIGTERM");
    }

    @Test
    void announcedAddressIsThePrimaryIp() {
        assertThat(driver.announcedAddress(recordedNode(), config(null))).isEqualTo("fd70:4bec:d331:adc6:7800:f86:e981:b34d");
    }

    @Test
    void routesFromTable70WithHopsFromOriginators() {
        List<Route> routes = driver.routes(recordedNode(), config(null));
        assertThat(routes).extracting(Route::hops).containsExactly(1, 2, 1, 2, null);
        assertThat(routes.get(0)).isEqualTo(new Route("fd70:3ccb:b769:bf3e:3b3:1371:a79d:fc/128", "fe80::380b:8fff:feb4:82", "e4", 1));
    }

    @Test
    void viewFromOriginatorsAndLinks() {
        DaemonView view = driver.view(recordedNode(), config(null));
        assertThat(view.knownNodes()).containsExactly("b1", "b2", "b4", "b5");
        assertThat(view.neighbours()).containsExactly("b2", "b4");
        assertThat(view.resolvedNodes()).isEqualTo(4);
        assertThat(view.isolated()).isFalse();
    }

    @Test
    void convergenceFactsOfTheRecordedLine() {
        FakeNode node = recordedNode();
        List<String> others = driver.originators(node).stream().filter(o -> !o.self()).map(Bmx7Originator::primaryIp).toList();
        var facts = ConvergenceFacts.of("b3", driver.routes(node, config(null)), driver.view(node, config(null)), others);
        assertThat(facts.routesToAll()).isTrue();
        assertThat(facts.hopsByAddress().values()).containsExactly(2, 1, 1, 2);
        assertThat(facts.knownNodes()).isEqualTo(4);
    }

    @Test
    void sampleCountsTable70() {
        assertThat(driver.sample(recordedNode(), 1.5)).isEqualTo(new Bmx7Sample(1.5, new NodeCount(5, 5), 5));
    }

    @Test
    void netJsonWhenTheJsonPluginWroteIt() {
        FakeNode node = recordedNode();
        assertThat(driver.networkGraph(node)).isEmpty();
        node.files().put(Bmx7Json.NETWORK_GRAPH_FILE, Bmx7Fixtures.read("json/network-graph.json").getBytes());
        node.files().put(Bmx7Json.NETWORK_ROUTES_FILE, Bmx7Fixtures.read("json/network-routes.json").getBytes());
        assertThat(driver.networkGraph(node).orElseThrow().nodes()).hasSize(5);
        assertThat(driver.networkRoutes(node).orElseThrow().routes()).extracting(NetJsonRoutes.Route::device)
                .containsExactly("e4", "w2", "w2", "e4");
    }

    @Test
    void refusedViewIsTyped() {
        FakeNode node = new FakeNode("b3").on(command("bmx7", "-c", "show=topology"),
                new ExecResult(1, Bmx7Fixtures.read("b3_show_topology.txt"), ""));
        assertThatThrownBy(() -> driver.query(node, "show=topology")).isInstanceOf(Bmx7ViewUnavailableException.class);
    }

    @Test
    void noDaemonToAsk() {
        FakeNode node = new FakeNode("b3").on(command("bmx7", "-c", "show=status"), fail(1, "connect: No such file or directory"));
        assertThatThrownBy(() -> driver.status(node)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("did not answer 'bmx7 -c show=status'").hasMessageContaining("No such file");
    }

    private static int indexOf(FakeNode node, java.util.function.Predicate<List<String>> p) {
        for (int i = 0; i < node.commands().size(); i++) {
            if (p.test(node.commands().get(i))) {
                return i;
            }
        }
        throw new AssertionError("command not run");
    }
}
