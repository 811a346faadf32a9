package io.matrixone.core.dialect;

import io.matrixone.core.result.Result;
import io.matrixone.core.result.ResultMapper;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** One statement and its result mapper. */
record SingleOperation<T>(Statement statement, ResultMapper<T> mapper) implements Operation<T> {
    SingleOperation {
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

    @Override
    public <U> Operation<U> mapped(Function<? super T, ? extends U> f) {
        return new SingleOperation<>(statement, r -> f.apply(mapper.map(r)));
    }
}
