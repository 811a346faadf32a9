package io.matrixone.core.event;

import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.internal.sql.SqlRedactor;

import java.time.Duration;
import java.util.Objects;

/**
 * One statement as a {@link StatementListener} sees it, before it is sent or after it ended. It never holds a
 * secret: the SQL is redacted and parameter values are left out.
 *
 * @param id             the statement's number, unique per client and the same in its before and after events: lets a
 *                       listener pair them (a span started before the statement, ended after it)
 * @param sql            the SQL with string literals masked by {@link SqlRedactor} (never the raw text, so never a
 *                       password written as a literal), cut at {@link SqlRedactor#MAX_LENGTH} characters
 * @param parameterCount how many parameter values are bound to one execution (per row for a batch); 0 for text
 *                       statements. The values themselves are never passed.
 * @param client         which client sent it
 * @param scope          where it was sent: inside a transaction (BEGIN, its statements, COMMIT and ROLLBACK), as an
 *                       after-commit step (or the undo of one) right after COMMIT, or on its own in autocommit mode
 * @param phase          before the statement, or how it ended
 * @param duration       from just before sending to the outcome (for a streamed query: to the last row read);
 *                       {@code null} in the {@code BEFORE} phase
 * @param rowCount       rows returned by a query or affected by an update, or -1 where not known (before,
 *                       on failure, for BEGIN/COMMIT/ROLLBACK, for a batch the driver reports no counts for)
 * @param error          the failure, classified as everywhere in the SDK ({@code DuplicateKeyException} ...);
 *                       a client-side failure (an unsupported parameter type) is a plain {@link MatrixOneException}
 *                       with error code 0 around it. {@code null} unless the phase is {@code FAILED}.
 */
public record StatementEvent(long id, String sql, int parameterCount, Client client, Scope scope, Phase phase,
                             Duration duration, long rowCount, MatrixOneException error) {

    /** Which client sent the statement. */
    public enum Client { SYNC, ASYNC }

    /**
     * Where a statement is sent. After-commit steps run in autocommit mode on the committed transaction's connection;
     * they have their own scope so that meters can count them (and their undo statements) for every transaction.
     */
    public enum Scope {
        /** On its own, outside any transaction. */
        AUTOCOMMIT,
        /** Inside a transaction: BEGIN, the transaction's statements, COMMIT and ROLLBACK. */
        TRANSACTION,
        /** Right after a successful COMMIT: an after-commit step, or the undo of one after a later step failed. */
        AFTER_COMMIT
    }

    /** Where the statement is: about to be sent, or ended. */
    public enum Phase { BEFORE, SUCCEEDED, FAILED }

    /** Checks that the parts agree with the phase; {@code sql} must already be redacted. */
    public StatementEvent {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(phase, "phase");
        if (parameterCount < 0) {
            throw new IllegalArgumentException("parameterCount must be >= 0, was " + parameterCount);
        }
        if (rowCount < -1) {
            throw new IllegalArgumentException("rowCount must be >= -1, was " + rowCount);
        }
        if ((phase == Phase.BEFORE) != (duration == null)) {
            throw new IllegalArgumentException("duration must be null exactly in the BEFORE phase");
        }
        if ((phase == Phase.FAILED) != (error != null)) {
            throw new IllegalArgumentException("error must be set exactly in the FAILED phase");
        }
        if (phase != Phase.SUCCEEDED && rowCount != -1) {
            throw new IllegalArgumentException("rowCount is only known once a statement succeeded");
        }
    }

    /** The event before {@code rawSql} is sent; the SQL is redacted here. */
    public static StatementEvent before(long id, String rawSql, int parameterCount, Client client, Scope scope) {
        return new StatementEvent(id, SqlRedactor.redact(Objects.requireNonNull(rawSql, "rawSql")), parameterCount,
                client, scope, Phase.BEFORE, null, -1, null);
    }

    /** The same statement, ended successfully. */
    public StatementEvent succeeded(Duration took, long rows) {
        requireBefore();
        return new StatementEvent(id, sql, parameterCount, client, scope, Phase.SUCCEEDED,
                Objects.requireNonNull(took, "took"), rows, null);
    }

    /** The same statement, failed with {@code failure}. */
    public StatementEvent failed(Duration took, MatrixOneException failure) {
        requireBefore();
        return new StatementEvent(id, sql, parameterCount, client, scope, Phase.FAILED,
                Objects.requireNonNull(took, "took"), -1, Objects.requireNonNull(failure, "failure"));
    }

    /** Whether it was sent inside a transaction, between BEGIN and COMMIT or ROLLBACK (both included). */
    public boolean inTransaction() {
        return scope == Scope.TRANSACTION;
    }

    /** Whether the statement ended without error (false before it ended). */
    public boolean isSuccess() {
        return phase == Phase.SUCCEEDED;
    }

    private void requireBefore() {
        if (phase != Phase.BEFORE) {
            throw new IllegalStateException("an outcome is derived from the BEFORE event, this one is " + phase);
        }
    }
}
