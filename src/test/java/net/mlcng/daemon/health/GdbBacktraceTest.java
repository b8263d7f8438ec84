package net.mlcng.daemon.health;

import static org.assertj.core.api.Assertions.assertThat;

import net.mlcng.TestResources;
import org.junit.jupiter.api.Test;

class GdbBacktraceTest {
    private static String fixture(String name) {
        return TestResources.text("/fixtures/gdb/" + name);
    }

    @Test
    void withDebugInfo() {
        GdbBacktrace bt = GdbBacktrace.parse(fixture("backtrace-debug.txt"));
        assertThat(bt.signal()).isEqualTo("SIGSEGV");
        assertThat(bt.frames()).containsExactly(
                new GdbBacktrace.Frame(0, "link_key_check", "crasher.c:3"),
                new GdbBacktrace.Frame(1, "process_hello", "crasher.c:4"),
                new GdbBacktrace.Frame(2, "main", "crasher.c:5"));
        assertThat(bt.summary(2)).isEqualTo("SIGSEGV\n  #0 link_key_check at crasher.c:3\n  #1 process_hello at crasher.c:4");
    }

    @Test
    void strippedBinary() {
        GdbBacktrace bt = GdbBacktrace.parse(fixture("backtrace-stripped.txt"));
        assertThat(bt.frames()).hasSize(6);
        assertThat(bt.frames().get(0)).isEqualTo(new GdbBacktrace.Frame(0, "??", null));
        assertThat(bt.frames().get(3)).isEqualTo(
                new GdbBacktrace.Frame(3, "__libc_start_call_main", "../sysdeps/nptl/libc_start_call_main.h:58"));
    }

    @Test
    void plainBtWithoutThreadHeader() {
        String out = """
                Program terminated with signal SIGABRT, Aborted.
                #0  0x00007f in raise () from /lib/x86_64-linux-gnu/libc.so.6
                #0  0x00007f in raise () from /lib/x86_64-linux-gnu/libc.so.6
                #1  0x00007e in abort () from /lib/x86_64-linux-gnu/libc.so.6
                """;
        GdbBacktrace bt = GdbBacktrace.parse(out);
        assertThat(bt.signal()).isEqualTo("SIGABRT");
        assertThat(bt.frames()).extracting(GdbBacktrace.Frame::function).containsExactly("raise", "abort");
        assertThat(bt.frames().get(1).location()).isEqualTo("/lib/x86_64-linux-gnu/libc.so.6");
    }

    @Test
    void commandIsBatchAllThreads() {
        assertThat(GdbBacktrace.command("/usr/sbin/bmx7", "/var/lib/mlc-ng/daemon/core")).containsExactly(
                "gdb", "-batch", "-nx", "-ex", "set pagination off", "-ex", "thread apply all bt", "/usr/sbin/bmx7",
                "/var/lib/mlc-ng/daemon/core");
    }
}
