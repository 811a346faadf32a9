package io.matrixone.core.internal.tx;

import io.matrixone.core.tx.AfterCommit;
import io.matrixone.core.tx.AfterCommitStage;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.result.Result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The after-commit steps of one transaction: the operations MatrixOne refuses inside it (snapshots, restore, PITR,
 * publications, accounts), queued in order, run right after a successful COMMIT and never on rollback. Written once
 * for both clients, like {@link Operation}: {@link #runAll} composes stages, {@link #runAllBlocking} runs the same
 * composition on a blocking runner (each stage is then already complete when the next is composed, so nothing
 * waits and no thread is involved).
 *
 * <p>The steps are all-or-nothing among themselves: when step k fails, the statements step k had already run and
 * then steps k-1..1 that carry an undo are undone, in reverse order; later steps are not run; one
 * {@link AfterCommitStepException} says what happened. The committed data stays committed.
 *
 * <p>Thread-safe: steps may be queued from any thread; running happens once, after {@link #seal()}.
 */
public final class AfterCommitPlan {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCommitPlan.class);

    private final List<Step<?>> steps = new ArrayList<>(2);
    private final Set<String> snapshots = new HashSet<>(2);
    private boolean sealed;

    /** One queued operation and the future its handles complete from. */
    private static final class Step<T> {
        final Operation<T> operation;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final List<Statement> executed = new ArrayList<>(1);
        T value;

        Step(Operation<T> operation) {
            this.operation = operation;
        }

        String sql() {
            return operation.firstStatement().redactedSql();
        }

        boolean hasUndo() {
            for (Statement s : executed) {
                if (s.undo() != null) {
                    return true;
                }
            }
            return false;
        }

        void completeWithValue() {
            result.complete(value);
        }
    }

    /** Whether a queued step creates this snapshot: what reads it must then be queued behind it. */
    public synchronized boolean createsSnapshot(String snapshot) {
        return snapshot != null && snapshots.contains(snapshot);
    }

    /** Whether nothing was queued. */
    public synchronized boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Queues {@code operation}; its value is delivered through the returned future after COMMIT.
     *
     * @throws IllegalStateException once the transaction began to commit or roll back
     */
    public synchronized <T> CompletableFuture<T> add(Operation<T> operation) {
        if (sealed) {
            throw new IllegalStateException("cannot queue an after-commit step: the transaction is ending or ended");
        }
        Step<T> step = new Step<>(operation);
        steps.add(step);
        String created = operation.firstStatement().createsSnapshot();
        if (created != null) {
            snapshots.add(created);
        }
        return step.result;
    }

    /** The sync client's handle of a queued step. */
    public <T> AfterCommit<T> addForHandle(Operation<T> operation) {
        return new AfterCommit<>(operation.firstStatement().redactedSql(), add(operation));
    }

    /**
     * The async client's stage of a queued step: see {@link AfterCommitStage} for why waiting on it inside the
     * transaction body fails instead of hanging.
     */
    public <T> CompletionStage<T> addForStage(Operation<T> operation, BooleanSupplier commitRequested) {
        return new AfterCommitStage<>(add(operation), commitRequested);
    }

    /** No step is taken after this; called when commit or rollback begins. */
    public synchronized void seal() {
        sealed = true;
    }

    private synchronized List<Step<?>> sealedSteps() {
        sealed = true;
        return List.copyOf(steps);
    }

    /** The transaction did not commit: no step runs; every handle fails with a {@link CancellationException}. */
    public void cancelAll(String reason) {
        for (Step<?> step : sealedSteps()) {
            step.result.completeExceptionally(new CancellationException(reason));
        }
    }

    /**
     * Runs every step in order on {@code runner} (the transaction's connection, now in autocommit mode). The
     * stage fails with one {@link AfterCommitStepException} if a step failed, after undoing what can be undone.
     */
    public CompletionStage<Void> runAll(Function<Statement, CompletionStage<Result>> runner) {
        return runFrom(sealedSteps(), 0, runner);
    }

    /** {@link #runAll} on a blocking runner; throws the {@link AfterCommitStepException}. */
    public void runAllBlocking(Function<Statement, Result> runner) {
        CompletableFuture<Void> done = runAll(statement -> {
            try {
                return CompletableFuture.completedFuture(runner.apply(statement));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }).toCompletableFuture();
        try {
            done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private CompletionStage<Void> runFrom(List<Step<?>> all, int k, Function<Statement, CompletionStage<Result>> runner) {
        if (k == all.size()) {
            all.forEach(Step::completeWithValue);
            return CompletableFuture.completedFuture(null);
        }
        return runStep(all.get(k), runner).handle((ok, error) -> error == null
                ? runFrom(all, k + 1, runner) : compensate(all, k, unwrap(error), runner))
                .thenCompose(Function.identity());
    }

    private static <T> CompletionStage<Void> runStep(Step<T> step, Function<Statement, CompletionStage<Result>> runner) {
        return step.operation.executeAsync(statement -> runner.apply(statement).thenApply(r -> {
            step.executed.add(statement);
            return r;
        })).thenAccept(value -> step.value = value);
    }

    private CompletionStage<Void> compensate(List<Step<?>> all, int failed, Throwable error,
                                             Function<Statement, CompletionStage<Result>> runner) {
        MatrixOneException cause = error instanceof MatrixOneException m ? m
                : new MatrixOneException("after-commit step failed: " + error, error);
        List<String> undone = new ArrayList<>();
        List<String> notUndone = new ArrayList<>();
        List<Throwable> undoFailures = new ArrayList<>();
        List<Step<?>> inEffect = new ArrayList<>();
        // the failed step's own completed statements first (a chain may have run part of its work)
        CompletionStage<Boolean> chain = undo(all.get(failed), runner, undoFailures);
        for (int i = failed - 1; i >= 0; i--) {
            Step<?> step = all.get(i);
            chain = chain.thenCompose(ignored -> step.hasUndo() ? undo(step, runner, undoFailures)
                    : CompletableFuture.completedFuture(false)).thenApply(ok -> {
                        if (ok) {
                            undone.add(step.sql());
                        } else {
                            notUndone.add(step.sql());
                            inEffect.add(step);
                        }
                        return ok;
                    });
        }
        return chain.handle((ignored, unexpected) -> {
            AfterCommitStepException e = new AfterCommitStepException(failed + 1, all.size(), all.get(failed).sql(),
                    undone, notUndone, cause);
            undoFailures.forEach(e::addSuppressed);
            if (unexpected != null) {
                e.addSuppressed(unwrap(unexpected));
            }
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
            throw e;
        });
    }

    /** Runs the undo statements of a step's executed statements in reverse order; false if one failed. */
    private static CompletionStage<Boolean> undo(Step<?> step, Function<Statement, CompletionStage<Result>> runner,
                                                 List<Throwable> failures) {
        CompletionStage<Boolean> chain = CompletableFuture.completedFuture(true);
        for (int i = step.executed.size() - 1; i >= 0; i--) {
            Statement undo = step.executed.get(i).undo();
            if (undo == null) {
                continue;
            }
            chain = chain.thenCompose(ok -> run(runner, undo).handle((r, error) -> {
                if (error != null) {
                    Throwable e = unwrap(error);
                    failures.add(e);
                    LOG.warn("Undoing after-commit step '{}' failed: {}", step.sql(), e.getMessage());
                }
                return ok && error == null;
            }));
        }
        return chain;
    }

    private static CompletionStage<Result> run(Function<Statement, CompletionStage<Result>> runner, Statement s) {
        try {
            return runner.apply(s);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
