package io.matrixone.core.result;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultTest {

    private static Result rows(int n) {
        Result.Builder b = Result.builder(List.of("n"));
        for (int i = 1; i <= n; i++) {
            b.addRow((long) i);
        }
        return b.build();
    }

    // ---- cardinality ----

    @Test
    void scalarReadsTheOnlyValue() {
        Result r = rows(1);
        assertThat(r.scalar()).isEqualTo(1L);
        assertThat(r.scalarLong()).isEqualTo(1L);
        assertThat(r.scalar(Integer.class)).isEqualTo(1);
    }

    @Test
    void scalarFailsWithoutExactlyOneRow() {
        assertThatThrownBy(() -> rows(0).scalar()).isInstanceOf(IllegalStateException.class)
                .hasMessage("expected exactly one row, got 0");
        assertThatThrownBy(() -> rows(2).scalarLong()).isInstanceOf(IllegalStateException.class)
                .hasMessage("expected exactly one row, got 2");
        assertThatThrownBy(() -> rows(2).scalar(String.class)).hasMessage("expected exactly one row, got 2");
    }

    @Test
    void scalarLongRefusesNull() {
        Result r = Result.builder(List.of("c")).addRow((Object) null).build();
        assertThat(r.scalar()).isNull();
        assertThatThrownBy(r::scalarLong).isInstanceOf(IllegalStateException.class).hasMessage("the scalar is NULL");
    }

    @Test
    void oneFailsForZeroAndTwoRows() {
        assertThat(rows(1).one().getLong("N")).isEqualTo(1L);
        assertThatThrownBy(() -> rows(0).one()).hasMessage("expected exactly one row, got 0");
        assertThatThrownBy(() -> rows(2).one(r -> r.getLong(0))).hasMessage("expected exactly one row, got 2");
    }

    @Test
    void optionalIsEmptyForZeroRowsAndFailsForTwo() {
        assertThat(rows(0).optional()).isEmpty();
        assertThat(rows(1).optional(r -> r.getLong(0))).contains(1L);
        assertThatThrownBy(() -> rows(2).optional()).isInstanceOf(IllegalStateException.class)
                .hasMessage("expected at most one row, got 2");
    }

    @Test
    void listMapsEveryRowInOrder() {
        assertThat(rows(0).list(r -> r.getLong(0))).isEmpty();
        assertThat(rows(3).list(r -> r.getLong(0))).containsExactly(1L, 2L, 3L);
        assertThat(rows(3).column(0, Integer.class)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> rows(2).list(r -> r.getLong(0)).add(9L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void exposesRowsAsListStreamAndIterator() {
        Result r = rows(2);
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.isEmpty()).isFalse();
        assertThat(r.columnNames()).containsExactly("n");
        assertThat(r.stream().map(x -> x.getLong(0))).containsExactly(1L, 2L);
        assertThat(r).extracting(x -> x.getLong(0)).containsExactly(1L, 2L);
        assertThatThrownBy(() -> r.rows().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(r).hasToString("Result{columns=[n], rows=2}");
    }

    @Test
    void resultMappersWrapTheSameRules() {
        assertThat(ResultMapper.one(RowMapper.firstColumn(Long.class)).map(rows(1))).isEqualTo(1L);
        assertThat(ResultMapper.optional(RowMapper.firstColumn(Long.class)).map(rows(0))).isEqualTo(Optional.empty());
        assertThat(ResultMapper.list(RowMapper.firstColumn(Long.class)).map(rows(2))).containsExactly(1L, 2L);
        assertThat(ResultMapper.none().map(rows(2))).isNull();
        assertThatThrownBy(() -> ResultMapper.one(RowMapper.firstColumn(Long.class)).map(rows(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    // ---- updates ----

    @Test
    void updateCarriesAffectedRowsAndGeneratedKeys() {
        Result r = Result.update(3, List.of(41L, 42L, 43L));
        assertThat(r.affectedRows()).isEqualTo(3);
        assertThat(r.generatedKeys()).containsExactly(41L, 42L, 43L);
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.columnNames()).isEmpty();
        assertThat(r).hasToString("Result{affectedRows=3, generatedKeys=3}");
        assertThatThrownBy(r::generatedKey).hasMessage("expected one generated key, got 3");
        assertThat(Result.update(1, List.of(java.math.BigInteger.valueOf(7))).generatedKey()).isEqualTo(7L);
        assertThatThrownBy(() -> Result.update(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyHasNothing() {
        assertThat(Result.empty().isEmpty()).isTrue();
        assertThat(Result.empty().affectedRows()).isZero();
        assertThat(Result.empty().generatedKeys()).isEmpty();
        assertThat(Result.builder(List.of("a")).build().affectedRows()).isZero();
    }

    // ---- records ----

    enum Level { CLUSTER, ACCOUNT, DATABASE, TABLE }

    record Snapshot(String snapshotName, LocalDateTime timestamp, Level snapshotLevel, String accountName,
                    String databaseName, String tableName) {
    }

    record Counts(long total, int active, boolean enabled, double ratio, BigDecimal amount, Instant at) {
    }

    record Nullable(Long total, Integer active, Boolean enabled) {
    }

    @Test
    void mapsSnakeCaseColumnsToRecordComponents() {
        // the shape of SHOW SNAPSHOTS / mo_catalog.mo_snapshots rows (mo_sql.md §1.3-1.4)
        Result r = Result.builder(List.of("SNAPSHOT_NAME", "TIMESTAMP", "SNAPSHOT_LEVEL", "ACCOUNT_NAME", "DATABASE_NAME",
                        "TABLE_NAME"))
                .addRow("sp09", "2025-11-24 14:02:07.946299999", "account", "sys", null, null)
                .addRow("sp08", LocalDateTime.of(2025, 11, 24, 14, 2, 7), "DATABASE", "sys", "db1", null)
                .build();
        List<Snapshot> snapshots = r.as(Snapshot.class);
        assertThat(snapshots).containsExactly(
                new Snapshot("sp09", LocalDateTime.of(2025, 11, 24, 14, 2, 7, 946_299_999), Level.ACCOUNT, "sys", null, null),
                new Snapshot("sp08", LocalDateTime.of(2025, 11, 24, 14, 2, 7), Level.DATABASE, "sys", "db1", null));
    }

    @Test
    void mapsRecordsWhateverTheColumnOrderAndIgnoresExtraColumns() {
        Result r = Result.builder(List.of("extra", "at", "amount", "ratio", "enabled", "active", "total"))
                .addRow("x", LocalDateTime.of(2026, 1, 1, 0, 0), "12.50", 0.5f, 1, 7L, new BigDecimal("9"))
                .build();
        assertThat(r.oneAs(Counts.class)).isEqualTo(
                new Counts(9L, 7, true, 0.5d, new BigDecimal("12.50"), Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void mapsNullToBoxedComponentsAndRefusesItForPrimitives() {
        Result nulls = Result.builder(List.of("total", "active", "enabled")).addRow(null, null, null).build();
        assertThat(nulls.oneAs(Nullable.class)).isEqualTo(new Nullable(null, null, null));
        Result r = Result.builder(List.of("total", "active", "enabled", "ratio", "amount", "at"))
                .addRow(null, 1, true, 1.0, null, null).build();
        assertThatThrownBy(() -> r.oneAs(Counts.class)).isInstanceOf(NullPointerException.class)
                .hasMessage("column total is NULL; cannot map it to long");
    }

    @Test
    void namesTheComponentWithoutAColumn() {
        Result r = Result.builder(List.of("total", "active")).addRow(1L, 2).build();
        assertThatThrownBy(() -> r.as(Nullable.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no column for record component 'enabled' of Nullable in [total, active]");
    }

    @Test
    void reusesTheColumnBindingAcrossResultsWithDifferentOrders() {
        RowMapper<Nullable> mapper = RowMapper.toRecord(Nullable.class);
        Result a = Result.builder(List.of("total", "active", "enabled")).addRow(1L, 2, true).build();
        Result b = Result.builder(List.of("enabled", "active", "total")).addRow(false, 20, 10L).build();
        assertThat(a.one(mapper)).isEqualTo(new Nullable(1L, 2, true));
        assertThat(b.one(mapper)).isEqualTo(new Nullable(10L, 20, false));
        assertThat(a.one(mapper)).isEqualTo(new Nullable(1L, 2, true));
    }

    @Test
    void refusesAnUnknownEnumName() {
        Result r = Result.builder(List.of("snapshot_name", "timestamp", "snapshot_level", "account_name", "database_name",
                "table_name")).addRow("s", null, "galaxy", "sys", null, null).build();
        assertThatThrownBy(() -> r.as(Snapshot.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'galaxy' is not a constant of Level");
    }

    record Checked(String name) {
        Checked {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("name must not be empty");
            }
        }
    }

    @Test
    void passesTheRecordsOwnValidationErrorThrough() {
        Result r = Result.builder(List.of("name")).addRow("").build();
        assertThatThrownBy(() -> r.as(Checked.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be empty");
    }
}
