package io.matrixone.benchmarks.harness;

import java.io.Serializable;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The rounds of one pair: side A (the SDK) and side B (what it is compared with), one {@link Sample} each per
 * round, measured back to back. Every ratio is computed per round and summarised by its median and a 95%
 * interval ({@link Stats#medianInterval}); a round's two halves saw the same machine, within seconds.
 * {@code detailA}/{@code detailB} say what ran (the JMH method); {@code target} is the throughput ratio the SDK
 * must reach (NaN: none).
 */
public record PairResult(String id, String what, String labelA, String labelB, String detailA, String detailB,
                         double target, List<Sample> a, List<Sample> b) implements Serializable {

    public static final double CONFIDENCE = 0.95;

    public int rounds() {
        return a.size();
    }

    /** A's throughput over B's, per round: above 1, A is faster. */
    public Stats.Interval throughputRatio() {
        return ratio(Sample::throughput);
    }

    /** A's client CPU time per item over B's, per round: below 1, A spends less. */
    public Stats.Interval cpuRatio() {
        return ratio(Sample::cpuPerItem);
    }

    /** A's bytes allocated per item over B's, per round: below 1, A allocates less. */
    public Stats.Interval allocRatio() {
        return ratio(Sample::allocPerItem);
    }

    /** A's peak memory growth over B's, per round. */
    public Stats.Interval peakRatio() {
        return ratio(Sample::peak);
    }

    public Stats.Interval ratio(ToDoubleFunction<Sample> metric) {
        double[] x = a.stream().mapToDouble(metric).toArray();
        double[] y = b.stream().mapToDouble(metric).toArray();
        return Stats.medianInterval(Stats.ratios(x, y), CONFIDENCE);
    }

    /** The median of one side's metric over the rounds. */
    public double medianA(ToDoubleFunction<Sample> metric) {
        return Stats.median(a.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).toArray());
    }

    public double medianB(ToDoubleFunction<Sample> metric) {
        return Stats.median(b.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).toArray());
    }

    /** The largest value of one side's metric over the rounds (peak memory). */
    public double maxA(ToDoubleFunction<Sample> metric) {
        return a.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    public double maxB(ToDoubleFunction<Sample> metric) {
        return b.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }
}
