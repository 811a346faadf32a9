package io.matrixone.core.dialect;

/**
 * How a statement behaves when it is issued inside a unified transaction.
 *
 * <p>MatrixOne runs ordinary DML and DDL (including CLONE) inside the open transaction, but refuses the
 * snapshot family (error 20101 "unclassified statement appears in uncommitted transaction") and the
 * administrative statements ("administrative command is unsupported in transactions"). The SDK turns
 * those into after-commit steps instead of sending them and failing.
 */
public enum TxRule {
    /** Runs at once on the transaction's connection and is undone by ROLLBACK. */
    NOW,
    /** Refused by MatrixOne inside a transaction: queued and run in order right after COMMIT, never on rollback. */
    AFTER_COMMIT
}
