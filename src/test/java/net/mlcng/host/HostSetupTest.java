package net.mlcng.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.mlcng.error.EnvironmentException;
import org.junit.jupiter.api.Test;

class HostSetupTest {
    @Test
    void notRootIsAnEnvironmentErrorWithAFixAndNothingIsDone() {
        List<String> log = new ArrayList<>();
        Privileges user = new Privileges(1000, BigInteger.ZERO);

        assertThatThrownBy(() -> HostSetup.run(user, false, log::add))
                .isInstanceOfSatisfying(EnvironmentException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.fix()).contains("sudo ./mlc-ng host setup");
                });
        assertThat(log).isEmpty();
    }
}
