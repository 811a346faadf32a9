package io.matrixone.emulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableFunctionsTest {

    private static String rw(String sql) {
        return TableFunctions.rewrite(sql, SqlLexer.tokenize(sql));
    }

    @Test
    void generateSeriesReadsTheSequenceEngine() {
        assertThat(rw("insert into t select result from generate_series(1, 30000, 1) g"))
                .isEqualTo("insert into t select result from (SELECT seq AS result FROM mysql.seq_1_to_30000) g");
        assertThat(rw("select * from generate_series(5)")).isEqualTo("select * from (SELECT seq AS result FROM mysql.seq_1_to_5) AS generate_series");
        assertThat(rw("select * from generate_series(0, 10, 2) where result > 1"))
                .isEqualTo("select * from (SELECT seq AS result FROM mysql.seq_0_to_10_step_2) AS generate_series where result > 1");
        assertThat(rw("select generate_series(1, 3)")).isEqualTo("select generate_series(1, 3)");
        assertThat(rw("select * from generate_series(1, @n) g")).isEqualTo("select * from generate_series(1, @n) g");
    }

    @Test
    void storedBuiltInsAreCalledInMoCatalog() {
        assertThat(rw("CAST_RANGE_VALUE_UNIT(PITR_LENGTH, PITR_UNIT) > 24"))
                .isEqualTo("mo_catalog.cast_range_value_unit(PITR_LENGTH, PITR_UNIT) > 24");
        assertThat(rw("select x.cast_range_value_unit(1, 'h')")).isEqualTo("select x.cast_range_value_unit(1, 'h')");
    }
}
