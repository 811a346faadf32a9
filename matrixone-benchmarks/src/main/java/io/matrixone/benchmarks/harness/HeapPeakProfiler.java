package io.matrixone.benchmarks.harness;

import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting {@code heap.peak} (bytes): the peak used heap during each iteration above the level
 * after a GC before it, sampled every millisecond ({@link HeapPeak}); the largest over the iterations. For the
 * streaming benchmarks, run in a fork with a small {@code -Xmx}.
 */
public final class HeapPeakProfiler implements InternalProfiler {
    private HeapPeak peak;

    @Override
    public String getDescription() {
        return "peak heap growth during an iteration (heap.peak)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        peak = new HeapPeak();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long growth = peak.growth();
        peak.close();
        return List.of(new ScalarResult("heap.peak", growth, "B", AggregationPolicy.MAX));
    }
}
