package io.matrixone.async.internal;

import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mysqlclient.MySQLClient;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.data.Numeric;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * Turns Vert.x rows into the SDK's {@link Result}/{@link Row}, the type both clients return. Values become
 * the plain Java objects the sync client's driver produces: {@code byte[]} for binary, {@link BigDecimal}
 * for DECIMAL, {@link LocalTime} for a TIME within a day, JSON as text.
 */
public final class Rows {
    private Rows() {
    }

    /** A query result read whole, or an update's count and generated key. */
    public static Result toResult(RowSet<io.vertx.sqlclient.Row> rows) {
        List<String> labels = rows.columnsNames();
        if (labels == null || labels.isEmpty()) {
            return Result.update(rows.rowCount(), generatedKeys(rows));
        }
        Result.Builder builder = Result.builder(labels);
        for (io.vertx.sqlclient.Row row : rows) {
            builder.addRow(values(row));
        }
        return builder.build();
    }

    /** A batch: the update count of each row, in row order (Vert.x chains one result per row). */
    public static long[] toBatchCounts(RowSet<io.vertx.sqlclient.Row> first) {
        List<Long> counts = new ArrayList<>();
        for (SqlResult<?> r = first; r != null; r = r.next()) {
            counts.add((long) r.rowCount());
        }
        return counts.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * MySQL reports only the first id of a multi-row INSERT; like Connector/J, the SDK assumes
     * {@code auto_increment_increment = 1} and lists first .. first + affected - 1.
     */
    static List<Object> generatedKeys(SqlResult<?> result) {
        Long first = result.property(MySQLClient.LAST_INSERTED_ID);
        int affected = result.rowCount();
        if (first == null || first <= 0 || affected <= 0) {
            return List.of();
        }
        List<Object> keys = new ArrayList<>(affected);
        for (int i = 0; i < affected; i++) {
            keys.add(first + i);
        }
        return keys;
    }

    static Object[] values(io.vertx.sqlclient.Row row) {
        int n = row.size();
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            values[i] = value(row.getValue(i));
        }
        return values;
    }

    static Object value(Object v) {
        if (v instanceof Buffer b) {
            return b.getBytes();
        }
        if (v instanceof Numeric n) {
            BigDecimal d = n.bigDecimalValue();
            return d != null ? d : n.doubleValue(); // NaN/Infinity have no BigDecimal
        }
        if (v instanceof Duration d && !d.isNegative() && d.compareTo(Duration.ofDays(1)) < 0) {
            return LocalTime.ofNanoOfDay(d.toNanos());
        }
        if (v instanceof JsonObject || v instanceof JsonArray) {
            return v.toString();
        }
        return v;
    }

    /**
     * Adapts a collector of SDK rows to Vert.x rows. Each Vert.x row becomes an SDK {@link Row} as it is
     * decoded and is handed on at once; nothing is kept, so memory stays constant whatever the row count.
     */
    public static <A, R> Collector<io.vertx.sqlclient.Row, ?, R> adapt(Collector<Row, A, R> downstream) {
        Supplier<A> supplier = downstream.supplier();
        BiConsumer<A, Row> accumulator = downstream.accumulator();
        return Collector.of(
                () -> new Acc<>(supplier.get()),
                (Acc<A> acc, io.vertx.sqlclient.Row row) -> accumulator.accept(acc.state, acc.row(row)),
                unsupportedCombiner(),
                (Acc<A> acc) -> downstream.finisher().apply(acc.state));
    }

    private static <A> BinaryOperator<Acc<A>> unsupportedCombiner() {
        return (a, b) -> {
            throw new UnsupportedOperationException("rows are decoded sequentially");
        };
    }

    /** Per-query state: the downstream container and the column index, built once from the first row. */
    private static final class Acc<A> {
        final A state;
        private Result.Builder columns;

        Acc(A state) {
            this.state = state;
        }

        Row row(io.vertx.sqlclient.Row row) {
            if (columns == null) {
                columns = builder(row);
            }
            return columns.row(values(row));
        }
    }

    /** A builder over the columns of a streamed result, read from its first row (a collector sees no RowSet). */
    static Result.Builder builder(io.vertx.sqlclient.Row first) {
        List<String> labels = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            labels.add(first.getColumnName(i));
        }
        return Result.builder(labels);
    }
}
