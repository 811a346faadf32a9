package io.matrixone.benchmarks.harness;

/** One invocation of a benchmark body; returns how many items (queries, rows, transactions) it handled. */
@FunctionalInterface
public interface Op {
    long run() throws Exception;
}
