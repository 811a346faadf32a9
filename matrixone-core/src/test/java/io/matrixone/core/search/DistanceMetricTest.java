package io.matrixone.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistanceMetricTest {
    private static final float[] A = {1f, 2f, 3f};
    private static final float[] B = {1f, 1f, 1f};

    @Test
    void distancesAreMatrixOnesValues() {
        // values MatrixOne 4.2.0 printed for these vectors
        assertThat(DistanceMetric.L2.between(A, B)).isCloseTo(2.23606797749979, within(1e-12));
        assertThat(DistanceMetric.L2_SQUARED.between(A, B)).isCloseTo(5, within(1e-12));
        assertThat(DistanceMetric.INNER_PRODUCT.between(A, B)).isCloseTo(-6, within(1e-12));
        assertThat(DistanceMetric.COSINE.between(A, B)).isCloseTo(0.07417990267276764, within(1e-7));
        assertThat(DistanceMetric.COSINE.between(A, A)).isCloseTo(0, within(1e-12));
    }

    @Test
    void unequalLengthsAndZeroCosinesAreRefused() {
        assertThatThrownBy(() -> DistanceMetric.L2.between(A, new float[] {1f, 2f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension not matched: 3 != 2");
        assertThatThrownBy(() -> DistanceMetric.COSINE.between(A, new float[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero denominator");
        assertThat(DistanceMetric.L2.between(A, new float[3])).isCloseTo(Math.sqrt(14), within(1e-12));
    }
}
