package io.matrixone.core.internal.tx;

import io.matrixone.core.dialect.TxRule;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.internal.tx.SqlKind;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.NotAllowedInTransactionException;
import io.matrixone.core.internal.sql.SqlRedactor;
import io.matrixone.core.error.StatementNotAllowedException;

/**
 * MatrixOne's transaction rules as the SDK applies them, written once for both clients and free of I/O: for each
 * raw statement and each operation, whether it runs now, is queued to run after COMMIT, or is refused, with one
 * exception type and one message per case. The clients only act on the answer (throw it, or fail the stage
 * with it), so the sync and async sides cannot drift. A parity test sends every kind of statement to both.
 */
public final class TransactionRules {

    /** Where a raw statement is issued. */
    public enum Place {
        /** On the client, in autocommit mode, on whichever pooled connection is free. */
        CLIENT,
        /** Inside an open transaction, on its connection. */
        TRANSACTION,
        /** Queued with {@code tx.afterCommit(sql)}: it will run right after COMMIT on the transaction's connection. */
        AFTER_COMMIT
    }

    /** What happens to an operation handed to a transaction. */
    public enum Action {
        /** It runs at once on the transaction's connection and is undone by ROLLBACK. */
        RUN_NOW,
        /** It is queued and runs right after COMMIT (never on rollback). */
        QUEUE
    }

    static final String SESSION_VARIABLES = "Give session variables for every connection with "
            + "ClientOptions.Builder.sessionVariable(name, value)";

    private TransactionRules() {
    }

    /**
     * The refusal of raw SQL at {@code place}, or {@code null} when it may be sent. Raw SQL that would break a
     * pooled client or an open transaction is refused before anything is sent.
     */
    public static StatementNotAllowedException refusal(String sql, Place place) {
        if (SqlKind.isMultiStatement(sql)) {
            String message = "one statement per call: MatrixOne runs every statement of a ';'-separated text (even "
                    + "when the client did not ask for several), and the SDK's checks would see only the first. Send "
                    + "the statements one by one";
            return place == Place.TRANSACTION ? new NotAllowedInTransactionException(message, SqlRedactor.redact(sql))
                    : new StatementNotAllowedException(message, SqlRedactor.redact(sql));
        }
        SqlKind kind = SqlKind.of(sql);
        if (kind == SqlKind.ORDINARY) {
            return null; // the hot path: no allocation
        }
        String redacted = SqlRedactor.redact(sql);
        return switch (kind) {
            case SET -> switch (place) {
                case CLIENT -> new StatementNotAllowedException("SET is refused on the client: it would change the "
                        + "session of one random pooled connection. " + SESSION_VARIABLES, redacted);
                case TRANSACTION -> new NotAllowedInTransactionException("SET is refused inside a transaction: on "
                        + "MatrixOne up to 4.2.0 any SET commits the open transaction. " + SESSION_VARIABLES, redacted);
                case AFTER_COMMIT -> new StatementNotAllowedException("SET is not queued after COMMIT: it would change "
                        + "the session of a connection that then goes back to the pool. " + SESSION_VARIABLES, redacted);
            };
            case TRANSACTION_CONTROL -> switch (place) {
                case CLIENT -> new StatementNotAllowedException("transaction control is refused on the client: it "
                        + "would leave a pooled connection inside a transaction. Use client.transaction(tx -> ...) or "
                        + "client.begin()", redacted);
                case TRANSACTION -> new NotAllowedInTransactionException("transaction control is refused inside a "
                        + "transaction: use commit() or rollback() (BEGIN would commit the open transaction, and "
                        + "MatrixOne cannot roll back to a savepoint)", redacted);
                case AFTER_COMMIT -> new StatementNotAllowedException("transaction control is not queued after COMMIT: "
                        + "the transaction owns BEGIN, COMMIT and ROLLBACK", redacted);
            };
            case REFUSED_IN_TRANSACTION -> place != Place.TRANSACTION ? null
                    : new NotAllowedInTransactionException("MatrixOne refuses this statement inside a transaction "
                        + "(error 20101 'unclassified statement appears in uncommitted transaction'). Queue it with "
                        + "tx.afterCommit(sql, params...) or use the transaction's managers (it then runs right after "
                        + "COMMIT), or run it outside the transaction", redacted);
            case ADMINISTRATIVE -> place != Place.TRANSACTION ? null
                    : new NotAllowedInTransactionException("MatrixOne refuses administrative statements inside a "
                        + "transaction ('administrative command is unsupported in transactions'). Queue it with "
                        + "tx.afterCommit(sql, params...) or use tx.accounts() (it then runs right after COMMIT), or "
                        + "run it outside the transaction", redacted);
            case LOCAL_FILE -> new StatementNotAllowedException("LOAD DATA LOCAL INFILE is refused: it lets the server "
                    + "read a file of this client, which the SDK never allows. Load rows from memory with "
                    + "bulkInsert(BulkInsert...), or use LOAD DATA INFILE for a file on the server",
                    LOCAL_FILE_REJECTED, "HY000", redacted, null);
            case ORDINARY -> null;
        };
    }

    /** MySQL's client error "LOAD DATA LOCAL INFILE file request rejected due to restrictions on access". */
    public static final int LOCAL_FILE_REJECTED = 2068;

    /**
     * What {@code tx.submit(operation)} does (the managers use it): queue the operation when MatrixOne refuses its
     * first statement inside a transaction, or when it reads a snapshot that a queued step creates (a clone of a
     * snapshot taken at this commit must run after it); otherwise run it now.
     */
    public static Action submit(Operation<?> operation, AfterCommitPlan plan) {
        Statement first = operation.firstStatement();
        return first.txRule() == TxRule.AFTER_COMMIT || plan.createsSnapshot(first.readsSnapshot())
                ? Action.QUEUE : Action.RUN_NOW;
    }

    /**
     * The refusal of {@code tx.run(operation)}, which runs now or not at all, or {@code null} when it may run now.
     */
    public static NotAllowedInTransactionException runRefusal(Operation<?> operation, AfterCommitPlan plan) {
        Statement first = operation.firstStatement();
        if (first.txRule() == TxRule.AFTER_COMMIT) {
            return new NotAllowedInTransactionException("MatrixOne refuses this statement inside a transaction (error "
                    + "20101): use the transaction's managers (tx.snapshots(), tx.restores(), ...) or "
                    + "tx.submit(operation), which queue it to run right after COMMIT", first.redactedSql());
        }
        if (plan.createsSnapshot(first.readsSnapshot())) {
            return new NotAllowedInTransactionException("this operation reads snapshot '" + first.readsSnapshot()
                    + "', which this transaction creates after COMMIT; use tx.submit(operation) to run it after the "
                    + "snapshot was taken", first.redactedSql());
        }
        return null;
    }

    /**
     * The refusal of a later statement of an operation that runs now (a chain's next step), or {@code null}. The
     * dialect never builds such a chain; this keeps a hand-made one from sending a refused statement.
     */
    public static NotAllowedInTransactionException statementRefusal(Statement statement) {
        return statement.txRule() != TxRule.AFTER_COMMIT ? null : new NotAllowedInTransactionException("MatrixOne "
                + "refuses this statement inside a transaction; submit the operation as an after-commit step",
                statement.redactedSql());
    }
}
