package io.matrixone.core.dialect;

import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.result.Result;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** An operation whose failure of one kind yields a value instead (see {@link Operation#orElseWhen}). */
record RecoveringOperation<T>(Operation<T> operation, Class<? extends MatrixOneException> failure,
                              Supplier<? extends T> value) implements Operation<T> {

    @Override
    public Statement firstStatement() {
        return operation.firstStatement();
    }

    @Override
    public T execute(Function<Statement, Result> runner) {
        try {
            return operation.execute(runner);
        } catch (MatrixOneException e) {
            if (failure.isInstance(e)) {
                return value.get();
            }
            throw e;
        }
    }

    @Override
    public CompletionStage<T> executeAsync(Function<Statement, CompletionStage<Result>> runner) {
        return operation.executeAsync(runner).handle((ok, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(ok);
            }
            Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            return failure.isInstance(e) ? CompletableFuture.<T>completedFuture(value.get()) : CompletableFuture.<T>failedFuture(e);
        }).thenCompose(Function.identity());
    }

    @Override
    public <U> Operation<U> mapped(Function<? super T, ? extends U> f) {
        return new RecoveringOperation<U>(operation.map(f), failure, () -> f.apply(value.get()));
    }
}
