package io.matrixone.emulator.engine;

import java.util.List;

/**
 * What one backend statement returned: column labels and text rows for a result set, or only the
 * affected-row count for an OK answer ({@code columns} and {@code rows} empty).
 *
 * @param columns column labels, in order
 * @param rows    rows in text form; an element is {@code null} for SQL NULL
 * @param affectedRows affected rows of an OK answer, 0 for a result set
 * @param lastInsertId last insert id of an OK answer, 0 otherwise
 */
public record BackendResult(List<String> columns, List<List<String>> rows, long affectedRows, long lastInsertId) {
    public BackendResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    public static BackendResult ok(long affectedRows, long lastInsertId) {
        return new BackendResult(List.of(), List.of(), affectedRows, lastInsertId);
    }

    public boolean isResultSet() {
        return !columns.isEmpty();
    }

    /** The first column of the first row, or {@code null} when there is no row. */
    public String scalar() {
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }
}
