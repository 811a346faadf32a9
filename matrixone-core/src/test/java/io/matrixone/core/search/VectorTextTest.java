package io.matrixone.core.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VectorTextTest {

    @Test
    void writesFloatsAndDoublesAsMatrixOneParsesThem() {
        assertThat(VectorText.format(new float[] {1f, 2.5f, -0.125f})).isEqualTo("[1.0, 2.5, -0.125]");
        assertThat(VectorText.format(new double[] {0.1, 1e-7})).isEqualTo("[0.1, 1.0E-7]");
        assertThat(VectorText.format(new float[0])).isEqualTo("[]");
    }

    @Test
    void readsWhatMatrixOnePrints() {
        // MatrixOne 4.2.0 prints vecf32 as Go's shortest 'f' form: no exponent, no trailing .0
        assertThat(VectorText.parseFloats("[0.12345679, 0.0000001, 100000000]"))
                .containsExactly(0.12345679f, 1e-7f, 1e8f);
        assertThat(VectorText.parseDoubles("[0.0000001, 2, 3.1234567890123457]"))
                .containsExactly(1e-7, 2.0, 3.1234567890123457);
        assertThat(VectorText.parseDoubles(" [1,2 , 3]\n")).containsExactly(1.0, 2.0, 3.0);
        assertThat(VectorText.parseDoubles("[]")).isEmpty();
    }

    @Test
    void roundTripsEveryFloatExactly() {
        java.util.Random random = new java.util.Random(7);
        float[] v = new float[256];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(random.nextInt()) ;
            if (!Float.isFinite(v[i])) {
                v[i] = random.nextFloat();
            }
        }
        assertThat(VectorText.parseFloats(VectorText.format(v))).containsExactly(v);
    }

    @Test
    void refusesWhatIsNotAVector() {
        for (String bad : new String[] {"", "abc", "[1, 2", "1, 2]", "[1,,2]", "[1, x]", "[NaN]", "[0x10]", "[1d]",
                "[Infinity]", "[1e999]"}) {
            assertThatThrownBy(() -> VectorText.parseDoubles(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a MatrixOne vector");
        }
    }

    @Test
    void refusesNonFiniteElementsBeforeAnythingIsSent() {
        assertThatThrownBy(() -> VectorText.format(new float[] {1f, Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("element 1 is NaN");
        assertThatThrownBy(() -> VectorText.format(new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }
}
