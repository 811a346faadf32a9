package io.matrixone.core.dialect;

import io.matrixone.core.internal.sql.SqlRedactor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One SQL statement built by the dialect, ready to run: its text, its bound parameters and how it behaves
 * inside a transaction. Clients only run statements; they never assemble MatrixOne SQL themselves.
 *
 * @param sql             the SQL text; identifiers are already validated and quoted
 * @param params          values bound to the {@code ?} placeholders, in order (may contain {@code null})
 * @param txRule          whether it runs inside a transaction or after its commit
 * @param undo            the statement that compensates this one when a later after-commit step fails
 *                        (e.g. {@code DROP SNAPSHOT IF EXISTS}), or {@code null} when it cannot be undone
 * @param createsSnapshot the snapshot this statement creates, or {@code null}
 * @param readsSnapshot   the snapshot this statement reads (a clone or restore from it), or {@code null};
 *                        inside a transaction that queued the creation of that snapshot, this statement is
 *                        queued after it
 */
public record Statement(String sql, List<Object> params, TxRule txRule, Statement undo,
                        String createsSnapshot, String readsSnapshot) {

    public Statement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(txRule, "txRule");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("sql must not be blank");
        }
        params = params == null || params.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(params));
    }

    /** A statement that runs at once, also inside a transaction. */
    public static Statement of(String sql, Object... params) {
        return new Statement(sql, params == null ? List.of() : java.util.Arrays.asList(params), TxRule.NOW, null, null, null);
    }

    /** A statement MatrixOne refuses inside a transaction: there it becomes an after-commit step. */
    public static Statement afterCommit(String sql, Object... params) {
        return of(sql, params).withTxRule(TxRule.AFTER_COMMIT);
    }

    public Statement withTxRule(TxRule rule) {
        return new Statement(sql, params, rule, undo, createsSnapshot, readsSnapshot);
    }

    public Statement withUndo(Statement compensation) {
        return new Statement(sql, params, txRule, compensation, createsSnapshot, readsSnapshot);
    }

    public Statement creatingSnapshot(String snapshot) {
        return new Statement(sql, params, txRule, undo, snapshot, readsSnapshot);
    }

    public Statement readingSnapshot(String snapshot) {
        return new Statement(sql, params, txRule, undo, createsSnapshot, snapshot);
    }

    public boolean runsAfterCommit() {
        return txRule == TxRule.AFTER_COMMIT;
    }

    /** The SQL with string literals masked, safe for logs and exception messages. */
    public String redactedSql() {
        return SqlRedactor.redact(sql);
    }

    /** Redacted on purpose: statements end up in logs, and some carry passwords ({@code IDENTIFIED BY '...'}). */
    @Override
    public String toString() {
        return "Statement[" + redactedSql() + (params.isEmpty() ? "" : ", " + params.size() + " params")
                + ", " + txRule + "]";
    }
}
