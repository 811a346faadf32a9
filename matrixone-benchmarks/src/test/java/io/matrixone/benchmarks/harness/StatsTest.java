package io.matrixone.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Stats.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Stats.median(new double[0])).isNaN();
    }

    @Test
    void binomialCdfMatchesHandComputedValues() {
        assertThat(Stats.binomialCdfHalf(6, 0)).isCloseTo(1 / 64.0, within(1e-12));
        assertThat(Stats.binomialCdfHalf(10, 1)).isCloseTo(11 / 1024.0, within(1e-12));
        assertThat(Stats.binomialCdfHalf(20, 5)).isCloseTo(21700 / 1048576.0, within(1e-12));
        assertThat(Stats.binomialCdfHalf(5, 5)).isEqualTo(1);
        assertThat(Stats.binomialCdfHalf(5, -1)).isEqualTo(0);
    }

    @Test
    void intervalUsesTheTextbookOrderStatistics() {
        // n = 20 at 95%: [x(6), x(15)], coverage 1 - 2 * P(B <= 5) = 0.9586
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = 20 - i; // unsorted on purpose: 20, 19, ..., 1
        }
        Stats.Interval ci = Stats.medianInterval(v, 0.95);
        assertThat(ci.median()).isEqualTo(10.5);
        assertThat(ci.low()).isEqualTo(6);
        assertThat(ci.high()).isEqualTo(15);
        assertThat(ci.confidence()).isCloseTo(0.9586, within(1e-4));
        assertThat(ci.reaches(0.95)).isTrue();
        assertThat(ci.n()).isEqualTo(20);
        assertThat(ci.halfWidth()).isEqualTo(4.5);
    }

    @Test
    void tenValuesGiveSecondToNinth() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Stats.Interval ci = Stats.medianInterval(v, 0.95);
        assertThat(ci.low()).isEqualTo(2);
        assertThat(ci.high()).isEqualTo(9);
        assertThat(ci.confidence()).isCloseTo(1 - 22 / 1024.0, within(1e-12));
    }

    @Test
    void fewerThanSixValuesCannotReach95Percent() {
        Stats.Interval ci = Stats.medianInterval(new double[] {1, 2, 3, 4, 5}, 0.95);
        assertThat(ci.low()).isEqualTo(1);
        assertThat(ci.high()).isEqualTo(5);
        assertThat(ci.confidence()).isCloseTo(1 - 2 / 32.0, within(1e-12));
        assertThat(ci.reaches(0.95)).isFalse();
        assertThat(Stats.medianInterval(new double[] {7}, 0.95).confidence()).isZero();
    }

    @Test
    void nanValuesAreIgnored() {
        Stats.Interval ci = Stats.medianInterval(new double[] {Double.NaN, 1, 2, 3}, 0.5);
        assertThat(ci.n()).isEqualTo(3);
        assertThat(ci.median()).isEqualTo(2);
        assertThat(Stats.medianInterval(new double[] {Double.NaN}, 0.95).median()).isNaN();
    }

    @Test
    void coverageHoldsEmpirically() {
        // draws from a skewed distribution with a known median (exponential: ln 2); the interval must cover it
        // in at least ~95% of trials
        Random random = new Random(42);
        int trials = 4000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] v = new double[15];
            for (int i = 0; i < v.length; i++) {
                v[i] = -Math.log(1 - random.nextDouble());
            }
            Stats.Interval ci = Stats.medianInterval(v, 0.95);
            if (ci.low() <= Math.log(2) && Math.log(2) <= ci.high()) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isGreaterThan(0.94);
    }

    @Test
    void aboveAndBelowTellWhetherATargetIsDecided() {
        Stats.Interval ci = new Stats.Interval(1.0, 0.96, 1.04, 0.95, 20);
        assertThat(ci.above(0.95)).isTrue();
        assertThat(ci.above(0.97)).isFalse();
        assertThat(ci.below(1.05)).isTrue();
        assertThat(ci.below(1.0)).isFalse();
    }

    @Test
    void ratiosArePerRound() {
        assertThat(Stats.ratios(new double[] {2, 3}, new double[] {1, 0})).containsExactly(2, Double.NaN);
        assertThatThrownBy(() -> Stats.ratios(new double[1], new double[2])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.medianInterval(new double[1], 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
