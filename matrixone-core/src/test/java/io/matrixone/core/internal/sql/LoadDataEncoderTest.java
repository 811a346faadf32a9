package io.matrixone.core.internal.sql;

import io.matrixone.core.bulk.BulkInsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.core.internal.sql.BulkSql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LoadDataEncoderTest {

    private static String encode(Object... values) {
        LoadDataEncoder e = new LoadDataEncoder(8);
        e.row(values);
        return new String(e.array(), 0, e.length(), StandardCharsets.UTF_8);
    }

    @Test
    void escapesEverythingThatCouldEndAFieldOrALine() {
        assertThat(encode("a\tb", "c\nd", "e\\f", "g\rh", "i\0j", "k\u001al"))
                .isEqualTo("a\\tb\tc\\nd\te\\\\f\tg\\rh\ti\\0j\tk\\Zl\n");
        assertThat(encode("\\N", "")).isEqualTo("\\\\N\t\n");
    }

    @Test
    void nullIsBackslashN() {
        assertThat(encode(null, 1L, null)).isEqualTo("\\N\t1\t\\N\n");
    }

    @Test
    void unicodeIsUtf8AndUnpairedSurrogatesBecomeQuestionMarks() {
        assertThat(encode("中文 ñ 😀")).isEqualTo("中文 ñ 😀\n");
        assertThat(encode("x\uD800y")).isEqualTo("x?y\n");
    }

    @Test
    void valuesFollowTheParameterRules() {
        assertThat(encode(Long.MIN_VALUE, -42, 0L, true, false, new BigDecimal("1E+3"), 2.5d))
                .isEqualTo("-9223372036854775808\t-42\t0\t1\t0\t1000\t2.5\n");
        assertThat(encode(LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 1, 2), LocalTime.of(3, 4, 5, 120_000_000),
                Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo("2024-02-29\t2024-02-29 01:02:00\t03:04:05.12\t2024-01-01 00:00:00\n");
        UUID u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(encode(u, new float[] {1f, 2.5f}, new byte[] {'a', '\t', (byte) 0xC3, (byte) 0xA9}))
                .isEqualTo("123e4567-e89b-12d3-a456-426614174000\t[1.0, 2.5]\ta\\té\n");
    }

    @Test
    void refusesUnsupportedTypesAndNaN() {
        assertThatThrownBy(() -> encode(new StringBuilder("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encode(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sqlQuotesNamesAndSpellsOutTheFormat() {
        assertThat(BulkSql.loadDataLocal("db", "t", List.of("id", "name"))).isEqualTo(
                "LOAD DATA LOCAL INFILE 'matrixone-sdk-bulk-stream' INTO TABLE `db`.`t` CHARACTER SET utf8mb4 "
                        + "FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (`id`, `name`)");
        assertThat(BulkSql.insertRow(null, "t", List.of("a", "b"))).isEqualTo("INSERT INTO `t` (`a`, `b`) VALUES (?, ?)");
        assertThat(BulkSql.insertRows(null, "t", List.of("a"), 3)).isEqualTo("INSERT INTO `t` (`a`) VALUES (?), (?), (?)");
        assertThatThrownBy(() -> BulkInsert.into("db", "t`x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BulkInsert.into("t").columns("ok", "bad'")).isInstanceOf(IllegalArgumentException.class);
    }
}
