package net.mlcng.daemon.health;

import static net.mlcng.daemon.FakeNode.command;
import static net.mlcng.daemon.FakeNode.fail;
import static net.mlcng.daemon.FakeNode.ok;
import static net.mlcng.daemon.FakeNode.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.mlcng.daemon.DaemonState;
import net.mlcng.daemon.FakeNode;
import net.mlcng.daemon.Supervisor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashCaptureTest {
    private static final String DIR = "/var/lib/mlc-ng/daemon";
    private static final Supervisor BMX7 = new Supervisor("bmx7", DIR);
    private static final DaemonState SEGV = new DaemonState(false, 321, null, "SIGSEGV", Instant.ofEpochSecond(1764040000), List.of());

    @TempDir
    Path out;

    private static FakeNode node(String corePattern) {
        return new FakeNode("b3")
                .on(command("cat", CoreFiles.CORE_PATTERN_FILE), ok(corePattern + "\n"))
                .on(command("cat", CoreFiles.CORE_USES_PID_FILE), ok("0\n"));
    }

    @Test
    void pipedCorePatternIsExplained() {
        var report = CrashCapture.capture(node("|/usr/share/apport/apport %p"), BMX7, SEGV, out);
        assertThat(report.core()).isNull();
        assertThat(report.notes()).singleElement().asString().contains("pipes cores to /usr/share/apport/apport");
    }

    @Test
    void missingCoreIsExplained() {
        FakeNode node = node("core").on(script("ls -1t"), ok(""));
        var report = CrashCapture.capture(node, BMX7, SEGV, out);
        assertThat(report.notes()).singleElement().asString().contains("no core matching " + DIR + "/core");
    }

    @Test
    void coreWithoutGdbIsCopiedAndTheMissingBacktraceSaid() {
        FakeNode node = node("core")
                .on(script("ls -1t"), ok(DIR + "/core\n"))
                .on(script("command -v \"$1\""), ok("/usr/sbin/bmx7\n"))
                .on(script("command -v gdb"), fail(1, ""));
        node.files().put(DIR + "/core", new byte[] {1, 2, 3});
        var report = CrashCapture.capture(node, BMX7, SEGV, out);
        assertThat(report.core()).hasBinaryContent(new byte[] {1, 2, 3}).hasFileName("core.b3.bmx7.321");
        assertThat(report.backtrace()).isNull();
        assertThat(report.notes()).containsExactly("no gdb in the node image: no backtrace");
    }

    @Test
    void aRunningDaemonHasNothingToCapture() {
        assertThatThrownBy(() -> CrashCapture.capture(node("core"), BMX7, DaemonState.running(5), out))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
