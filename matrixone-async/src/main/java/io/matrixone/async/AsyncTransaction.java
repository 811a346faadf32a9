package io.matrixone.async;

import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.manager.AsyncManagerAccess;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.version.ServerVersion;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * One MatrixOne transaction on one pooled connection, started with an explicit {@code BEGIN} (only a
 * BEGIN-started transaction makes CLONE and DATA BRANCH transactional on MatrixOne). Raw SQL, MatrixOne
 * operations and an ORM session ({@link #orm}) all run on that connection and commit or roll back together.
 *
 * <p><b>Ordering.</b> Statements issued concurrently (e.g. 100 {@code execute} calls without waiting in
 * between) run one after another on the connection, in the order the calls were made; each returned stage
 * completes with its own statement's result. The whole transaction runs on one Vert.x context, so stages
 * returned here complete on that context's thread.
 *
 * <p><b>After-commit steps.</b> MatrixOne refuses CREATE/DROP SNAPSHOT, RESTORE, PITR, publications and
 * administrative statements inside a transaction (error 20101). {@link #submit}/{@link #afterCommit} queue
 * them; they run in order right after COMMIT and never on rollback. A snapshot taken inside a transaction is
 * therefore taken at commit and contains everything the transaction wrote. The stage they return completes
 * only after COMMIT: waiting for it inside the transaction body would never end, so the SDK fails such a wait
 * with {@link IllegalStateException} (see {@link #afterCommit(Operation)}).
 *
 * <p><b>Refused raw SQL.</b> {@code SET} (commits the open transaction on MatrixOne up to 4.2.0), transaction
 * control (BEGIN, COMMIT, SAVEPOINT ...: the transaction owns them), the snapshot family and administrative
 * statements sent as raw text fail with {@code NotAllowedInTransactionException}; nothing is sent.
 *
 * <p><b>Managers.</b> The same manager types as the client's ({@code snapshots()}, {@code clones()} ...). On a
 * transaction, what MatrixOne allows inside a transaction runs at once; what it refuses (snapshots, restores, PITR,
 * publication DDL, accounts) is queued to run right after COMMIT, and the stage completes then.
 *
 * <p><b>Ending.</b> {@link #commit()}, {@link #rollback()} or {@link #close()} (rolls back unless committed)
 * end it and give the connection back to the pool. After the end every statement method fails.
 */
public interface AsyncTransaction extends AsyncManagerAccess {

    /** Runs a query inside the transaction; the whole result is read into memory. */
    CompletionStage<Result> query(String sql, Object... params);

    /** Runs an INSERT/UPDATE/DELETE/DDL inside the transaction: affected rows and generated keys. */
    CompletionStage<Result> execute(String sql, Object... params);

    /**
     * Runs one statement for every parameter row; a rollback undoes all of it. A one-row
     * {@code INSERT ... VALUES (?, ...)} goes as multi-row INSERTs of up to 1,000 rows, one after another; any other
     * statement once per row with Vert.x batch execution (a round trip per row). Completes with the update count of
     * each row, in row order (1 per row of such an INSERT). A row with the wrong number of values is refused before
     * anything is sent.
     */
    CompletionStage<long[]> executeBatch(String sql, List<? extends List<?>> rows);

    /**
     * Inserts many rows inside this transaction as multi-row INSERTs on its connection (the async side of
     * {@code MatrixOneClient.bulkInsert}; Vert.x has no LOAD DATA LOCAL INFILE, so {@code BulkMethod.LOAD_DATA} and
     * {@code STAGED} are refused). A rollback undoes all of it; a failure part-way marks the transaction rollback-only. The rows are
     * read, and progress reported after every batch, on a Vert.x worker thread: they may block, the event loop
     * never waits for them.
     */
    CompletionStage<BulkResult> bulkInsert(BulkInsert insert);

    /**
     * Hands each row of a query to {@code consumer} as it is decoded, without holding the result; completes
     * with the number of rows; each row is a view valid during the call ({@link Row#detach()} keeps one). See
     * {@link AsyncMatrixOneClient#stream} for the limits (no back-pressure).
     */
    CompletionStage<Long> stream(String sql, List<?> params, Consumer<Row> consumer);

    /** Reduces the rows of a query with {@code collector} as they are decoded, without holding the result. */
    <A, R> CompletionStage<R> collect(String sql, List<?> params, Collector<Row, A, R> collector);

    /**
     * Runs a MatrixOne operation at once, inside the transaction. An operation MatrixOne refuses inside a
     * transaction ({@code TxRule.AFTER_COMMIT}), or one that reads a snapshot this transaction queued, fails
     * with {@code NotAllowedInTransactionException} and nothing is sent: use {@link #submit} for those. Same
     * rules as the sync {@code Transaction.run}.
     */
    <T> CompletionStage<T> run(Operation<T> operation);

    /**
     * Runs an operation where MatrixOne allows it: at once when it may run inside a transaction, otherwise
     * queued as an after-commit step ({@code TxRule.AFTER_COMMIT}, or a clone of a snapshot this transaction
     * queued, which then runs after that snapshot). The managers use this. A queued step's stage cannot be
     * transformed inside the transaction (see {@link #afterCommit(Operation)}): map the value inside the
     * operation ({@code operation.map(f)}), not on the returned stage.
     */
    <T> CompletionStage<T> submit(Operation<T> operation);

    /**
     * Queues an operation to run right after COMMIT, whatever its rule. The returned stage completes after COMMIT and the step;
     * it fails if the transaction rolls back or an after-commit step fails. Do not wait on it inside the
     * transaction body: composing on it there ({@code thenCompose}, {@code thenApply}, {@code join} ...)
     * fails at once with {@link IllegalStateException} ("completes after COMMIT; compose on the transaction's
     * result instead"), because COMMIT only happens once the body's own stage completed. Keep the stage and
     * use it once {@code client.transaction(..)} or {@link #commit()} completed.
     */
    <T> CompletionStage<T> afterCommit(Operation<T> operation);

    /** Queues a raw statement to run right after COMMIT; see {@link #afterCommit(Operation)}. */
    CompletionStage<Result> afterCommit(String sql, Object... params);

    /**
     * The ORM session of {@code binding} bound to this transaction's connection, opened on first use (one
     * session per binding per transaction). The SDK flushes it before each raw statement and before COMMIT,
     * and closes it when the transaction ends, on every path. ORM calls must be chained, not run concurrently.
     */
    <S> CompletionStage<S> orm(AsyncOrmBinding<S> binding);

    /**
     * Runs {@code body} inside this transaction: a nested transaction joins the outer one (MatrixOne has no
     * working savepoints). The body receives a joined handle ({@link #isJoined()}): its {@code commit()} does
     * nothing, its {@code rollback()} or a failure of the body marks the outer transaction rollback-only, and the
     * failure propagates. Async code has no thread to hang a "current transaction" on, so joining is explicit:
     * call this instead of {@code client.transaction(..)} inside a body (that would open an independent one).
     */
    <T> CompletionStage<T> transaction(Function<AsyncTransaction, CompletionStage<T>> body);

    /** Whether this handle joined an outer transaction ({@link #transaction(Function)}). */
    boolean isJoined();

    /** Marks the transaction so that it can only roll back: a later {@link #commit()} fails and rolls back. */
    void setRollbackOnly();

    /**
     * Flushes ORM sessions, sends COMMIT after the statements already issued, then runs the after-commit steps;
     * the connection goes back to the pool. Fails if COMMIT failed (the transaction was rolled back;
     * {@code isRetryable()} says whether running it again may succeed, never for 20638), with one
     * {@code AfterCommitStepException} if the data was committed but a step failed, or when the transaction was
     * marked rollback-only (it then rolls back). On a joined handle it does nothing.
     */
    CompletionStage<Void> commit();

    /**
     * Sends ROLLBACK after the statements already issued, cancels the after-commit steps and gives the connection
     * back. A no-op when already rolled back; fails with {@link IllegalStateException} when already committed. On a
     * joined handle it marks the outer transaction rollback-only.
     */
    CompletionStage<Void> rollback();

    /**
     * Rolls back unless committed, then gives the connection back; idempotent, never fails. On a joined handle
     * without {@code commit()} it marks the outer transaction rollback-only.
     */
    CompletionStage<Void> close();

    /** Whether the transaction is still open (not committed, rolled back or broken). */
    boolean isActive();

    /** The version of the server the transaction runs on. */
    ServerVersion serverVersion();
}
