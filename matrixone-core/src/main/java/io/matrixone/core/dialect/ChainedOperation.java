package io.matrixone.core.dialect;

import io.matrixone.core.result.Result;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** An operation followed by another chosen from its value. */
record ChainedOperation<A, T>(Operation<A> first, Function<? super A, Operation<T>> next) implements Operation<T> {
    ChainedOperation {
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

    @Override
    public <U> Operation<U> mapped(Function<? super T, ? extends U> f) {
        return new ChainedOperation<A, U>(first, a -> next.apply(a).map(f));
    }
}
