package io.matrixone.core.retry;

import io.matrixone.core.internal.error.ErrorClassifier;
import io.matrixone.core.error.MatrixOneException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private static final MatrixOneException CONFLICT = ErrorClassifier.classify(20619, "HY000", "w-w conflict", null, null);
    private static final MatrixOneException UNKNOWN = ErrorClassifier.classify(20638, "HY000", "txn commit status is unknown", null, null);
    private static final MatrixOneException DUPLICATE = ErrorClassifier.classify(1062, "HY000", "Duplicate entry", null, null);

    @Test
    void defaultMakesThreeJitteredAttempts() {
        assertThat(RetryPolicy.DEFAULT).isEqualTo(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(1), true));
        assertThat(RetryPolicy.attempts(5).maxAttempts()).isEqualTo(5);
        assertThat(RetryPolicy.attempts(5).initialBackoff()).isEqualTo(RetryPolicy.DEFAULT.initialBackoff());
    }

    @Test
    void doublesTheWaitUpToTheCapWithoutJitter() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(20), Duration.ofMillis(150), false);
        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(20));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(40));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(80));
        assertThat(p.backoff(4)).isEqualTo(Duration.ofMillis(150));
        assertThat(p.backoff(9)).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void neverOverflowsForLateAttempts() {
        RetryPolicy p = new RetryPolicy(100, Duration.ofSeconds(1), Duration.ofMinutes(1), false);
        assertThat(p.backoff(40)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
        assertThat(new RetryPolicy(100, Duration.ofDays(365), Duration.ofDays(365), false).backoff(64))
                .isEqualTo(Duration.ofDays(365));
    }

    @Test
    void treatsAttemptZeroOrBelowAsTheFirst() {
        RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(1), false);
        assertThat(p.backoff(0)).isEqualTo(Duration.ofMillis(20));
        assertThat(p.backoff(-5)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void jitterDrawsWithinZeroAndTheBound() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(20), Duration.ofMillis(150), true);
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Duration first = p.backoff(1);
            Duration capped = p.backoff(8);
            assertThat(first).isBetween(Duration.ZERO, Duration.ofMillis(20));
            assertThat(capped).isBetween(Duration.ZERO, Duration.ofMillis(150));
            seen.add(capped);
        }
        // full jitter spreads the waits: 2000 draws from 150 million nanosecond values are not a handful
        assertThat(seen).hasSizeGreaterThan(100);
    }

    @Test
    void waitsNothingWithZeroBackoff() {
        assertThat(RetryPolicy.NONE.backoff(1)).isZero();
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1), true).backoff(3)).isZero();
    }

    @Test
    void retriesRetryableErrorsUntilTheLastAttempt() {
        RetryPolicy p = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, false);
        assertThat(p.shouldRetry(CONFLICT, 1)).isTrue();
        assertThat(p.shouldRetry(CONFLICT, 2)).isTrue();
        assertThat(p.shouldRetry(CONFLICT, 3)).isFalse();
    }

    @Test
    void neverRetriesNonRetryableErrors() {
        RetryPolicy p = RetryPolicy.attempts(10);
        assertThat(p.shouldRetry(UNKNOWN, 1)).as("20638 commit status unknown").isFalse();
        assertThat(p.shouldRetry(DUPLICATE, 1)).isFalse();
        assertThat(p.shouldRetry(new IllegalStateException("bug"), 1)).isFalse();
        assertThat(p.shouldRetry(new RuntimeException(CONFLICT), 1)).as("wrapped, not translated").isFalse();
        assertThat(p.shouldRetry(null, 1)).isFalse();
    }

    @Test
    void noneNeverRetries() {
        assertThat(RetryPolicy.NONE.shouldRetry(CONFLICT, 1)).isFalse();
    }

    @Test
    void validatesItsSettings() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be >= 1, was 0");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("backoff must not be negative");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxBackoff (PT1S) must be >= initialBackoff");
        assertThatThrownBy(() -> new RetryPolicy(1, null, Duration.ZERO, false)).isInstanceOf(NullPointerException.class);
    }
}
