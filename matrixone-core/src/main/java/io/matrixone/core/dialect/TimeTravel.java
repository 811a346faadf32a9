package io.matrixone.core.dialect;

import io.matrixone.core.internal.sql.Literals;
import io.matrixone.core.model.TimePoint;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.ResultMapper;
import io.matrixone.core.version.Feature;
import io.matrixone.core.version.ServerVersion;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Reads of a table as it was at a {@link TimePoint} (mo_sql.md §2): MatrixOne puts the point in braces right
 * after the table name, {@code `db`.`t`{SNAPSHOT = 'sp'}}, anywhere a table name appears. {@link #table} gives
 * that fragment for users' own queries; {@link #select} and {@link #count} are the common reads.
 *
 * <p>Snapshot reads are plain SELECTs, allowed inside a transaction ({@link TxRule#NOW}); a read of a snapshot
 * queued in the same transaction is marked with {@link Statement#readsSnapshot()} so it runs after it.
 */
public final class TimeTravel {
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ServerVersion version;

    TimeTravel(ServerVersion version) {
        this.version = version;
    }

    /** {@code `db`.`t`{...}}, or {@code `t`{...}} when {@code database} is null (the connection's database). */
    public String table(String database, String table, TimePoint at) {
        Gates.require(version, Feature.SNAPSHOTS, "time-travel reads");
        return Identifiers.table(database, table) + hint(at);
    }

    /**
     * The braces alone: {@code {SNAPSHOT = 'sp'}}, {@code {MO_TS = 123}}, {@code {AS OF TIMESTAMP '2025-01-01
     * 00:00:00'}} or {@code {TIMESTAMP = '2025-01-01 00:00:00.5'}}.
     */
    public static String hint(TimePoint at) {
        Objects.requireNonNull(at, "time point");
        if (at instanceof TimePoint.Snapshot s) {
            return snapshotHint(s.name());
        }
        if (at instanceof TimePoint.MoTs t) {
            return "{MO_TS = " + t.nanos() + "}";
        }
        if (at instanceof TimePoint.AsOf a) {
            // parsed in the server's local zone, whole seconds (sql/plan/utils.go doResolveTimeStamp)
            return "{AS OF TIMESTAMP " + Literals.timestampSeconds(a.time()) + "}";
        }
        TimePoint.Utc u = (TimePoint.Utc) at;
        return "{TIMESTAMP = " + Literals.string(utcText(u.instant())) + "}";
    }

    /** {@code SELECT cols FROM `db`.`t`{...}}; no columns means {@code *}. */
    public Operation<Result> select(String database, String table, TimePoint at, String... columns) {
        StringBuilder sql = new StringBuilder("SELECT ");
        if (columns == null || columns.length == 0) {
            sql.append('*');
        } else {
            for (int i = 0; i < columns.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(Identifiers.quote(columns[i], NameKind.COLUMN));
            }
        }
        sql.append(" FROM ").append(table(database, table, at));
        return Operation.of(read(sql.toString(), at), r -> r);
    }

    /** {@code SELECT COUNT(*) FROM `db`.`t`{...}}. */
    public Operation<Long> count(String database, String table, TimePoint at) {
        return Operation.of(read("SELECT COUNT(*) FROM " + table(database, table, at), at), Result::scalarLong);
    }

    private static Statement read(String sql, TimePoint at) {
        Statement st = Statement.of(sql);
        return at instanceof TimePoint.Snapshot s ? st.readingSnapshot(s.name()) : st;
    }

    /**
     * {@code {SNAPSHOT = 'sp'}}: the name checked as a snapshot name, lower-cased, written as a string literal.
     * MatrixOne stores snapshot names lower-cased but matches this string form as written in SELECT and CLONE
     * (4.2.0: {@code 'Nightly'} finds no snapshot), so the SDK writes the name as it is stored.
     */
    static String snapshotHint(String snapshot) {
        Identifiers.check(snapshot, NameKind.SNAPSHOT);
        return "{SNAPSHOT = " + Literals.string(snapshot.toLowerCase(java.util.Locale.ROOT)) + "}";
    }

    /** UTC, {@code yyyy-MM-dd HH:mm:ss[.fffffffff]} with trailing zeros dropped (Go layout ...05.999999999). */
    static String utcText(java.time.Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        String s = UTC_SECONDS.format(t);
        int nanos = t.getNano();
        if (nanos == 0) {
            return s;
        }
        String frac = String.format("%09d", nanos);
        int end = frac.length();
        while (frac.charAt(end - 1) == '0') {
            end--;
        }
        return s + "." + frac.substring(0, end);
    }
}
