package net.mlcng.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the host's CPU counters and load, to warn when the host was saturated during a run. */
public interface HostProbe {
    String procStat();

    String loadavg();

    int cores();

    HostProbe PROC = new HostProbe() {
        @Override
        public String procStat() {
            return read("/proc/stat");
        }

        @Override
        public String loadavg() {
            return read("/proc/loadavg");
        }

        @Override
        public int cores() {
            return Runtime.getRuntime().availableProcessors();
        }

        private String read(String file) {
            try {
                return Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    };
}
