package net.mlcng.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Plural.of(1, "repetition")).isEqualTo("1 repetition");
        assertThat(Plural.of(0, "repetition")).isEqualTo("0 repetitions");
        assertThat(Plural.of(3, "host interface")).isEqualTo("3 host interfaces");
        assertThat(Plural.of(1, "medium", "media")).isEqualTo("1 medium");
        assertThat(Plural.of(2, "medium", "media")).isEqualTo("2 media");
    }
}
