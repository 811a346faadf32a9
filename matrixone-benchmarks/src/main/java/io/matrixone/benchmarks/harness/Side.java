package io.matrixone.benchmarks.harness;

/**
 * One side of a pair (the SDK, or what it is compared with) as the {@link RoundRunner} sees it: measure one round.
 * Java sides are JMH benchmark methods ({@link JmhSide}: one short JMH run per round); a side in another process
 * (the Python SDK, {@code PythonPeer}) measures itself.
 */
public interface Side {

    String label();

    /** What runs: the JMH method and its parameters, or the worker's workload. */
    default String detail() {
        return label();
    }

    /** Runs one round and says what it measured; {@code warmup} rounds are discarded by the caller. */
    Sample round(boolean warmup) throws Exception;
}
