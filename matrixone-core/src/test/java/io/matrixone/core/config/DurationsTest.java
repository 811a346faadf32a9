package io.matrixone.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @Test
    void readsABareNumberAsSeconds() {
        assertThat(Durations.parse("t", "30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("t", " 0 ")).isZero();
    }

    @Test
    void readsUnits() {
        assertThat(Durations.parse("t", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("t", "5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("t", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("t", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("t", "250MS")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("t", "5 s")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void readsIsoDurations() {
        assertThat(Durations.parse("t", "PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("t", "pt1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("t", "P1D")).isEqualTo(Duration.ofDays(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.5s", "5d", "5min", "PTx", "s", "ms"})
    void rejectsUnreadableTextNamingTheSetting(String text) {
        assertThatThrownBy(() -> Durations.parse("connectTimeout", text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connectTimeout must be a duration such as 30, 500ms, 5s, 2m or PT5S, was '" + text + "'");
    }
}
