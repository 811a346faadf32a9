package io.matrixone.hibernate.reactive;

/**
 * The one place that words the refusals of a reactive session bound to a MatrixOne transaction, so that every path
 * ({@code Stage.Session.withTransaction}, {@code Mutiny.Session.withTransaction}, the unwrapped session) says the
 * same thing.
 */
final class Ownership {
    static final String RULE = "a Hibernate Reactive session opened by tx.orm(..) is bound to a MatrixOne transaction,"
            + " which owns BEGIN, COMMIT and ROLLBACK: complete the transaction body's stage normally to commit, fail"
            + " it (or call tx.setRollbackOnly()) to roll back";

    private Ownership() {
    }

    /** What {@code session.withTransaction(..)} fails with: Hibernate Reactive tried to begin on the connection. */
    static IllegalStateException beginRefused() {
        return new IllegalStateException("Session.withTransaction(..) is not allowed: " + RULE);
    }
}
