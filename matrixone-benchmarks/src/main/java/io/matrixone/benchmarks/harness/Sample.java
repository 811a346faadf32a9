package io.matrixone.benchmarks.harness;

import java.io.Serializable;

/**
 * What one side measured in one round: items (queries, rows, transactions) per second of wall-clock time, the
 * client's CPU nanoseconds and heap bytes allocated per item, and the peak heap (or resident set) growth where the
 * side measures it (streaming). A value a side cannot measure is NaN. For a JMH side these come from the round's
 * JMH run: the primary score, {@link CpuTimeProfiler}'s {@code cpu.time.norm}, the {@code gc} profiler's
 * {@code gc.alloc.rate.norm} and {@link HeapPeakProfiler}'s {@code heap.peak}.
 */
public record Sample(double throughput, double cpuPerItem, double allocPerItem, double peak) implements Serializable {

    /** From a side that counted {@code items} in {@code wallNanos} and spent {@code cpuNanos} (-1: unknown). */
    public static Sample counted(long items, long wallNanos, long cpuNanos, long peakBytes) {
        return new Sample(wallNanos <= 0 ? Double.NaN : items * 1e9 / wallNanos,
                cpuNanos < 0 || items == 0 ? Double.NaN : (double) cpuNanos / items, Double.NaN,
                peakBytes <= 0 ? Double.NaN : peakBytes);
    }
}
