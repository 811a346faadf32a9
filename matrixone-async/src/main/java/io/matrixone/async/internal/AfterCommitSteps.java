package io.matrixone.async.internal;

import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.result.Result;
import io.vertx.core.Context;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The operations of one transaction that MatrixOne refuses inside it (snapshots, restore, PITR, publications,
 * accounts: error 20101 or "administrative command is unsupported in transactions"). They run in order right
 * after COMMIT and never on rollback, all-or-nothing among themselves: when step k fails, the failed step's own
 * executed statements and then steps k-1..1 that carry an undo are undone, in reverse order; later steps are not
 * run; one {@link AfterCommitStepException} says what happened. Same rules as the sync client's queue.
 *
 * <p>Steps may be queued from any thread (the stage is handed back at once), so registration is synchronised;
 * running happens on the transaction's context after {@link #seal()}.
 */
final class AfterCommitSteps {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCommitSteps.class);

    private final Context context;
    private final BooleanSupplier commitRequested;
    private final List<Step<?>> steps = new ArrayList<>();
    private final Set<String> snapshots = new HashSet<>();
    private boolean sealed;

    AfterCommitSteps(Context context, BooleanSupplier commitRequested) {
        this.context = context;
        this.commitRequested = commitRequested;
    }

    private static final class Step<T> {
        final Operation<T> operation;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final List<Statement> executed = new ArrayList<>();
        T value;

        Step(Operation<T> operation) {
            this.operation = operation;
        }

        String sql() {
            return operation.firstStatement().redactedSql();
        }

        boolean hasUndo() {
            return executed.stream().anyMatch(s -> s.undo() != null);
        }

        void completeWithValue() {
            result.complete(value);
        }
    }

    /** Whether a queued step creates this snapshot: a clone or restore reading it must be queued after it. */
    synchronized boolean createsSnapshot(String snapshot) {
        return snapshot != null && snapshots.contains(snapshot);
    }

    /** Queues a step; {@code null} once the transaction stopped taking steps (commit or rollback began). */
    synchronized <T> CompletionStage<T> add(Operation<T> operation) {
        if (sealed) {
            return null;
        }
        Step<T> step = new Step<>(operation);
        steps.add(step);
        String created = operation.firstStatement().createsSnapshot();
        if (created != null) {
            snapshots.add(created);
        }
        return new AfterCommitStage<>(step.result, commitRequested);
    }

    /** No step is taken after this; called when commit or rollback begins. */
    synchronized void seal() {
        sealed = true;
    }

    private synchronized List<Step<?>> sealedSteps() {
        sealed = true;
        return List.copyOf(steps);
    }

    /** The transaction did not commit: no step runs; every stage fails with a {@link CancellationException}. */
    void cancelAll(String reason) {
        for (Step<?> step : sealedSteps()) {
            step.result.completeExceptionally(new CancellationException(reason));
        }
    }

    /** Runs every step in order after a successful COMMIT, on {@code runner} (the connection, now autocommit). */
    Future<Void> runAll(Function<Statement, Future<Result>> runner) {
        List<Step<?>> all = sealedSteps();
        return runFrom(all, 0, runner);
    }

    private Future<Void> runFrom(List<Step<?>> all, int k, Function<Statement, Future<Result>> runner) {
        if (k == all.size()) {
            all.forEach(Step::completeWithValue);
            return Future.succeededFuture();
        }
        return runStep(all.get(k), runner).transform(ar -> ar.succeeded()
                ? runFrom(all, k + 1, runner)
                : compensate(all, k, ar.cause(), runner));
    }

    private <T> Future<Void> runStep(Step<T> step, Function<Statement, Future<Result>> runner) {
        CompletionStage<T> ran = step.operation.executeAsync(statement -> Stages.toStage(runner.apply(statement)
                .onSuccess(r -> step.executed.add(statement))));
        return Future.fromCompletionStage(ran, context).map(value -> {
            step.value = value;
            return null;
        });
    }

    private Future<Void> compensate(List<Step<?>> all, int failed, Throwable error, Function<Statement, Future<Result>> runner) {
        RuntimeException translated = Stages.translate(error, null);
        MatrixOneException cause = translated instanceof MatrixOneException m ? m
                : new MatrixOneException("after-commit step failed: " + translated, translated);
        List<String> undone = new ArrayList<>();
        List<String> notUndone = new ArrayList<>();
        List<Throwable> undoFailures = new ArrayList<>();
        List<Step<?>> inEffect = new ArrayList<>();
        // the failed step's own completed statements first (a chain may have run part of its work)
        Future<Boolean> chain = undo(all.get(failed), runner, undoFailures);
        for (int i = failed - 1; i >= 0; i--) {
            Step<?> step = all.get(i);
            chain = chain.compose(ignored -> step.hasUndo() ? undo(step, runner, undoFailures) : Future.succeededFuture(false))
                    .map(ok -> {
                        if (ok) {
                            undone.add(step.sql());
                        } else {
                            notUndone.add(step.sql());
                            inEffect.add(step);
                        }
                        return ok;
                    });
        }
        return chain.transform(ignored -> {
            AfterCommitStepException e = new AfterCommitStepException(failed + 1, all.size(), all.get(failed).sql(),
                    undone, notUndone, cause);
            undoFailures.forEach(e::addSuppressed);
            for (int i = 0; i < all.size(); i++) {
                Step<?> step = all.get(i);
                if (i < failed && inEffect.contains(step)) {
                    step.completeWithValue(); // it ran and stays in effect
                } else if (i <= failed) {
                    step.result.completeExceptionally(e);
                } else {
                    step.result.completeExceptionally(new CancellationException(
                            "not run: after-commit step " + (failed + 1) + " of " + all.size() + " failed"));
                }
            }
            return Future.failedFuture(e);
        });
    }

    /** Runs the undo statements of a step's executed statements in reverse order; false if one failed. */
    private Future<Boolean> undo(Step<?> step, Function<Statement, Future<Result>> runner, List<Throwable> failures) {
        Future<Boolean> chain = Future.succeededFuture(true);
        for (int i = step.executed.size() - 1; i >= 0; i--) {
            Statement undo = step.executed.get(i).undo();
            if (undo == null) {
                continue;
            }
            chain = chain.compose(ok -> runner.apply(undo).transform(ar -> {
                if (ar.failed()) {
                    failures.add(ar.cause());
                    LOG.warn("Undoing after-commit step '{}' failed: {}", step.sql(), ar.cause().getMessage());
                }
                return Future.succeededFuture(ok && ar.succeeded());
            }));
        }
        return chain;
    }
}
