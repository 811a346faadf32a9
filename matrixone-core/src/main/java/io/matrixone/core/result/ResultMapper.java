package io.matrixone.core.result;

/** Maps a whole result to a value: the last step of an {@code Operation}. */
@FunctionalInterface
public interface ResultMapper<T> {
    T map(Result result);

    /** Ignores the result; for statements run for their effect. */
    static ResultMapper<Void> none() {
        return r -> null;
    }

    static <T> ResultMapper<java.util.List<T>> list(RowMapper<T> rowMapper) {
        return r -> r.list(rowMapper);
    }

    static <T> ResultMapper<java.util.Optional<T>> optional(RowMapper<T> rowMapper) {
        return r -> r.optional(rowMapper);
    }

    static <T> ResultMapper<T> one(RowMapper<T> rowMapper) {
        return r -> r.one(rowMapper);
    }
}
