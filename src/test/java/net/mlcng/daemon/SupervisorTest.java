package net.mlcng.daemon;

import static net.mlcng.daemon.FakeNode.fail;
import static net.mlcng.daemon.FakeNode.ok;
import static net.mlcng.daemon.FakeNode.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.mlcng.error.OperationFailedException;
import org.junit.jupiter.api.Test;

class SupervisorTest {
    private final Supervisor supervisor = new Supervisor("bmx7", "/var/lib/mlc-ng");

    @Test
    void neverStarted() {
        assertThat(Supervisor.parseProbe("never\n")).isEqualTo(new DaemonState(false, null, null, null, null, List.of()));
    }

    @Test
    void running() {
        assertThat(Supervisor.parseProbe("pid 42\nrunning\n")).isEqualTo(DaemonState.running(42));
    }

    @Test
    void killedBySignalWithLog() {
        DaemonState s = Supervisor.parseProbe("pid 42\nended 139 1764040000\nlog\nline one\nline two\n");
        assertThat(s.running()).isFalse();
        assertThat(s.pid()).isEqualTo(42);
        assertThat(s.signal()).isEqualTo("SIGSEGV");
        assertThat(s.exitCode()).isNull();
        assertThat(s.stoppedAt()).isEqualTo(Instant.ofEpochSecond(1764040000));
        assertThat(s.lastLogLines()).containsExactly("line one", "line two");
    }

    @Test
    void exitedWithStatus() {
        DaemonState s = Supervisor.parseProbe("pid 7\nended 1 1764040000\nlog\n");
        assertThat(s.exitCode()).isEqualTo(1);
        assertThat(s.signal()).isNull();
        assertThat(s.lastLogLines()).isEmpty();
    }

    @Test
    void vanishedWithoutRecord() {
        DaemonState s = Supervisor.parseProbe("pid 7\nended \nlog\nlast words\n");
        assertThat(s.running()).isFalse();
        assertThat(s.exitCode()).isNull();
        assertThat(s.signal()).isNull();
        assertThat(s.lastLogLines()).containsExactly("last words");
    }

    @Test
    void startPassesFilesStaleFilesAndArgvVerbatimInOneExec() {
        FakeNode node = new FakeNode("b3").on(script("wait $!"), ok("ready\npid 123\nrunning\n"));
        Supervisor.Launch launch = new Supervisor.Launch(List.of("bmx7", "debug=0", "dev=e4"), Map.of("bmx7.conf", "a b\n"),
                List.of("bmx7.ready"), "test -s bmx7.ready", Duration.ofSeconds(2));
        assertThat(supervisor.start(node, launch)).isEqualTo(new Supervisor.Started(123, false));
        assertThat(node.commands()).hasSize(1);
        assertThat(node.commands().get(0)).endsWith("/var/lib/mlc-ng", "bmx7", "20", "test -s bmx7.ready", "200", "2",
                "bmx7.conf", "a b\n", "-bmx7.ready", "", "bmx7", "debug=0", "dev=e4");
    }

    @Test
    void startOfARunningDaemonSaysSo() {
        FakeNode node = new FakeNode("b3").on(script("wait $!"), ok("running\npid 77\nrunning\n"));
        assertThat(supervisor.start(node, Supervisor.Launch.of(List.of("bmx7")))).isEqualTo(new Supervisor.Started(77, true));
    }

    @Test
    void aDaemonEndingWhileStartingIsReportedWithItsLog() {
        FakeNode node = new FakeNode("b3").on(script("wait $!"), ok("ended\npid 123\nended 139 1764040000\nlog\nassertion failed\n"));
        assertThatThrownBy(() -> supervisor.start(node, Supervisor.Launch.of(List.of("bmx7")))).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("bmx7 in node b3 ended while starting: killed by SIGSEGV")
                .hasMessageContaining("assertion failed");
    }

    @Test
    void aDaemonNotReadyInTimeIsReportedWithWhatTheCheckSaid() {
        FakeNode node = new FakeNode("b3").on(script("wait $!"), ok("not-ready\npid 123\nrunning\ncheck\nconnect: Connection refused\n"));
        Supervisor.Launch launch = new Supervisor.Launch(List.of("bmx7"), Map.of(), List.of(), "bmx7 -c version", Duration.ofMillis(1500));
        assertThatThrownBy(() -> supervisor.start(node, launch))
                .hasMessage("bmx7 in node b3 runs (pid 123) but was not ready within 1.5 s (bmx7 -c version: connect: Connection refused)");
    }

    @Test
    void startWithoutStatusFails() {
        FakeNode node = new FakeNode("b3").on(script("wait $!"), fail(1, "sh: cannot create /var/lib/mlc-ng: Read-only file system"));
        assertThatThrownBy(() -> supervisor.start(node, Supervisor.Launch.of(List.of("bmx7")))).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("starting bmx7 in node b3 failed: sh: cannot create");
    }

    @Test
    void stateFileNamesCannotBeOptionsOrPaths() {
        assertThatThrownBy(() -> new Supervisor.Launch(List.of("x"), Map.of("../etc/passwd", ""), List.of(), "true", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Supervisor.Launch(List.of("x"), Map.of(), List.of("-rf"), "true", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stopKillsTheRecordedPidOnly() {
        FakeNode node = new FakeNode("b3")
                .on(script("echo never"), ok("pid 77\nrunning\n"))
                .on(script("kill -TERM"), ok(""));
        supervisor.stop(node);
        assertThat(node.commands().get(1)).last().isEqualTo("77");
        assertThat(node.commands()).noneMatch(c -> String.join(" ", c).matches(".*(pkill|killall|pidof).*"));
    }

    @Test
    void stopOfAStoppedDaemonDoesNothing() {
        FakeNode node = new FakeNode("b3").on(script("echo never"), ok("never\n"));
        supervisor.stop(node);
        assertThat(node.commands()).hasSize(1);
    }

    @Test
    void nameMustBeAFileNamePart() {
        assertThatThrownBy(() -> new Supervisor("../x", "/tmp")).isInstanceOf(IllegalArgumentException.class);
    }
}
