package io.matrixone.core.internal.tx;

import io.matrixone.core.error.CommitStatusUnknownException;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.internal.error.ErrorClassifier;
import io.matrixone.core.error.MatrixOneException;

/**
 * The life of one transaction, the same on both clients and without I/O: whether a statement may be sent, what a
 * statement's failure does to the transaction, what commit and rollback may do. The clients ask, act, and report
 * back; messages and exception types are decided here once.
 *
 * <ul>
 *   <li>A conflict ({@link MatrixOneException#isRetryable()}), a lost connection or an unknown commit status means
 *       the server already ended the transaction: later statements are refused (they would run in autocommit
 *       mode) with the same exception type, so the lambda form can still retry on it.</li>
 *   <li>Rollback-only (a statement timed out client-side and may still take effect, a joined body failed,
 *       {@code setRollbackOnly()}): statements may still run; commit rolls back instead and fails.</li>
 *   <li>A COMMIT that failed without an answer is an unknown outcome ({@link CommitFailures}).</li>
 * </ul>
 * Thread-safe (the async client reads it from the transaction's context and writes from callers' threads).
 */
public final class TransactionState {

    /** Where the transaction stands. */
    public enum Status {
        ACTIVE,
        /** Commit or rollback was requested and is under way: nothing new is accepted. */
        ENDING,
        COMMITTED,
        ROLLED_BACK
    }

    private Status status = Status.ACTIVE;
    private String rollbackOnly;
    private MatrixOneException doomed;

    public synchronized Status status() {
        return status;
    }

    public synchronized boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** Whether commit was requested or happened: after-commit stages may be waited on from then on. */
    public synchronized boolean commitRequested() {
        return status != Status.ACTIVE;
    }

    /** The reason a statement must not be sent now, or {@code null} when it may. */
    public synchronized RuntimeException refusal() {
        if (status != Status.ACTIVE) {
            return ended("run a statement");
        }
        return doomed == null ? null : rethrowDoomed();
    }

    /**
     * Notes a statement's failure and returns it. After a conflict, a lost connection or an unknown commit status
     * the server has ended the transaction; nothing more may be sent on it.
     */
    public synchronized MatrixOneException failed(MatrixOneException e) {
        if (doomed == null && (e.isRetryable() || e instanceof ConnectionLostException
                || e instanceof CommitStatusUnknownException)) {
            doomed = e;
        }
        return e;
    }

    /** Commit will roll back instead; the first reason is kept. No effect once the transaction ended. */
    public synchronized void markRollbackOnly(String reason) {
        if (status == Status.ACTIVE && rollbackOnly == null) {
            rollbackOnly = reason;
        }
    }

    /**
     * Starts a commit. Returns {@code null} when COMMIT may be sent (the state is then {@link Status#ENDING}), or
     * the exception the commit fails with: when already ended (nothing changes), or after the server ended the
     * transaction or it was marked rollback-only (the state is then ENDING and the caller rolls back).
     */
    public synchronized RuntimeException beginCommit() {
        if (status != Status.ACTIVE) {
            return ended("commit");
        }
        status = Status.ENDING;
        if (doomed != null) {
            return rethrowDoomed();
        }
        if (rollbackOnly != null) {
            return new MatrixOneException("the transaction was rolled back instead of committed: " + rollbackOnly);
        }
        return null;
    }

    /**
     * Starts a rollback: {@code true} when ROLLBACK should be sent (state ENDING), {@code false} when the
     * transaction already rolled back or is ending (nothing to do).
     *
     * @throws IllegalStateException when it already committed
     */
    public synchronized boolean beginRollback() {
        if (status == Status.COMMITTED) {
            throw new IllegalStateException("the transaction already committed; it cannot be rolled back");
        }
        if (status != Status.ACTIVE) {
            return false;
        }
        status = Status.ENDING;
        return true;
    }

    /** Like {@link #beginRollback()} but quiet once committed: for close() and the lambda's clean-up. */
    public synchronized boolean beginRollbackIfActive() {
        if (status != Status.ACTIVE) {
            return false;
        }
        status = Status.ENDING;
        return true;
    }

    /** COMMIT succeeded. */
    public synchronized void committed() {
        status = Status.COMMITTED;
    }

    /** The transaction ended without commit. */
    public synchronized void rolledBack() {
        status = Status.ROLLED_BACK;
    }

    /** What a failed COMMIT is reported as: see {@link CommitFailures}. */
    public RuntimeException commitFailed(RuntimeException error) {
        RuntimeException outcome = CommitFailures.classify(error);
        if (outcome instanceof MatrixOneException m) {
            failed(m);
        }
        return outcome;
    }

    /** Why queued after-commit steps did not run, for their cancelled handles. */
    public static String cancelReason(Throwable cause) {
        return cause == null ? "not run: the transaction rolled back"
                : "not run: the transaction did not commit (" + cause.getMessage() + ")";
    }

    private IllegalStateException ended(String action) {
        String how = switch (status) {
            case COMMITTED -> "already committed";
            case ROLLED_BACK -> "already rolled back";
            default -> "is ending (commit or rollback was requested)";
        };
        return new IllegalStateException("cannot " + action + ": the transaction " + how);
    }

    /** The doom error again, same type (a retryable conflict stays retryable), saying what happened. */
    private MatrixOneException rethrowDoomed() {
        return ErrorClassifier.classify(doomed.errorCode(), doomed.sqlState(), "the transaction is no longer open: "
                + "it was lost after an earlier error (" + doomed.serverMessage() + ")", null, doomed);
    }

    @Override
    public synchronized String toString() {
        return status.name();
    }
}
