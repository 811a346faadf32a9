package io.matrixone.core.dialect;

import io.matrixone.core.result.Result;
import io.matrixone.core.result.ResultMapper;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What a manager method does, described once for both clients: one statement and how to read its result,
 * or a chain where the next statement depends on the previous answer (create a snapshot, then read its
 * catalog row). The sync client runs it with {@link #execute}, the async client with {@link #executeAsync};
 * neither knows MatrixOne SQL.
 *
 * <p>Inside a transaction, an operation whose first statement is {@link TxRule#AFTER_COMMIT} runs whole
 * after the commit.
 */
public sealed interface Operation<T> permits Operation.Single, Operation.Chain {

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
        return new Single<>(statement, mapper);
    }

    /** A statement run for its effect. */
    static Operation<Void> run(Statement statement) {
        return new Single<>(statement, ResultMapper.none());
    }

    /** Runs {@code next} with this operation's value. */
    default <U> Operation<U> then(Function<? super T, Operation<U>> next) {
        return new Chain<>(this, next);
    }

    default <U> Operation<U> map(Function<? super T, ? extends U> f) {
        Objects.requireNonNull(f, "f");
        if (this instanceof Single<T> s) {
            ResultMapper<T> m = s.mapper();
            return new Single<>(s.statement(), r -> f.apply(m.map(r)));
        }
        return ((Chain<?, T>) this).mapValue(f);
    }

    /** One statement and its result mapper. */
    record Single<T>(Statement statement, ResultMapper<T> mapper) implements Operation<T> {
        public Single {
            Objects.requireNonNull(statement, "statement");
            Objects.requireNonNull(mapper, "mapper");
        }

        @Override
        public Statement firstStatement() {
            return statement;
        }

        @Override
        public T execute(Function<Statement, Result> runner) {
            return mapper.map(runner.apply(statement));
        }

        @Override
        public CompletionStage<T> executeAsync(Function<Statement, CompletionStage<Result>> runner) {
            CompletionStage<Result> sent;
            try {
                sent = runner.apply(statement);
            } catch (RuntimeException e) {
                // a runner that refuses before sending must fail the stage, as it would later in a chain
                return CompletableFuture.failedFuture(e);
            }
            return sent.thenApply(mapper::map);
        }
    }

    /** An operation followed by another chosen from its value. */
    record Chain<A, T>(Operation<A> first, Function<? super A, Operation<T>> next) implements Operation<T> {
        public Chain {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(next, "next");
        }

        @Override
        public Statement firstStatement() {
            return first.firstStatement();
        }

        @Override
        public T execute(Function<Statement, Result> runner) {
            return next.apply(first.execute(runner)).execute(runner);
        }

        @Override
        public CompletionStage<T> executeAsync(Function<Statement, CompletionStage<Result>> runner) {
            return first.executeAsync(runner).thenCompose(a -> next.apply(a).executeAsync(runner));
        }

        <U> Operation<U> mapValue(Function<? super T, ? extends U> f) {
            return new Chain<A, U>(first, a -> next.apply(a).map(f));
        }
    }
}
