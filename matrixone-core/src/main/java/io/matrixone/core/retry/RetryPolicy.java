package io.matrixone.core.retry;

import io.matrixone.core.error.MatrixOneException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before running a whole transaction again. Only errors whose
 * {@link MatrixOneException#isRetryable()} is true are retried: MatrixOne's "retry the whole transaction"
 * codes, never 20638 (commit status unknown). The wait grows exponentially from {@code initialBackoff} to
 * at most {@code maxBackoff}; with {@code jitter} it is drawn uniformly from [0, that bound] ("full
 * jitter"), so that conflicting clients do not retry in lock step.
 *
 * @param maxAttempts    total attempts including the first; 1 = no retry
 * @param initialBackoff wait before the second attempt (before jitter)
 * @param maxBackoff     cap on any wait
 * @param jitter         whether to randomise each wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, boolean jitter) {

    /** Three attempts, 20 ms growing to at most 1 s, jittered. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(1), true);
    /** One attempt: never retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, false);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must be >= initialBackoff (" + initialBackoff + ")");
        }
    }

    /** {@code attempts} attempts with the default backoff. */
    public static RetryPolicy attempts(int attempts) {
        return new RetryPolicy(attempts, DEFAULT.initialBackoff, DEFAULT.maxBackoff, true);
    }

    /**
     * Whether attempt number {@code attempt} (1-based) that failed with {@code error} should be followed by
     * another.
     */
    public boolean shouldRetry(Throwable error, int attempt) {
        return attempt < maxAttempts && error instanceof MatrixOneException m && m.isRetryable();
    }

    /** How long to wait after failed attempt {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
        if (initialBackoff.isZero()) {
            return Duration.ZERO;
        }
        long base = initialBackoff.toNanos();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long bound = base > (Long.MAX_VALUE >> shift) ? maxBackoff.toNanos() : Math.min(base << shift, maxBackoff.toNanos());
        if (!jitter) {
            return Duration.ofNanos(bound);
        }
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound + 1));
    }
}
