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

/**
 * Reads JDBC rows into detached {@link Row}s. Column labels and how to read each column are worked out once per
 * result; date and time columns come out as {@code java.time} values (LocalDate, LocalTime, LocalDateTime)
 * rather than the legacy {@code java.sql} types, unchanged by any time zone.
 */
public final class ResultReader {
    private static final int OBJECT = 0;
    private static final int DATE = 1;
    private static final int TIME = 2;
    private static final int DATETIME = 3;

    private final ResultSet rs;
    private final int[] kinds;
    private final Result.Builder builder;

    public ResultReader(ResultSet rs) throws SQLException {
        this.rs = rs;
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

    private Object[] values() throws SQLException {
        int n = kinds.length;
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            int col = i + 1;
            values[i] = switch (kinds[i]) {
                case DATE -> rs.getObject(col, LocalDate.class);
                case TIME -> rs.getObject(col, LocalTime.class);
                case DATETIME -> rs.getObject(col, LocalDateTime.class);
                default -> rs.getObject(col);
            };
        }
        return values;
    }
}
