package io.matrixone.client;

import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.NotAllowedInTransactionException;
import io.matrixone.core.manager.TxManagerAccess;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.tx.AfterCommit;

import java.util.List;
import java.util.function.Consumer;

/**
 * One MatrixOne transaction on one pooled connection, shared by raw SQL, MatrixOne operations and ORM sessions.
 *
 * <p>It starts with an explicit {@code BEGIN} (only a BEGIN-started transaction makes CLONE and DATA BRANCH
 * transactional on MatrixOne) and ends with {@code COMMIT} or {@code ROLLBACK}. What MatrixOne allows inside a
 * transaction (DML, DDL, CLONE) runs at once and is undone by rollback. What it refuses (CREATE/DROP SNAPSHOT,
 * RESTORE, PITR, publications, accounts: error 20101 or "administrative command is unsupported in
 * transactions") becomes an after-commit step: queued with {@link #submit(Operation)} or
 * {@link #afterCommit(String, Object...)}, run in order right after a successful COMMIT, never on rollback. So a
 * snapshot taken inside a transaction is taken at commit and contains everything the transaction wrote.
 *
 * <p>Raw SQL that would break the transaction is refused before it is sent, with a
 * {@link NotAllowedInTransactionException}: {@code SET} (on MatrixOne up to 4.2.0 it commits the open
 * transaction), BEGIN/COMMIT/ROLLBACK/SAVEPOINT (use {@link #commit()} / {@link #rollback()}; MatrixOne cannot
 * roll back to a savepoint), and statements MatrixOne refuses inside a transaction (use the managers or
 * {@link #afterCommit(String, Object...)}).
 *
 * <p>The connection goes back to the pool when the transaction ends, on every path, with no transaction open
 * on it; if even ROLLBACK fails, the connection is discarded instead. {@link #close()} rolls back what was not
 * committed. A transaction is used by one thread at a time; concurrent use fails with
 * {@link IllegalStateException} rather than interleaving statements on one connection.
 *
 * <p>MatrixOne's features are on the transaction's managers ({@code snapshots()}, {@code clones()} ...): what
 * MatrixOne allows inside a transaction runs at once on its connection; what it refuses (snapshots, restores, PITR,
 * publication DDL, accounts) is queued to run right after COMMIT, and the returned handle completes then.
 *
 * <p>A transaction begun while the same thread is inside another transaction of the same client joins it
 * (MatrixOne has no usable savepoints): the joined handle's {@link #commit()} does nothing, its
 * {@link #rollback()} or closing it without commit marks the outer transaction rollback-only, and it cannot be
 * used once its nested body ended.
 */
public interface Transaction extends AutoCloseable, TransactionContext, TxManagerAccess {

    /**
     * Runs a query (or any statement) inside the transaction; it sees the transaction's uncommitted writes.
     * Parameters are bound, never spliced into the SQL.
     *
     * @throws NotAllowedInTransactionException for SET, transaction control and statements MatrixOne refuses in
     *                                          a transaction; nothing is sent
     */
    Result query(String sql, Object... params);

    /**
     * Runs an INSERT, UPDATE, DELETE or DDL statement inside the transaction: affected rows and generated keys.
     *
     * @throws NotAllowedInTransactionException as for {@link #query(String, Object...)}
     */
    Result execute(String sql, Object... params);

    /**
     * Runs one statement for many rows of parameters as one JDBC batch (a multi-row INSERT where possible), inside
     * the transaction: a rollback undoes all of it.
     *
     * @return the update count per row as the driver reports it (rewritten batches may report
     *         {@link java.sql.Statement#SUCCESS_NO_INFO})
     */
    long[] executeBatch(String sql, List<? extends List<?>> rows);

    /**
     * Inserts many rows inside this transaction (see {@link MatrixOneClient#bulkInsert(BulkInsert)}): a rollback
     * undoes all of them. If it fails part-way (a bad row, a server error, an exception from the progress
     * callback), some batches may already be in: the transaction is then marked rollback-only.
     */
    BulkResult bulkInsert(BulkInsert insert);

    /**
     * Streams a query's rows to {@code consumer} one at a time, in constant memory (MatrixOne has no cursor fetch;
     * rows are read off the socket as they are consumed). The consumer must not use this transaction: the
     * connection is busy until the last row. If the consumer throws, the remaining rows are read and discarded
     * (the transaction keeps its connection), then the exception propagates. Each row is a view valid until the
     * consumer returns; keep {@code row.detach()} to keep it (see {@link MatrixOneClient#stream}).
     *
     * @return the number of rows
     */
    long stream(String sql, List<?> params, Consumer<Row> consumer);

