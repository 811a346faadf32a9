package io.matrixone.benchmarks.harness;

import java.util.Arrays;

/**
 * The statistics of a benchmark: the median of per-round values and a distribution-free confidence interval for
 * it, from order statistics. No normality is assumed (per-round ratios on a shared machine have long tails: a
 * round hit by another process's burst is an outlier, not a sample of a bell curve).
 *
 * <p>For {@code n} values sorted as {@code x(1) <= ... <= x(n)}, the number of values below the true median is
 * Binomial(n, 1/2), so {@code [x(k), x(n-k+1)]} covers the median with probability {@code 1 - 2 P(B <= k-1)}.
 * {@link #medianInterval} takes the largest {@code k} whose coverage is at least the asked confidence; below six
 * values no interval reaches 95% and the one returned ({@code [min, max]}) says what it covers.
 */
public final class Stats {

    private Stats() {
    }

    /** A median with its confidence interval: {@code low <= median <= high}, covering with {@code confidence}. */
    public record Interval(double median, double low, double high, double confidence, int n) {

        /** The larger distance from the median to an end of the interval. */
        public double halfWidth() {
            return Math.max(median - low, high - median);
        }

        /** Whether the interval reaches the asked confidence (false with too few values). */
        public boolean reaches(double asked) {
            return confidence + 1e-12 >= asked;
        }

        /** Whether the whole interval lies at or above {@code target}. */
        public boolean above(double target) {
            return low >= target;
        }

        /** Whether the whole interval lies below {@code target}. */
        public boolean below(double target) {
            return high < target;
        }
    }

    /** The median of the values (the mean of the two middle ones for an even count). */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = sorted(values);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * The median of the values and a confidence interval for it from order statistics (see the class comment).
     * NaN values are ignored.
     */
    public static Interval medianInterval(double[] values, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        double[] s = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = s.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        double median = median(s);
        // largest k with 2 * P(B <= k - 1) <= 1 - confidence; k = 1 gives [min, max]
        int k = 1;
        for (int j = 2; j <= (n + 1) / 2; j++) {
            if (1 - 2 * binomialCdfHalf(n, j - 1) >= confidence) {
                k = j;
            } else {
                break;
            }
        }
        double achieved = n == 1 ? 0 : 1 - 2 * binomialCdfHalf(n, k - 1);
        return new Interval(median, s[k - 1], s[n - k], achieved, n);
    }

    /** P(B <= m) for B ~ Binomial(n, 1/2). */
    static double binomialCdfHalf(int n, int m) {
        if (m < 0) {
            return 0;
        }
        if (m >= n) {
            return 1;
        }
        // sum of C(n, i) / 2^n, in logs to stay finite for large n
        double sum = 0;
        double logHalfPow = -n * Math.log(2);
        for (int i = 0; i <= m; i++) {
            sum += Math.exp(logChoose(n, i) + logHalfPow);
        }
        return Math.min(1, sum);
    }

    private static double logChoose(int n, int k) {
        double r = 0;
        for (int i = 1; i <= k; i++) {
            r += Math.log(n - k + i) - Math.log(i);
        }
        return r;
    }

    /** Per-round ratios {@code a[i] / b[i]}. */
    public static double[] ratios(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("rounds differ: " + a.length + " vs " + b.length);
        }
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = b[i] == 0 ? Double.NaN : a[i] / b[i];
        }
        return r;
    }

    private static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }
}
