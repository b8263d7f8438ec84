package net.mlcng.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import net.mlcng.cli.CliRunner;
import net.mlcng.runtime.DockerClients;
import net.mlcng.runtime.DockerImages;
import net.mlcng.util.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The node image on the real engine. Builds its own uniquely tagged images (cached layers make
 * that take seconds) and removes them and its containers afterwards; never touches mlc-ng/node:latest.
 */
@Tag("docker")
class NodeImageDockerTest {
    private static final String REPO = "mlc-ng/node-test-env-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
    private static final String PLAIN = REPO + ":plain";
    private static final List<String> containers = new ArrayList<>();
    private static DockerImages images;

    @BeforeAll
    static void buildPlainImage() {
        images = new DockerImages(DockerClients.connect());
        CliRunner.Outcome o = CliRunner.run("image", "build", "--tag", PLAIN);
        assertThat(o.exitCode()).as(o.err()).isZero();
    }

    @AfterAll
    static void cleanUp() {
        containers.forEach(c -> docker("rm", "-f", c));
        for (String tag : List.of(PLAIN, REPO + ":fakebmx7", REPO + ":fakedeb")) images.remove(tag);
    }

    @Test
    void buildWithoutBmx7LabelsTheImageBmx7Less() {
        var info = images.inspect(PLAIN).orElseThrow();
        assertThat(info.labels()).containsEntry(NodeImages.BMX7_LABEL, "false")
                .doesNotContainKey(NodeImages.BMX7_VERSION_LABEL);
        assertThat(images.runOnce(PLAIN, List.of("sh", "-c", "command -v bmx7"), Duration.ofSeconds(30)).exitCode())
                .isNotZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ip -V, iproute2",
        "nft --version, nftables",
        "wg --version, wireguard-tools",
        "wireguard-go --version, wireguard-go",
        "babeld -V, babeld",
        "ping -V, iputils",
        "traceroute --version, traceroute",
        "iperf3 --version, iperf 3",
        "tcpdump --version, tcpdump version",
        "ps --version, procps-ng",
        "gdb --version, GNU gdb",
    })
    void everyToolRunsInTheImage(String command, String expected) {
        DockerImages.RunOutput out = images.runOnce(PLAIN, List.of(command.split(" ")), Duration.ofSeconds(30));
        assertThat(out.exitCode()).as(out.output()).isZero();
        assertThat(out.output()).contains(expected);
    }

    @Test
    void entrypointReapsDaemonsThatForkIntoTheBackgroundAndStopsWithinTwoSeconds() throws InterruptedException {
        String name = start(PLAIN);
        // The subshell exits at once, orphaning sleep: only PID 1 can reap it when it ends.
        assertThat(docker("exec", name, "sh", "-c", "(sleep 1 &) ; (sleep 1 &) ; exit 0").ok()).isTrue();
        Thread.sleep(2500);
        Processes.Result ps = docker("exec", name, "ps", "-eo", "pid=,stat=,comm=");
        assertThat(ps.ok()).isTrue();
        assertThat(ps.stdout().lines().map(String::strip).filter(l -> l.split("\\s+")[1].startsWith("Z")).toList())
                .as("zombies among:\n" + ps.stdout()).isEmpty();

        long t0 = System.nanoTime();
        assertThat(docker("stop", "-t", "10", name).ok()).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("docker stop of a node took " + took.toMillis() + " ms");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void wireguardGoMakesAnInterfaceInANodeWithTunAndNetAdmin() {
        // The fallback when the host has no WireGuard module; the image's environment carries
        // the opt-in variable wireguard-go demands on kernels >= 5.6.
        String name = start(PLAIN, "--cap-add", "NET_ADMIN", "--device", "/dev/net/tun");
        Processes.Result up = docker("exec", name, "wireguard-go", "wgt0");
        assertThat(up.ok()).as(up.stdout() + up.stderr()).isTrue();
        Processes.Result show = docker("exec", name, "wg", "show", "wgt0");
        assertThat(show.ok()).as(show.stderr()).isTrue();
        assertThat(show.stdout()).contains("interface: wgt0");
    }

    @Test
    void coreOfADaemonStartedInTheCoreDirLandsThereAndGdbReadsIt() throws IOException {
        String pattern = Files.readString(Path.of("/proc/sys/kernel/core_pattern")).strip();
        // Host-global and never changed by mlc-ng: with a pipe or absolute pattern cores go elsewhere.
        assumeTrue(!pattern.startsWith("|") && !pattern.contains("/"), "core_pattern is " + pattern);
        String name = start(PLAIN, "--ulimit", "core=-1");
        Processes.Result crash = docker("exec", "-w", NodeImages.CORE_DIR, name, "sh", "-c",
                "sleep 100 & p=$!; sleep 0.3; kill -SEGV $p; wait $p; true");
        assertThat(crash.ok()).as(crash.stderr()).isTrue();
        Processes.Result bt = docker("exec", "-w", NodeImages.CORE_DIR, name, "sh", "-c",
                "gdb -batch -ex bt /usr/bin/sleep " + NodeImages.CORE_DIR + "/core*");
        assertThat(bt.stdout()).contains("#0").contains("__libc_start_main");
    }

    /** Tests the PACKAGING PATH ONLY with a shell script standing in for bmx7: this is not BMX7. */
    @Test
    void fakeBmx7PackagingPathOnly_directoryGoesOnPathAndLabelsTheImage(@TempDir Path dir) throws IOException {
        Path fake = Files.writeString(dir.resolve("bmx7"), "#!/bin/sh\necho 'BMX7-0.0-fake-packaging-test compatibility=0'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("bmx7_fakeplugin.so"), "not a real plugin\n");
        String tag = REPO + ":fakebmx7";

        CliRunner.Outcome o = CliRunner.run("image", "build", "--bmx7", dir.toString(), "--tag", tag);

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("bmx7: BMX7-0.0-fake-packaging-test");
        assertThat(images.inspect(tag).orElseThrow().labels())
                .containsEntry(NodeImages.BMX7_LABEL, "true")
                .containsEntry(NodeImages.BMX7_VERSION_LABEL, "BMX7-0.0-fake-packaging-test");
        DockerImages.RunOutput where = images.runOnce(tag,
                List.of("sh", "-c", "command -v bmx7 && bmx7 && ls /usr/local/lib/bmx7_fakeplugin.so"), Duration.ofSeconds(30));
        assertThat(where.exitCode()).as(where.output()).isZero();
        assertThat(where.output()).contains("/usr/local/sbin/bmx7").contains("BMX7-0.0-fake-packaging-test")
                .contains("/usr/local/lib/bmx7_fakeplugin.so");
    }

    /** Tests the .deb PACKAGING PATH ONLY with a package holding a shell script: this is not BMX7. */
    @Test
    void fakeBmx7PackagingPathOnly_debIsInstalledWithApt(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("pkg");
        Files.createDirectories(root.resolve("DEBIAN"));
        Files.createDirectories(root.resolve("usr/sbin"));
        Files.writeString(root.resolve("DEBIAN/control"), """
                Package: bmx7-fake-packaging-test
                Version: 0.0-1
                Architecture: all
                Maintainer: mlc-ng tests <tests@mlc-ng.invalid>
                Depends: libjson-c5
                Description: stand-in used to test mlc-ng's .deb packaging path (not BMX7)
                """);
        Path fake = Files.writeString(root.resolve("usr/sbin/bmx7"), "#!/bin/sh\necho 'BMX7-0.0-fakedeb compatibility=0'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path deb = dir.resolve("bmx7-fake.deb");
        Processes.Result built = Processes.run(List.of("dpkg-deb", "--root-owner-group", "--build", root.toString(), deb.toString()),
                Duration.ofSeconds(60));
        assertThat(built.ok()).as(built.stderr()).isTrue();
        String tag = REPO + ":fakedeb";

        CliRunner.Outcome o = CliRunner.run("image", "build", "--bmx7", deb.toString(), "--tag", tag);

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(images.inspect(tag).orElseThrow().labels())
                .containsEntry(NodeImages.BMX7_LABEL, "true")
                .containsEntry(NodeImages.BMX7_VERSION_LABEL, "BMX7-0.0-fakedeb");
        DockerImages.RunOutput status = images.runOnce(tag,
                List.of("dpkg-query", "-W", "-f=${Status}", "bmx7-fake-packaging-test"), Duration.ofSeconds(30));
        assertThat(status.output()).isEqualTo("install ok installed");
    }

    private static String start(String image, String... options) {
        String name = "mlcng-envtest-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
        containers.add(name);
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--network", "none", "--name", name));
        cmd.addAll(List.of(options));
        cmd.add(image);
        Processes.Result r = docker(cmd.toArray(String[]::new));
        assertThat(r.ok()).as(r.stderr()).isTrue();
        return name;
    }

    private static Processes.Result docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, Duration.ofSeconds(60));
    }
}