    /**
     * Runs an operation that MatrixOne allows inside a transaction (DML, CLONE, DATA BRANCH, catalog reads,
     * mo_ctl) at once, on the transaction's connection.
     *
     * @throws NotAllowedInTransactionException if the operation must run after commit (use {@link #submit}), or
     *                                          reads a snapshot this transaction has queued; nothing is sent
     */
    <T> T run(Operation<T> operation);

    /**
     * Runs an operation at the right moment for MatrixOne: at once if MatrixOne allows it inside a transaction
     * (the handle is then already complete), else as an after-commit step. An operation is queued when MatrixOne
     * refuses its first statement inside a transaction (snapshots, restore, PITR, publications, accounts) or when
     * it reads a snapshot that an already queued step creates (a clone from a snapshot taken at this commit).
     *
     * <p>Queued steps run in order right after COMMIT, on this transaction's connection, never on rollback. If
     * step k fails, the earlier steps that can be undone are undone (a created snapshot is dropped), later
     * steps do not run, and {@link #commit()} throws one {@link AfterCommitStepException}: the data was
     * committed.
     */
    <T> AfterCommit<T> submit(Operation<T> operation);

    /** Queues an operation as an after-commit step whatever its rule; see {@link #submit(Operation)}. */
    <T> AfterCommit<T> afterCommit(Operation<T> operation);

    /**
     * Queues raw SQL to run right after COMMIT, e.g. {@code tx.afterCommit("CREATE SNAPSHOT s FOR DATABASE db")}:
     * the way to send what MatrixOne refuses inside a transaction. It never runs on rollback. A raw step has no
     * undo; prefer the managers, whose steps can be undone when a later step fails.
     *
     * @throws io.matrixone.core.error.StatementNotAllowedException for SET and transaction control, which must not
     *                                                              run on a pooled connection even after commit
     */
    AfterCommit<Result> afterCommit(String sql, Object... params);

    /**
     * The ORM session of {@code binding} on this transaction's own connection, opened on first use (once per
     * binding and transaction). ORM writes and raw SQL share the one database transaction: the session is
     * flushed before every raw statement and before COMMIT, so the server sees them in program order, and it
     * is closed when the transaction ends. The session must not begin, commit or roll back on its own: its
     * connection refuses that (see {@link #connection()}). A failure of its flush is reported as the SDK's
     * exception ({@code DuplicateKeyException} ...), with the ORM's exception as its cause.
     */
    <S> S orm(OrmBinding<S> binding);

    /**
     * Flushes ORM sessions, sends COMMIT, then runs the queued after-commit steps and gives the connection back.
     * On a joined handle it does nothing: the outer transaction commits.
     *
     * @throws MatrixOneException                                 if COMMIT failed; the transaction was rolled back
     *                                                            and no step ran ({@link MatrixOneException#isRetryable()}
     *                                                            says whether running it again may succeed)
     * @throws io.matrixone.core.error.CommitStatusUnknownException if COMMIT's answer was lost: it may or may not
     *                                                            have committed; never retried, no step ran
     * @throws AfterCommitStepException                           if the data was committed but an after-commit
     *                                                            step failed
     * @throws IllegalStateException                              if the transaction already ended
     */
    void commit();

    /**
     * Sends ROLLBACK: nothing the transaction wrote stays, no after-commit step runs (their handles are
     * cancelled), and the connection goes back to the pool (or is discarded if ROLLBACK itself failed: closing it
     * aborts the transaction on the server). Does nothing if already rolled back. On a joined handle it marks the
     * outer transaction rollback-only.
     *
     * @throws IllegalStateException if the transaction already committed
     */
    void rollback();

    /**
     * Rolls back unless committed, then gives the connection back. Idempotent; never throws for a failed
     * ROLLBACK (the connection is then discarded). On a joined handle without {@link #commit()} it marks the outer
     * transaction rollback-only: the outer commit will fail and roll back.
     */
    @Override
    void close();

    /** Whether the transaction is open: begun, neither committed nor rolled back (nor, for a joined handle, closed). */
    boolean isActive();

    /** Whether this handle joined a transaction begun further out on the same thread. */
    boolean isJoined();

    /**
     * Marks the transaction so that it can only roll back: a later {@link #commit()} fails with a
     * {@link MatrixOneException} and rolls back.
     */
    void setRollbackOnly();
}
