package net.mlcng.daemon;

import static net.mlcng.daemon.FakeNode.ok;
import static net.mlcng.daemon.FakeNode.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
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
    void launchReturnsThePidAndPassesArgvVerbatim() {
        FakeNode node = new FakeNode("b3").on(script("wait $!"), ok("123\n"));
        assertThat(supervisor.launch(node, List.of("bmx7", "debug=0", "dev=e4"))).isEqualTo(123);
        assertThat(node.commands().get(0)).endsWith("/var/lib/mlc-ng", "bmx7", "bmx7", "debug=0", "dev=e4");
    }

    @Test
    void launchWithoutPidFails() {
        FakeNode node = new FakeNode("b3").on(script("wait $!"), ok(""));
        assertThatThrownBy(() -> supervisor.launch(node, List.of("bmx7"))).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("starting bmx7 in node b3 failed");
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
