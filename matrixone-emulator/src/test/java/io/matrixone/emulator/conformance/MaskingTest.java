package io.matrixone.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void runValuesAreMaskedTestDataIsNot() {
        assertThat(Masking.mask("sp1 2025-07-19 05:51:11.493962 x")).isEqualTo("sp1 <datetime>.<frac> x");
        assertThat(Masking.mask("2024-12-25 16:34:55")).isEqualTo("<datetime>");
        assertThat(Masking.mask("1999-12-31 23:59:59")).isEqualTo("1999-12-31 23:59:59");
        assertThat(Masking.mask("01929da4-89af-7ed8-8f32-8df9ed5ddd71")).isEqualTo("<uuid>");
        assertThat(Masking.mask("ts 1752904271493962000 and 42")).isEqualTo("ts <clock> and 42");
        assertThat(Masking.mask("3.1415926535897932")).isEqualTo("3.1415926535897932");
        assertThat(Masking.mask(null)).isNull();
    }
}
