package io.matrixone.core.tx;

import io.matrixone.core.internal.InternalApi;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The value of an after-commit step: a statement MatrixOne refuses inside a transaction (CREATE SNAPSHOT,
 * RESTORE, PITR, publications, accounts ...), queued by the transaction and run on its connection right after
 * COMMIT succeeded, in the order queued. It never runs if the transaction rolls back.
 *
 * <p>Consequence for the caller: a snapshot requested inside a transaction is taken at commit, so it contains
 * everything the transaction wrote. Its value exists only after the commit: {@link #get()} inside the
 * transaction body is an error (never a wait, which would deadlock the body that has to commit first).
 *
 * <p>States: pending (the transaction is still open), done with a value, failed (the step, or a later step of
 * the same transaction, failed: see {@link io.matrixone.core.error.AfterCommitStepException}), or cancelled
 * (not run: the transaction rolled back, its COMMIT failed, or an earlier step failed).
 *
 * @param <T> the step's value, e.g. the created snapshot
 */
public final class AfterCommit<T> {
    private final CompletableFuture<T> future;
    private final String description;

    @InternalApi
    public AfterCommit(String description, CompletableFuture<T> future) {
        this.description = description;
        this.future = future;
    }

    /** A handle for an operation that ran at once (it was allowed inside the transaction). */
    public static <T> AfterCommit<T> completed(String description, T value) {
        return new AfterCommit<>(description, CompletableFuture.completedFuture(value));
    }

    /**
     * The step's value.
     *
     * @throws IllegalStateException while the transaction has not committed yet (the step has not run)
     * @throws CancellationException when the step was not run: the transaction rolled back, its COMMIT failed,
     *                               or an earlier step failed
     * @throws io.matrixone.core.error.MatrixOneException when the step, or a later step that undid it, failed
     */
    public T get() {
        if (!future.isDone()) {
            throw new IllegalStateException("after-commit step '" + description + "' has not run yet: it runs right "
                    + "after COMMIT (MatrixOne refuses it inside a transaction), so its value exists only once the "
                    + "transaction committed; call get() after commit() or after transaction(...) returned");
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** Whether the step has finished: run, failed or cancelled. */
    public boolean isDone() {
        return future.isDone();
    }

    /** Whether the step was not run (rollback, failed COMMIT, or an earlier step failed). */
    public boolean isCancelled() {
        return future.isCancelled();
    }

    /** Whether the step is still waiting for the transaction's commit. */
    public boolean isPending() {
        return !future.isDone();
    }

    /** A stage that completes when the step ran (or was cancelled or failed); it is a copy (see below). */
    public CompletionStage<T> toCompletionStage() {
        return toCompletableFuture();
    }

    /**
     * A new future that completes like the step (a cancelled step cancels it); completing it yourself does not
     * affect the step.
     */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> view = new CompletableFuture<>();
        future.whenComplete((value, error) -> {
            if (error != null) {
                view.completeExceptionally(error); // unwrapped: a cancellation stays a cancellation
            } else {
                view.complete(value);
            }
        });
        return view;
    }

    /** The redacted SQL of the step's first statement. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        String state = !future.isDone() ? "pending" : future.isCancelled() ? "cancelled"
                : future.isCompletedExceptionally() ? "failed" : "done";
        return "AfterCommit[" + description + ", " + state + "]";
    }
}
