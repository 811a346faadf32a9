package io.matrixone.core.dialect;

import io.matrixone.core.result.Result;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A statement runner for offline tests: records what it is asked to run and answers from a script. */
final class ScriptedRunner implements Function<Statement, Result> {
    final List<Statement> seen = new ArrayList<>();
    private final Deque<Result> answers = new ArrayDeque<>();

    ScriptedRunner answer(Result r) {
        answers.add(r);
        return this;
    }

    @Override
    public Result apply(Statement statement) {
        seen.add(statement);
        Result r = answers.poll();
        return r == null ? Result.update(0, List.of()) : r;
    }

    Function<Statement, CompletionStage<Result>> async() {
        return st -> CompletableFuture.completedFuture(apply(st));
    }

    List<String> sql() {
        return seen.stream().map(Statement::sql).toList();
    }
}
