package io.matrixone.client.internal;

import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.function.Function;

/**
 * Reads JDBC rows into detached {@link Row}s, or hands out views of the current row ({@link #view}) that read it in
 * place. Column labels and how to read each column are worked out once per result; date and time columns come out
 * as {@code java.time} values (LocalDate, LocalTime, LocalDateTime) rather than the legacy {@code java.sql} types,
 * unchanged by any time zone.
 */
public final class ResultReader implements Row.Source {
    private static final int OBJECT = 0;
    private static final int DATE = 1;
    private static final int TIME = 2;
    private static final int DATETIME = 3;
    /** Integer columns whose {@code getLong} is exactly {@code Row.getLong} of their {@code getObject}. */
    private static final int INTEGER = 4;
    /** Text columns whose {@code getString} is their {@code getObject}. */
    private static final int TEXT = 5;

    private final ResultSet rs;
    private final int[] kinds;
    private final Result.Builder builder;
    private final Function<SQLException, RuntimeException> readFailure;
    /** The row the result set is on, counted from 1; views of any other row are stale. -1 once it ended. */
    private long position;

    public ResultReader(ResultSet rs) throws SQLException {
        this(rs, e -> new IllegalStateException(e));
    }

    /** A reader whose views report a failed read of the current row through {@code readFailure}. */
    public ResultReader(ResultSet rs, Function<SQLException, RuntimeException> readFailure) throws SQLException {
        this.rs = rs;
        this.readFailure = readFailure;
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] labels = new String[n];
        kinds = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
            kinds[i] = switch (md.getColumnType(i + 1)) {
                case Types.DATE -> DATE;
                case Types.TIME -> TIME;
                case Types.TIMESTAMP -> DATETIME;
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> INTEGER;
                case Types.BIGINT -> md.isSigned(i + 1) ? INTEGER : OBJECT; // unsigned BIGINT reads as BigInteger
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> TEXT;
                default -> OBJECT;
            };
        }
        builder = Result.builder(labels);
    }

    /** Reads every remaining row into a result. */
    public Result readAll() throws SQLException {
        while (rs.next()) {
            builder.addRow(values());
        }
        return builder.build();
    }

    /** The current row, detached. */
    public Row row() throws SQLException {
        return builder.row(values());
    }

    /** The result set moved to its next row: views of the previous one are stale from now on. */
    public void advanced() {
        position++;
    }

    /** The result set ended or was closed: every view is stale. */
    public void ended() {
        position = -1;
    }

    /** A view of the current row, valid until the result set moves on (see {@link Row}). */
    public Row view() {
        return builder.view(this, position);
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public Object value(int index) {
        try {
            return value(index + 1, kinds[index]);
        } catch (SQLException e) {
            throw readFailure.apply(e);
        }
    }

    @Override
    public boolean readsLong(int index) {
        return kinds[index] == INTEGER;
    }

    @Override
    public Long longValue(int index) {
        try {
            long v = rs.getLong(index + 1);
            return v == 0 && rs.wasNull() ? null : v;
        } catch (SQLException e) {
            throw readFailure.apply(e);
        }
    }

    @Override
    public boolean readsString(int index) {
        return kinds[index] == TEXT;
    }

    @Override
    public String stringValue(int index) {
        try {
            return rs.getString(index + 1);
        } catch (SQLException e) {
            throw readFailure.apply(e);
        }
    }

    private Object[] values() throws SQLException {
        int n = kinds.length;
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            values[i] = value(i + 1, kinds[i]);
        }
        return values;
    }

    private Object value(int col, int kind) throws SQLException {
        return switch (kind) {
            case DATE -> rs.getObject(col, LocalDate.class);
            case TIME -> rs.getObject(col, LocalTime.class);
            case DATETIME -> rs.getObject(col, LocalDateTime.class);
            default -> rs.getObject(col);
        };
    }
}
