package net.mlcng.host;

import static org.assertj.core.api.Assertions.assertThat;

import net.mlcng.cli.CliRunner;
import net.mlcng.runtime.DockerClients;
import net.mlcng.runtime.DockerRuntime;
import net.mlcng.runtime.OciRuntime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On a host already set up (this one, or CI after .ci/run's setup step) setup changes nothing,
 * and labs get crun: registered with the engine, and no cgroup controller keeps it off the host.
 */
@Tag("docker")
class HostSetupDockerTest {
    @Test
    void setupOnAReadyHostChangesNothing() {
        assertThat(HostSetup.missingPackages(HostSetup.PACKAGES)).isEmpty();

        CliRunner.Outcome o = CliRunner.run("host", "setup");

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("nothing changed").contains("API ");
        assertThat(o.out()).doesNotContain("installing").doesNotContain("starting dockerd");
        assertThat(DockerClients.status().runtimes()).contains(OciRuntime.CRUN);
        assertThat(CgroupLayout.host().strandedControllers()).isEmpty();
        try (DockerRuntime runtime = DockerRuntime.connect(1)) {
            assertThat(runtime.ociRuntime().name()).isEqualTo(OciRuntime.CRUN);
        }
    }
}
