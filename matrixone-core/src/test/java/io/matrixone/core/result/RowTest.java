package io.matrixone.core.result;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowTest {

    private static Row row(Object value) {
        return Row.of(List.of("v"), value);
    }

    @Test
    void findsColumnsIgnoringCase() {
        Row r = Row.of(List.of("SNAPSHOT_NAME", "Level"), "sp1", "account");
        assertThat(r.getString("snapshot_name")).isEqualTo("sp1");
        assertThat(r.getString("LEVEL")).isEqualTo("account");
        assertThat(r.indexOf("level")).isEqualTo(1);
        assertThat(r.hasColumn("Snapshot_Name")).isTrue();
        assertThat(r.hasColumn("nope")).isFalse();
    }

    @Test
    void takesTheFirstOfTwoEqualLabels() {
        Row r = Row.of(List.of("id", "ID"), 1L, 2L);
        assertThat(r.getLong("Id")).isEqualTo(1L);
    }

    @Test
    void namesTheMissingColumnAndTheAvailableOnes() {
        Row r = Row.of(List.of("a", "b"), 1, 2);
        assertThatThrownBy(() -> r.get("c")).isInstanceOf(IllegalArgumentException.class).hasMessage("no column 'c' in [a, b]");
    }

    @Test
    void checksPositions() {
        Row r = row(1);
        assertThatThrownBy(() -> r.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> r.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsAValueCountThatDoesNotMatchTheColumns() {
        assertThatThrownBy(() -> Row.of(List.of("a", "b"), 1)).hasMessage("row has 1 values for 2 columns");
    }

    @Test
    void returnsNullForNullInEveryTypedGetter() {
        Row r = row(null);
        assertThat(r.isNull(0)).isTrue();
        assertThat(r.getString(0)).isNull();
        assertThat(r.getLong(0)).isNull();
        assertThat(r.getInt(0)).isNull();
        assertThat(r.getDouble(0)).isNull();
        assertThat(r.getBigDecimal(0)).isNull();
        assertThat(r.getBoolean(0)).isNull();
        assertThat(r.getLocalDateTime(0)).isNull();
        assertThat(r.getLocalDate(0)).isNull();
        assertThat(r.getLocalTime(0)).isNull();
        assertThat(r.getInstant(0)).isNull();
        assertThat(r.getBytes(0)).isNull();
        assertThat(r.get(0, String.class)).isNull();
    }

    @Test
    void readsWholeNumbersFromEveryNumericType() {
        assertThat(row(7L).getLong(0)).isEqualTo(7L);
        assertThat(row(7).getLong(0)).isEqualTo(7L);
        assertThat(row((short) 7).getLong(0)).isEqualTo(7L);
        assertThat(row((byte) 7).getLong(0)).isEqualTo(7L);
        assertThat(row(new BigInteger("7")).getLong(0)).isEqualTo(7L);
        assertThat(row(new BigDecimal("7.000")).getLong(0)).isEqualTo(7L);
        assertThat(row(7.0d).getLong(0)).isEqualTo(7L);
        assertThat(row("  7 ").getLong(0)).isEqualTo(7L);
        assertThat(row("true").getLong(0)).isEqualTo(1L); // MatrixOne 3.0: SELECT a = b answers text
        assertThat(row("FALSE").getInt(0)).isZero();
        assertThat(row(true).getLong(0)).isEqualTo(1L);
        assertThat(row("7".getBytes(StandardCharsets.UTF_8)).getLong(0)).isEqualTo(7L);
        assertThat(row(true).getLong(0)).isEqualTo(1L);
        assertThat(row(7L).getInt(0)).isEqualTo(7);
    }

    @Test
    void refusesToLoseDigits() {
        assertThatThrownBy(() -> row(new BigDecimal("7.5")).getLong(0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> row(new BigInteger("18446744073709551615")).getLong(0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> row(7.5d).getLong(0)).isInstanceOf(ClassCastException.class).hasMessageContaining("column v");
        assertThatThrownBy(() -> row(3_000_000_000L).getInt(0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> row(70_000L).get(0, Short.class)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> row(300).get(0, byte.class)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> row("abc").getLong(0)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void readsDecimals() {
        assertThat(row(new BigDecimal("12.50")).getBigDecimal(0)).isEqualByComparingTo("12.5");
        assertThat(row(12L).getBigDecimal(0)).isEqualByComparingTo("12");
        assertThat(row(new BigInteger("123456789012345678901234567890")).getBigDecimal(0))
                .isEqualByComparingTo("123456789012345678901234567890");
        assertThat(row("0.1").getBigDecimal(0)).isEqualByComparingTo("0.1");
        assertThat(row(1.5d).getDouble(0)).isEqualTo(1.5d);
        assertThat(row(new BigDecimal("2.25")).getDouble(0)).isEqualTo(2.25d);
        assertThat(row(" 2.5 ").getDouble(0)).isEqualTo(2.5d);
    }

    @Test
    void readsStringsFromAnyValue() {
        assertThat(row("订单").getString(0)).isEqualTo("订单");
        assertThat(row("订单".getBytes(StandardCharsets.UTF_8)).getString(0)).isEqualTo("订单");
        assertThat(row(42L).getString(0)).isEqualTo("42");
        assertThat(row(new BigDecimal("1.10")).getString(0)).isEqualTo("1.10");
    }

    @Test
    void readsBytesAsACopy() {
        byte[] raw = {1, 2, 3};
        Row r = row(raw);
        byte[] got = r.getBytes(0);
        assertThat(got).containsExactly(1, 2, 3);
        got[0] = 9;
        assertThat(r.getBytes(0)).containsExactly(1, 2, 3);
        assertThat(row("ab").getBytes(0)).containsExactly('a', 'b');
        assertThat(r.get(0, byte[].class)).containsExactly(1, 2, 3).isNotSameAs(raw);
    }

    @Test
    void readsBooleans() {
        assertThat(row(true).getBoolean(0)).isTrue();
        assertThat(row(1L).getBoolean(0)).isTrue();
        assertThat(row(0).getBoolean(0)).isFalse();
        assertThat(row("TRUE").getBoolean(0)).isTrue();
        assertThat(row("0").getBoolean(0)).isFalse();
        assertThat(row("false").getBoolean(0)).isFalse();
        assertThatThrownBy(() -> row("yes").getBoolean(0)).isInstanceOf(ClassCastException.class)
                .hasMessage("column v holds 'yes', not a boolean");
    }

    @Test
    void readsDateTimes() {
        LocalDateTime t = LocalDateTime.of(2026, 5, 24, 12, 0, 7, 946_299_000);
        assertThat(row(t).getLocalDateTime(0)).isEqualTo(t);
        assertThat(row(Timestamp.valueOf(t)).getLocalDateTime(0)).isEqualTo(t);
        assertThat(row("2026-05-24 12:00:07.946299").getLocalDateTime(0)).isEqualTo(t);
        assertThat(row(LocalDate.of(2026, 5, 24)).getLocalDateTime(0)).isEqualTo(LocalDateTime.of(2026, 5, 24, 0, 0));
        assertThat(row(OffsetDateTime.of(t, ZoneOffset.ofHours(8))).getLocalDateTime(0)).isEqualTo(t);
        assertThat(row(java.sql.Date.valueOf("2026-05-24")).getLocalDateTime(0)).isEqualTo(LocalDateTime.of(2026, 5, 24, 0, 0));
    }

    @Test
    void readsDatesAndTimes() {
        assertThat(row("2026-05-24").getLocalDate(0)).isEqualTo(LocalDate.of(2026, 5, 24));
        assertThat(row(java.sql.Date.valueOf("2026-05-24")).getLocalDate(0)).isEqualTo(LocalDate.of(2026, 5, 24));
        assertThat(row(LocalDateTime.of(2026, 5, 24, 23, 59)).getLocalDate(0)).isEqualTo(LocalDate.of(2026, 5, 24));
        assertThat(row("12:30:01").getLocalTime(0)).isEqualTo(LocalTime.of(12, 30, 1));
        assertThat(row(java.sql.Time.valueOf("12:30:01")).getLocalTime(0)).isEqualTo(LocalTime.of(12, 30, 1));
    }

    @Test
    void readsZonelessDateTimesAsUtcInstants() {
        Instant expected = Instant.parse("2026-05-24T12:00:07Z");
        assertThat(row(LocalDateTime.of(2026, 5, 24, 12, 0, 7)).getInstant(0)).isEqualTo(expected);
        assertThat(row("2026-05-24 12:00:07").getInstant(0)).isEqualTo(expected);
        assertThat(row(expected).getInstant(0)).isEqualTo(expected);
        assertThat(row(OffsetDateTime.of(2026, 5, 24, 20, 0, 7, 0, ZoneOffset.ofHours(8))).getInstant(0)).isEqualTo(expected);
        assertThat(row(Timestamp.from(expected)).getInstant(0)).isEqualTo(expected);
    }

    @Test
    void readsASqlDateAsAnInstantInsteadOfFailing() {
        // java.sql.Date.toInstant() throws UnsupportedOperationException
        assertThat(row(java.sql.Date.valueOf("2026-05-24")).getInstant(0)).isEqualTo(Instant.parse("2026-05-24T00:00:00Z"));
    }

    @Test
    void convertsOnRequest() {
        assertThat(row(5L).get(0, Integer.class)).isEqualTo(5);
        assertThat(row(5L).get(0, int.class)).isEqualTo(5);
        assertThat(row(5).get(0, long.class)).isEqualTo(5L);
        assertThat(row(5L).get(0, BigInteger.class)).isEqualTo(BigInteger.valueOf(5));
        assertThat(row("5").get(0, Short.class)).isEqualTo((short) 5);
        assertThat(row(1.5d).get(0, Float.class)).isEqualTo(1.5f);
        assertThat(row(1).get(0, Boolean.class)).isTrue();
        assertThat(row(5L).get(0, String.class)).isEqualTo("5");
        String uuid = "01929da4-89af-7ed8-8f32-8d123d5ddd71";
        assertThat(row(uuid).get(0, UUID.class)).isEqualTo(UUID.fromString(uuid));
        assertThat(row("account").get(0, Level.class)).isEqualTo(Level.ACCOUNT);
        assertThatThrownBy(() -> row("galaxy").get(0, Level.class)).hasMessage("'galaxy' is not a constant of Level");
        assertThatThrownBy(() -> row(5L).get(0, List.class)).isInstanceOf(ClassCastException.class)
                .hasMessage("cannot convert column v (Long) to java.util.List");
        assertThatThrownBy(() -> row(null).get(0, int.class)).isInstanceOf(NullPointerException.class)
                .hasMessage("column v is NULL; cannot map it to int");
    }

    enum Level { CLUSTER, ACCOUNT, DATABASE, TABLE }

    @Test
    void returnsValuesAsAnUnmodifiableCopy() {
        Row r = Row.of(List.of("a", "b"), 1, null);
        assertThat(r.values()).containsExactly(1, null);
        assertThatThrownBy(() -> r.values().set(0, 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.columnNames()).containsExactly("a", "b");
    }

    @Test
    void comparesByLabelsAndValues() {
        assertThat(Row.of(List.of("a"), new byte[] {1})).isEqualTo(Row.of(List.of("a"), new byte[] {1}))
                .hasSameHashCodeAs(Row.of(List.of("a"), new byte[] {1}))
                .isNotEqualTo(Row.of(List.of("b"), new byte[] {1}));
    }

    @Test
    void showsBytesAsALengthInToString() {
        assertThat(Row.of(List.of("id", "blob"), 1, new byte[] {1, 2})).hasToString("Row{id=1, blob=<2 bytes>}");
    }

    @Test
    void readsVectorsAsMatrixOneSendsThemAsTextOrBytes() {
        Row r = Row.of(List.of("v", "w", "n"), "[0.1, 0.2, 0.3]", "[1, 2.5]".getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(r.getFloatArray("v")).containsExactly(0.1f, 0.2f, 0.3f);
        assertThat(r.getDoubleArray(1)).containsExactly(1.0, 2.5);
        assertThat(r.getFloatArray("n")).isNull();
        assertThat(r.get("v", float[].class)).containsExactly(0.1f, 0.2f, 0.3f);
        assertThat(r.get("w", double[].class)).containsExactly(1.0, 2.5);
        assertThatThrownBy(() -> Row.of(List.of("v"), "abc").getFloatArray(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a MatrixOne vector");
    }

    record Embedded(long id, float[] embedding, double[] wide) {
    }

    @Test
    void mapsVectorColumnsIntoRecordComponents() {
        Row r = Row.of(List.of("id", "embedding", "wide"), 1L, "[1, 2]", "[0.0000001, 2]");
        Embedded e = RowMapper.toRecord(Embedded.class).map(r);
        assertThat(e.embedding()).containsExactly(1f, 2f);
        assertThat(e.wide()).containsExactly(1e-7, 2.0);
    }
}
