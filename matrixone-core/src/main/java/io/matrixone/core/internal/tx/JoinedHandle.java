package io.matrixone.core.internal.tx;

/**
 * The rules of a handle that joined an outer transaction (a nested {@code transaction(..)} or {@code begin()}):
 * MatrixOne has no usable savepoints, so a nested transaction is the outer one. The same on both clients:
 * <ul>
 *   <li>its {@code commit()} only notes that the nested work is done: the outer transaction commits;</li>
 *   <li>its {@code rollback()}, a close without {@code commit()}, or a failure of the nested body marks the outer
 *       transaction rollback-only: the outer commit then rolls back and fails;</li>
 *   <li>once closed, or once the nested body ended, the handle refuses everything: it cannot outlive its body.</li>
 * </ul>
 */
public final class JoinedHandle {
    private final TransactionState outer;
    private boolean committed;
    private boolean closed;

    public JoinedHandle(TransactionState outer) {
        this.outer = outer;
    }

    /** The reason this handle must not be used now, or {@code null}. */
    public synchronized RuntimeException refusal() {
        if (closed) {
            return new IllegalStateException("this joined transaction handle is closed: its nested body ended");
        }
        return outer.isActive() ? null
                : new IllegalStateException("the transaction this handle joined has already ended");
    }

    public synchronized void commit() {
        requireOpen();
        committed = true;
    }

    public synchronized void rollback() {
        requireOpen();
        outer.markRollbackOnly("a joined transaction called rollback()");
    }

    /** Closes the handle; without {@code commit()} the outer transaction becomes rollback-only. Idempotent. */
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (!committed) {
                outer.markRollbackOnly("a joined transaction was closed without commit()");
            }
        }
    }

    /** The nested body ended: the handle closes; a failure makes the outer transaction rollback-only. */
    public synchronized void bodyEnded(Throwable failure) {
        if (failure != null) {
            outer.markRollbackOnly("a nested transaction failed with " + failure);
        } else {
            committed = true;
        }
        closed = true;
    }

    public synchronized boolean isActive() {
        return !closed && outer.isActive();
    }

    private void requireOpen() {
        RuntimeException refusal = refusal();
        if (refusal != null) {
            throw (IllegalStateException) refusal;
        }
    }
}
