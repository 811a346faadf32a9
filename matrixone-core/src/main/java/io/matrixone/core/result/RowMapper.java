package io.matrixone.core.result;

/** Maps one row to a value. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row);

    /** Maps rows to a record by component name: {@code created_at} and {@code createdAt} both match {@code createdAt}. */
    static <R extends Record> RowMapper<R> toRecord(Class<R> type) {
        return RecordMapper.of(type);
    }

    /** The first column converted to the given type. */
    static <T> RowMapper<T> firstColumn(Class<T> type) {
        return row -> row.get(0, type);
    }
}
