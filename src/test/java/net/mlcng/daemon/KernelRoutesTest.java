package net.mlcng.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.mlcng.TestResources;
import net.mlcng.error.OperationFailedException;
import org.junit.jupiter.api.Test;

class KernelRoutesTest {
    private static String fixture(String name) {
        return TestResources.text("/fixtures/iproute/" + name);
    }

    @Test
    void bmx7Table() {
        List<Route> routes = KernelRoutes.parse(new NodeExec.ExecResult(0, fixture("table70.json"), ""), 70);
        assertThat(routes).hasSize(5);
        assertThat(routes.get(1)).isEqualTo(new Route(
                "fd70:6a83:a20b:c1a8:235f:9375:204b:28d5/128", "fe80::98ed:83ff:febd:3678", "w2", null));
        assertThat(routes.get(4)).isEqualTo(new Route("fd70::/16", null, "e4", null));
    }

    @Test
    void missingTableIsNoRoutes() {
        assertThat(KernelRoutes.parse(new NodeExec.ExecResult(2, "[", fixture("table70-missing.stderr")), 70)).isEmpty();
    }

    @Test
    void otherFailuresAreReported() {
        assertThatThrownBy(() -> KernelRoutes.parse(new NodeExec.ExecResult(127, "", "sh: ip: not found"), 70))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("ip: not found");
        assertThatThrownBy(() -> KernelRoutes.parse(new NodeExec.ExecResult(0, "fd70::1 dev e4", ""), 70))
                .hasMessageContaining("not JSON");
    }

    @Test
    void commandAsksForJson() {
        assertThat(KernelRoutes.command(70)).containsExactly("ip", "-j", "-6", "route", "show", "table", "70");
    }
}
