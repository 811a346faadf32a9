package io.matrixone.core.dialect;

import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.ResultMapper;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What a manager method does, described once for both clients: one statement and how to read its result,
 * or a chain where the next statement depends on the previous answer (create a snapshot, then read its
 * catalog row). The sync client runs it with {@link #execute}, the async client with {@link #executeAsync};
 * neither knows MatrixOne SQL.
 *
 * <p>Inside a transaction, an operation whose first statement is {@link TxRule#AFTER_COMMIT} runs whole
 * after the commit. The implementations are internal: build operations with {@link #of}, {@link #run},
 * {@link #then}, {@link #map} and {@link #orElseWhen}.
 */
public sealed interface Operation<T> permits SingleOperation, ChainedOperation, RecoveringOperation {

    /** The statement this operation sends first; it decides the operation's transaction behaviour. */
    Statement firstStatement();

    default TxRule txRule() {
        return firstStatement().txRule();
    }

    /** Runs the operation on a blocking statement runner. */
    T execute(Function<Statement, Result> runner);

    /**
     * Runs the operation on a non-blocking statement runner, composing stages without waiting on any. Failures,
     * also a runner throwing instead of returning a failed stage, arrive as a failed stage, never as a throw.
     */
    CompletionStage<T> executeAsync(Function<Statement, CompletionStage<Result>> runner);

    static <T> Operation<T> of(Statement statement, ResultMapper<T> mapper) {
        return new SingleOperation<>(statement, mapper);
    }

    /** A statement run for its effect. */
    static Operation<Void> run(Statement statement) {
        return new SingleOperation<>(statement, ResultMapper.none());
    }

    /** Runs {@code next} with this operation's value. */
    default <U> Operation<U> then(Function<? super T, Operation<U>> next) {
        return new ChainedOperation<>(this, next);
    }

    default <U> Operation<U> map(Function<? super T, ? extends U> f) {
        Objects.requireNonNull(f, "f must not be null");
        return mapped(f);
    }

    /** The implementation of {@link #map}, per kind of operation. */
    <U> Operation<U> mapped(Function<? super T, ? extends U> f);

    /**
     * This operation, whose failure with {@code failure} (the server's error, classified) yields {@code value}
     * instead: how the SDK keeps the meaning of {@code IF NOT EXISTS} / {@code IF EXISTS} where MatrixOne reports the
     * object anyway (a database clone onto an existing database, a publication that exists).
     */
    default Operation<T> orElseWhen(Class<? extends MatrixOneException> failure, T value) {
        return new RecoveringOperation<>(this, Objects.requireNonNull(failure, "failure must not be null"), () -> value);
    }
}
