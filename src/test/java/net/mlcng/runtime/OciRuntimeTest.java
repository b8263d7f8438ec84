package net.mlcng.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import net.mlcng.error.EnvironmentException;
import org.junit.jupiter.api.Test;

class OciRuntimeTest {
    private static final Set<String> BOTH = Set.of("runc", "crun");

    @Test
    void crunWhenTheEngineHasItAndTheCgroupsAllowIt() {
        assertThat(OciRuntime.choose(BOTH, List.of(), null).name()).isEqualTo("crun");
    }

    @Test
    void theEngineDefaultWithTheReasonOtherwise() {
        OciRuntime unregistered = OciRuntime.choose(Set.of("runc"), List.of(), null);
        assertThat(unregistered.name()).isNull();
        assertThat(unregistered.describe()).startsWith("engine default (runc)").contains("host setup");

        OciRuntime hybrid = OciRuntime.choose(BOTH, List.of("hugetlb"), null);
        assertThat(hybrid.name()).isNull();
        assertThat(hybrid.why()).contains("hybrid cgroups").contains("hugetlb");
    }

    @Test
    void anExplicitChoiceWinsButMustBeKnownToTheEngine() {
        assertThat(OciRuntime.choose(BOTH, List.of(), "runc").name()).isEqualTo("runc");
        assertThat(OciRuntime.choose(BOTH, List.of(), "").name()).isEqualTo("crun");
        assertThatThrownBy(() -> OciRuntime.choose(Set.of("runc"), List.of(), "youki"))
                .isInstanceOfSatisfying(EnvironmentException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("MLCNG_OCI_RUNTIME=youki").contains("it has: runc");
                });
    }
}
