package io.matrixone.emulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest {
    private final Faults faults = new Faults();

    @Test
    void nothingConfiguredMeansProceed() {
        Faults.Decision d = faults.decide("SELECT 1");
        assertThat(d.delay()).isZero();
        assertThat(d.action()).isInstanceOf(Faults.Proceed.class);
    }

    @Test
    void failNextFiresTheGivenNumberOfTimes() {
        faults.failNext("insert into t", 20619, "w-w conflict", 2);
        assertThat(faults.decide("SELECT 1").action()).isInstanceOf(Faults.Proceed.class);
        assertThat(faults.decide("INSERT INTO t VALUES (1)").action())
                .isEqualTo(new Faults.Fail(20619, "HY000", "w-w conflict"));
        assertThat(faults.decide("insert into t values (2)").action()).isInstanceOf(Faults.Fail.class);
        assertThat(faults.decide("insert into t values (3)").action()).isInstanceOf(Faults.Proceed.class);
        assertThat(faults.isEmpty()).isTrue();
    }

    @Test
    void rulesFireInTheOrderTheyWereAdded() {
        faults.dropAfter("INSERT").dropBefore("INSERT");
        assertThat(faults.decide("INSERT 1").action()).isInstanceOf(Faults.DropAfter.class);
        assertThat(faults.decide("INSERT 2").action()).isInstanceOf(Faults.DropBefore.class);
        assertThat(faults.decide("INSERT 3").action()).isInstanceOf(Faults.Proceed.class);
    }

    @Test
    void latenciesAddUpAndStay() {
        faults.latency(Duration.ofMillis(10)).latency("^select", Duration.ofMillis(5));
        assertThat(faults.decide("SELECT 1").delay()).isEqualTo(Duration.ofMillis(15));
        assertThat(faults.decide("SELECT 1").delay()).isEqualTo(Duration.ofMillis(15));
        assertThat(faults.decide("UPDATE t").delay()).isEqualTo(Duration.ofMillis(10));
        faults.clear();
        assertThat(faults.decide("SELECT 1").delay()).isZero();
    }

    @Test
    void invalidRulesAreRejected() {
        assertThatThrownBy(() -> faults.failNext("x", 1, "m", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.dropBefore("(")).isInstanceOf(java.util.regex.PatternSyntaxException.class);
    }
}
