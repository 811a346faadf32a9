package io.matrixone.benchmarks.harness;

/**
 * How long each side runs in a round: for a time ({@code millis > 0}: invocations back to back until it is up,
 * for fast operations), or one shot (one invocation, after an untimed reset: bulk loads, 1M-row reads).
 */
public record Budget(long millis, int warmupRounds) {

    public static Budget timed(long millis, int warmupRounds) {
        return new Budget(millis, warmupRounds);
    }

    public static Budget shot(int warmupRounds) {
        return new Budget(0, warmupRounds);
    }

    public boolean isShot() {
        return millis <= 0;
    }
}
