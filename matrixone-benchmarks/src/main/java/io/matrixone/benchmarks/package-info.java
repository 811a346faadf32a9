/**
 * JMH benchmarks: each pairs an SDK path with the raw driver doing the same work, in one run
 * ({@code RunBenchmarks}).
 */
package io.matrixone.benchmarks;
