package io.matrixone.emulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** MatrixOne's allocation of AUTO_INCREMENT values in one multi-row INSERT; over the wire in EngineFeaturesIT. */
class AutoIncrementTest {

    private static List<Long> values(long next, Long... given) {
        return AutoIncrement.values(next, Arrays.asList(given));
    }

    @Test
    void generatedRowsTakeTheFreeValuesBelowTheLargestExplicitOneFirst() {
        assertThat(values(1, null, 1L, 2L, 3L)).containsExactly(4L, 1L, 2L, 3L);
        assertThat(values(1, null, 5L, null, 2L)).containsExactly(1L, 5L, 6L, 2L);
        assertThat(values(1, null, 3L, null, 1L, null)).containsExactly(2L, 3L, 4L, 1L, 5L);
    }

    @Test
    void aFreeValueIsNotReusedOnceALaterExplicitRowPassedIt() {
        assertThat(values(5, null, 9L, null, 6L)).containsExactly(5L, 9L, 10L, 6L);
    }

    @Test
    void explicitValuesBelowTheNextFreeOneChangeNothing() {
        assertThat(values(10, null, 3L, null)).containsExactly(10L, 3L, 11L);
    }

    @Test
    void aLargeExplicitValueNeedsNoTableOfFreeValues() {
        assertThat(values(1, null, 1_000_000_000_000L, null)).containsExactly(1L, 1_000_000_000_000L, 1_000_000_000_001L);
    }
}
