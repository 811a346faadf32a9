package io.matrixone.hibernate;

/**
 * The one place that words the refusals of a session bound to a MatrixOne transaction, so every path (the
 * session, its {@code Transaction}, Hibernate's own transaction driver) says the same thing.
 */
final class Ownership {
    private static final String RULE = "a Session opened by tx.orm(..) is bound to a MatrixOne transaction, which"
            + " owns commit and rollback: return normally from the transaction body to commit, throw to roll back";

    private Ownership() {
    }

    /** The refusal of {@code action}, e.g. {@code "Session.beginTransaction()"}. */
    static IllegalStateException refused(String action) {
        return new IllegalStateException(action + " is not allowed: " + RULE);
    }

    /** The refusal of a rollback attempt, which still dooms the transaction. */
    static IllegalStateException refusedRollback(String action) {
        return new IllegalStateException(action + " is not allowed: " + RULE
                + ". The MatrixOne transaction has been marked rollback-only and will not commit");
    }

    /** The refusal of a JTA-style synchronization: the binding is never told how the transaction ended. */
    static UnsupportedOperationException synchronizationRefused() {
        return new UnsupportedOperationException("Transaction synchronizations are not supported on a Session bound"
                + " to a MatrixOne transaction: the ORM session is not told whether the transaction committed."
                + " Register work that must follow the commit with the MatrixOne transaction instead");
    }
}
