package io.matrixone.benchmarks.harness;

import java.io.Serializable;

/**
 * What one side did in one round: how many items (queries, rows, transactions) in how much wall-clock time, and
 * what the client process spent on them: CPU time (all its threads, GC and JIT included) and bytes allocated on
 * the heap (all its threads). {@code peakBytes} is the peak memory growth where the side measures it (streaming),
 * else 0. A value a side cannot measure is -1.
 */
public record Sample(long items, long wallNanos, long cpuNanos, long allocBytes, long peakBytes) implements Serializable {

    /** Items per second of wall-clock time. */
    public double throughput() {
        return wallNanos <= 0 ? Double.NaN : items * 1e9 / wallNanos;
    }

    /** Client CPU nanoseconds per item, NaN if unknown. */
    public double cpuPerItem() {
        return cpuNanos < 0 || items == 0 ? Double.NaN : (double) cpuNanos / items;
    }

    /** Bytes allocated per item, NaN if unknown. */
    public double allocPerItem() {
        return allocBytes < 0 || items == 0 ? Double.NaN : (double) allocBytes / items;
    }

    /** Peak memory growth in bytes, NaN if not measured. */
    public double peak() {
        return peakBytes <= 0 ? Double.NaN : peakBytes;
    }
}
