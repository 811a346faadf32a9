package io.matrixone.client;

import io.matrixone.client.internal.GuardedConnection;
import io.matrixone.client.internal.RowCursor;
import io.matrixone.client.internal.SqlGuard;
import io.matrixone.client.internal.SqlRunner;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.SqlKind;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.dialect.TxRule;
import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.CommitStatusUnknownException;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.ErrorClassifier;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.NotAllowedInTransactionException;
import io.matrixone.core.error.SqlRedactor;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.version.ServerVersion;

import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Raw SQL that would break the transaction is refused before it is sent: {@code SET} (on MatrixOne up to
 * 4.2.0 it commits the open transaction), BEGIN/COMMIT/ROLLBACK/SAVEPOINT (use {@link #commit()} /
 * {@link #rollback()}; MatrixOne cannot roll back to a savepoint), and statements MatrixOne refuses inside a
 * transaction (use the managers or {@link #afterCommit(String, Object...)}).
 *
 * <p>The connection goes back to the pool when the transaction ends, on every path, with no transaction open
 * on it; if even ROLLBACK fails, the connection is discarded instead. {@link #close()} rolls back what was not
 * committed. A transaction is used by one thread at a time; concurrent use fails with
 * {@link IllegalStateException} rather than interleaving statements on one connection.
 *
 * <p>A transaction begun while the same thread is inside another transaction of the same client joins it
 * (MatrixOne has no usable savepoints): the joined handle's {@link #commit()} does nothing, and closing it
 * without commit marks the outer transaction rollback-only.
 */
public final class Transaction implements AutoCloseable, TransactionContext {
    private static final Logger log = LoggerFactory.getLogger(Transaction.class);

    static final String ROLLED_BACK = "not run: the transaction rolled back";

    private enum Status { ACTIVE, COMMITTED, ROLLED_BACK }

    private final MatrixOneClient client;
    /** The transaction that owns the connection; {@code this} unless this is a joined handle. */
    private final Transaction root;

    // --- root only ---
    private final Connection connection;
    private final SqlRunner runner;
    private final AtomicReference<Thread> user = new AtomicReference<>();
    private int depth;
    private Status status = Status.ACTIVE;
    private boolean committed;
    private boolean streaming;
    private String rollbackOnly;
    private MatrixOneException doomed;
    private AfterCommitQueue queue;
    private OrmSessions orm;
    private GuardedConnection guarded;

    // --- joined handle only ---
    private boolean handleClosed;
    private boolean handleCommitted;

    private Transaction(MatrixOneClient client, Connection connection) {
        this.client = client;
        this.root = this;
        this.connection = connection;
        this.runner = client.runner().inTransaction();
    }

    private Transaction(Transaction outer) {
        this.client = outer.client;
        this.root = outer;
        this.connection = null;
        this.runner = outer.runner;
    }

    /** Borrows a connection and sends BEGIN; the connection is discarded if BEGIN fails. */
    static Transaction begin(MatrixOneClient client) {
        Connection c = client.pool().acquire();
        try {
            client.runner().inTransaction().control(c, "BEGIN");
        } catch (RuntimeException e) {
            client.pool().release(c, true);
            throw e;
        }
        return new Transaction(client, c);
    }

    /** A handle that joins this transaction (for a nested begin or transaction on the same thread). */
    Transaction join() {
        return new Transaction(root);
    }

    // =====================================================================================================
    // Raw statements
    // =====================================================================================================

    /**
     * Runs a query (or any statement) inside the transaction; it sees the transaction's uncommitted writes.
     * Parameters are bound, never spliced into the SQL.
     *
     * @throws NotAllowedInTransactionException for SET, transaction control and statements MatrixOne refuses in
     *                                          a transaction; nothing is sent
     */
    public Result query(String sql, Object... params) {
        Transaction r = target();
        r.enter();
        try {
            r.beforeRaw(sql);
            return runner.query(r.connection, sql, params);
        } catch (MatrixOneException e) {
            throw r.failed(e);
        } finally {
            r.exit();
        }
    }

    /**
     * Runs an INSERT, UPDATE, DELETE or DDL statement inside the transaction: affected rows and generated keys.
     *
     * @throws NotAllowedInTransactionException as for {@link #query(String, Object...)}
     */
    public Result execute(String sql, Object... params) {
        Transaction r = target();
        r.enter();
        try {
            r.beforeRaw(sql);
            return runner.update(r.connection, sql, params);
        } catch (MatrixOneException e) {
            throw r.failed(e);
        } finally {
            r.exit();
        }
    }

    /**
     * Runs one statement for many rows of parameters as one JDBC batch (a multi-row INSERT where possible), inside
     * the transaction: a rollback undoes all of it.
     *
     * @return the update count per row as the driver reports it (rewritten batches may report
     *         {@link java.sql.Statement#SUCCESS_NO_INFO})
     */
    public long[] executeBatch(String sql, List<? extends List<?>> rows) {
        Objects.requireNonNull(rows, "rows");
        Transaction r = target();
        r.enter();
        try {
            r.beforeRaw(sql);
            return runner.batch(r.connection, sql, rows);
        } catch (MatrixOneException e) {
            throw r.failed(e);
        } finally {
            r.exit();
        }
    }

    /**
     * Inserts many rows inside this transaction (see {@link MatrixOneClient#bulkInsert(BulkInsert)}): a rollback
     * undoes all of them. If it fails part-way (a bad row, a server error, an exception from the progress
     * callback), some batches may already be in: the transaction is then marked rollback-only.
     */
    public BulkResult bulkInsert(BulkInsert insert) {
        Objects.requireNonNull(insert, "insert").validate();
        Transaction r = target();
        r.enter();
        try {
            r.requireUsable();
            if (r.orm != null) {
                r.orm.flushAll();
            }
            return client.bulkLoader().run(r.connection, insert);
        } catch (MatrixOneException e) {
            r.markRollbackOnly("a bulk insert failed part-way: " + e.getMessage());
            throw r.failed(e);
        } catch (RuntimeException | Error e) {
            r.markRollbackOnly("a bulk insert failed part-way: " + e);
            throw e;
        } finally {
            r.exit();
        }
    }

    /**
     * Streams a query's rows to {@code consumer} one at a time, in constant memory (MatrixOne has no cursor fetch;
     * rows are read off the socket as they are consumed). The consumer must not use this transaction: the
     * connection is busy until the last row. If the consumer throws, the remaining rows are read and discarded
     * (the transaction keeps its connection), then the exception propagates.
     *
     * @return the number of rows
     */
    public long stream(String sql, List<?> params, Consumer<Row> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        Transaction r = target();
        r.enter();
        try {
            r.beforeRaw(sql);
            r.streaming = true;
            RowCursor cursor = runner.open(r.connection, sql, params == null ? List.of() : params);
            try {
                for (Row row = cursor.next(); row != null; row = cursor.next()) {
                    consumer.accept(row);
                }
            } catch (RuntimeException | Error e) {
                try {
                    cursor.close(); // reads the remaining rows: the transaction keeps its connection
                } catch (MatrixOneException closing) {
                    r.failed(closing);
                    e.addSuppressed(closing);
                }
                throw e;
            }
            cursor.close();
            return cursor.count();
        } catch (MatrixOneException e) {
            throw r.failed(e);
        } finally {
            r.streaming = false;
            r.exit();
        }
    }

    // =====================================================================================================
    // MatrixOne operations
    // =====================================================================================================

    /**
     * Runs an operation that MatrixOne allows inside a transaction (its rule is {@link TxRule#NOW}: DML, CLONE,
     * DATA BRANCH, catalog reads, mo_ctl) at once, on the transaction's connection.
     *
     * @throws NotAllowedInTransactionException if the operation must run after commit (use {@link #submit}), or
     *                                          reads a snapshot this transaction has queued; nothing is sent
     */
    public <T> T run(Operation<T> operation) {
        Objects.requireNonNull(operation, "operation");
        Transaction r = target();
        r.enter();
        try {
            r.requireUsable();
            Statement first = operation.firstStatement();
            if (operation.txRule() == TxRule.AFTER_COMMIT) {
                throw new NotAllowedInTransactionException("MatrixOne refuses this statement inside a transaction "
                        + "(error 20101); use tx.submit(operation) to run it right after COMMIT", first.redactedSql());
            }
            if (r.queue != null && r.queue.createsSnapshot(first.readsSnapshot())) {
                throw new NotAllowedInTransactionException("this operation reads snapshot '" + first.readsSnapshot()
                        + "', which this transaction creates after COMMIT; use tx.submit(operation) to run it after "
                        + "the snapshot was taken", first.redactedSql());
            }
            return r.runNow(operation);
        } finally {
            r.exit();
        }
    }

    /**
     * Runs an operation at the right moment for MatrixOne: at once if MatrixOne allows it inside a transaction
     * (the handle is then already complete), else as an after-commit step. An operation is queued when its rule
     * is {@link TxRule#AFTER_COMMIT} (snapshots, restore, PITR, publications, accounts) or when it reads a
     * snapshot that an already queued step creates (a clone from a snapshot taken at this commit).
     *
     * <p>Queued steps run in order right after COMMIT, on this transaction's connection, never on rollback. If
     * step k fails, the earlier steps that can be undone are undone (a created snapshot is dropped), later
     * steps do not run, and {@link #commit()} throws one {@link AfterCommitStepException}: the data was
     * committed.
     */
    public <T> AfterCommit<T> submit(Operation<T> operation) {
        Objects.requireNonNull(operation, "operation");
        Transaction r = target();
        r.enter();
        try {
            r.requireUsable();
            Statement first = operation.firstStatement();
            if (operation.txRule() == TxRule.AFTER_COMMIT
                    || r.queue != null && r.queue.createsSnapshot(first.readsSnapshot())) {
                return r.queue().add(operation);
            }
            return AfterCommit.completed(first.redactedSql(), r.runNow(operation));
        } finally {
            r.exit();
        }
    }

    /** Queues an operation as an after-commit step whatever its rule; see {@link #submit(Operation)}. */
    public <T> AfterCommit<T> afterCommit(Operation<T> operation) {
        Objects.requireNonNull(operation, "operation");
        Transaction r = target();
        r.enter();
        try {
            r.requireUsable();
            return r.queue().add(operation);
        } finally {
            r.exit();
        }
    }

    /**
     * Queues raw SQL to run right after COMMIT, e.g. {@code tx.afterCommit("CREATE SNAPSHOT s FOR DATABASE db")}:
     * the way to send what MatrixOne refuses inside a transaction. It never runs on rollback. A raw step has no
     * undo; prefer the managers, whose steps can be undone when a later step fails.
     *
     * @throws NotAllowedInTransactionException for SET and transaction control, which must not run on a pooled
     *                                          connection even after commit
     */
    public AfterCommit<Result> afterCommit(String sql, Object... params) {
        Objects.requireNonNull(sql, "sql");
        SqlKind kind = SqlGuard.kindOf(sql);
        if (kind == SqlKind.SET || kind == SqlKind.TRANSACTION_CONTROL) {
            throw new NotAllowedInTransactionException(kind == SqlKind.SET
                    ? "SET is not queued: it would change one pooled connection's session; set session variables for "
                      + "every connection with the driver property 'sessionVariables'"
                    : "transaction control is not queued: the transaction owns BEGIN, COMMIT and ROLLBACK",
                    SqlRedactor.redact(sql));
        }
        return afterCommit(Operation.of(Statement.afterCommit(sql, params), result -> result));
    }

    // =====================================================================================================
    // ORM
    // =====================================================================================================

    /**
     * The ORM session of {@code binding} on this transaction's own connection, opened on first use (once per
     * binding and transaction). ORM writes and raw SQL share the one database transaction: the session is
     * flushed before every raw statement and before COMMIT, so the server sees them in program order, and it
     * is closed when the transaction ends. The session must not begin, commit or roll back on its own: its
     * connection refuses that (see {@link #connection()}).
     */
    public <S> S orm(OrmBinding<S> binding) {
        Objects.requireNonNull(binding, "binding");
        Transaction r = target();
        r.enter();
        try {
            r.requireUsable();
            if (r.orm == null) {
                r.orm = new OrmSessions();
            }
            return r.orm.get(binding, r);
        } finally {
            r.exit();
        }
    }

    /**
     * This transaction's connection, guarded for an ORM: statements pass through; commit, rollback,
     * setAutoCommit, savepoints, setTransactionIsolation, setReadOnly and abort throw {@link java.sql.SQLException};
     * close does nothing; after the transaction ended every call fails.
     */
    @Override
    public Connection connection() {
        Transaction r = target();
        if (r.guarded == null) {
            r.guarded = new GuardedConnection(r.connection);
        }
        return r.guarded;
    }

    /** The version of the server this transaction runs on. */
    @Override
    public ServerVersion serverVersion() {
        return client.serverVersion();
    }

    // =====================================================================================================
    // Managers: MatrixOne's features on this transaction. What MatrixOne allows in a transaction runs at once
    // on its connection; what it refuses (snapshots, restores, PITR, publications, accounts) is queued to run
    // right after COMMIT, and the returned handle completes then.
    // =====================================================================================================

    /** Snapshots: creating and dropping run after COMMIT, so a snapshot holds everything this transaction wrote. */
    public TxSnapshotManager snapshots() {
        return new TxManagers.Snapshots(this, client.dialect());
    }

    /** Clones run at once and are undone by rollback, unless they read a snapshot queued in this transaction. */
    public TxCloneManager clones() {
        return new TxManagers.Clones(this, client.dialect());
    }

    /** Restores run after COMMIT. */
    public TxRestoreManager restores() {
        return new TxManagers.Restores(this, client.dialect(), client.options().login().effectiveAccount());
    }

    /** PITR statements (SHOW PITR included) run after COMMIT. */
    public TxPitrManager pitr() {
        return new TxManagers.Pitrs(this, client.dialect());
    }

    /** Publication DDL runs after COMMIT; listing and subscribing run at once. */
    public TxPublicationManager publications() {
        return new TxManagers.Publications(this, client.dialect());
    }

    /** Accounts, users, roles and grants run after COMMIT. */
    public TxAccountManager accounts() {
        return new TxManagers.Accounts(this, client.dialect());
    }

    /** {@code mo_ctl} runs at once on the transaction's connection; its effects are not transactional. */
    public MoCtlManager moCtl() {
        return new ClientManagers.MoCtl(TxManagers.runner(this, client.dialect()));
    }

    /** Version queries on the transaction's connection. */
    public VersionManager version() {
        return new ClientManagers.Versions(TxManagers.runner(this, client.dialect()));
    }

    // =====================================================================================================
    // Ending
    // =====================================================================================================

    /**
     * Flushes ORM sessions, sends COMMIT, then runs the queued after-commit steps and gives the connection back.
     * On a joined handle it does nothing: the outer transaction commits.
     *
     * @throws MatrixOneException          if COMMIT failed; the transaction was rolled back and no step ran
     *                                     ({@link MatrixOneException#isRetryable()} says whether running it
     *                                     again may succeed; 20638 "commit status unknown" never does)
     * @throws AfterCommitStepException    if the data was committed but an after-commit step failed
     * @throws IllegalStateException       if the transaction already ended
     */
    public void commit() {
        if (root != this) {
            requireHandleOpen();
            handleCommitted = true;
            return;
        }
        enter();
        try {
            requireActive("commit");
            if (doomed != null) {
                MatrixOneException e = rethrowDoomed("COMMIT");
                end(e, "not run: the transaction was rolled back by the server");
                throw e;
            }
            if (rollbackOnly != null) {
                MatrixOneException e = new MatrixOneException("the transaction was rolled back instead of committed: "
                        + rollbackOnly);
                end(e, ROLLED_BACK);
                throw e;
            }
            try {
                if (orm != null) {
                    orm.flushAll();
                }
                runner.control(connection, "COMMIT");
            } catch (RuntimeException e) {
                end(e, "not run: the transaction's COMMIT failed");
                throw e;
            }
            status = Status.COMMITTED;
            committed = true;
            closeSessions();
            try {
                if (queue != null) {
                    queue.runAll(s -> client.runner().run(connection, s)); // autocommit now: events say so
                }
            } finally {
                release(false);
            }
        } finally {
            exit();
        }
    }

    /**
     * Sends ROLLBACK: nothing the transaction wrote stays, no after-commit step runs (their handles are
     * cancelled), and the connection goes back to the pool (or is discarded if ROLLBACK itself failed: closing it
     * aborts the transaction on the server). Does nothing if already rolled back. On a joined handle it marks the
     * outer transaction rollback-only.
     *
     * @throws IllegalStateException if the transaction already committed
     */
    public void rollback() {
        if (root != this) {
            requireHandleOpen();
            root.markRollbackOnly("a joined transaction called rollback()");
            return;
        }
        enter();
        try {
            if (status == Status.COMMITTED) {
                throw new IllegalStateException("the transaction already committed; it cannot be rolled back");
            }
            if (status == Status.ACTIVE) {
                end(null, ROLLED_BACK);
            }
        } finally {
            exit();
        }
    }

    /**
     * Rolls back unless committed, then gives the connection back. Idempotent; never throws for a failed
     * ROLLBACK (the connection is then discarded). On a joined handle without {@link #commit()} it marks the outer
     * transaction rollback-only: the outer commit will fail and roll back.
     */
    @Override
    public void close() {
        if (root != this) {
            if (!handleClosed) {
                handleClosed = true;
                if (!handleCommitted && root.status == Status.ACTIVE) {
                    root.markRollbackOnly("a joined transaction was closed without commit()");
                }
            }
            return;
        }
        if (status != Status.ACTIVE) {
            return;
        }
        enter();
        try {
            if (status == Status.ACTIVE) {
                end(null, ROLLED_BACK);
            }
        } finally {
            exit();
        }
    }

    /** Whether the transaction is open: begun, neither committed nor rolled back (nor, for a joined handle, closed). */
    public boolean isActive() {
        return root.status == Status.ACTIVE && !(root != this && handleClosed);
    }

    /** Whether this handle joined a transaction begun further out on the same thread. */
    public boolean isJoined() {
        return root != this;
    }

    /**
     * Marks the transaction so that it can only roll back: a later {@link #commit()} fails with a
     * {@link MatrixOneException} and rolls back.
     */
    public void setRollbackOnly() {
        target().markRollbackOnly("setRollbackOnly() was called");
    }

    // =====================================================================================================
    // Package-private: used by MatrixOneClient
    // =====================================================================================================

    /** Whether COMMIT succeeded: after that, nothing may be retried. */
    boolean commitSucceeded() {
        return root.committed;
    }

    /** Rolls back after the body failed with {@code cause} (failures of the rollback are added to it). */
    void rollbackAfter(Throwable cause) {
        if (root != this) {
            return;
        }
        if (status == Status.ACTIVE) {
            enter();
            try {
                if (status == Status.ACTIVE) {
                    end(cause, ROLLED_BACK);
                }
            } finally {
                exit();
            }
        }
    }

    /** Runs a body on a joined handle: a failure marks the outer transaction rollback-only and propagates. */
    <T> T runJoined(TransactionBody<T> body) throws Exception {
        Transaction handle = join();
        try {
            T value = body.run(handle);
            handle.handleCommitted = true;
            return value;
        } catch (Throwable t) {
            root.markRollbackOnly("a nested transaction failed with " + t);
            throw t;
        } finally {
            handle.handleClosed = true;
        }
    }

    // =====================================================================================================
    // Internals
    // =====================================================================================================

    private Transaction target() {
        if (root != this) {
            requireHandleOpen();
        }
        return root;
    }

    private void requireHandleOpen() {
        if (handleClosed) {
            throw new IllegalStateException("this joined transaction handle is closed");
        }
        if (root.status != Status.ACTIVE) {
            throw new IllegalStateException("the transaction this handle joined has already ended");
        }
    }

    /** Single-thread guard: re-entrant for the using thread, an error for any other. */
    private void enter() {
        Thread me = Thread.currentThread();
        Thread current = user.get();
        if (current == me) {
            depth++;
            return;
        }
        if (!user.compareAndSet(null, me)) {
            Thread other = user.get();
            throw new IllegalStateException("the transaction is in use by thread '" + (other == null ? "?" : other.getName())
                    + "': a Transaction runs on one connection and must be used by one thread at a time");
        }
        depth = 1;
    }

    private void exit() {
        if (--depth == 0) {
            user.set(null);
        }
    }

    private void requireActive(String action) {
        if (status != Status.ACTIVE) {
            throw new IllegalStateException("cannot " + action + ": the transaction already "
                    + (status == Status.COMMITTED ? "committed" : "rolled back"));
        }
    }

    /** Checks that a statement may be sent now. */
    private void requireUsable() {
        requireActive("run a statement");
        if (streaming) {
            throw new IllegalStateException("a stream is reading rows on this transaction's connection; it can run "
                    + "nothing else until the last row was consumed");
        }
        if (doomed != null) {
            throw rethrowDoomed(null);
        }
    }

    /** Refuses raw SQL that must not run inside a MatrixOne transaction, then flushes ORM sessions. */
    private void beforeRaw(String sql) {
        Objects.requireNonNull(sql, "sql");
        requireUsable();
        SqlKind kind = SqlGuard.kindOf(sql);
        if (kind != SqlKind.ORDINARY) {
            throw refusal(kind, sql);
        }
        if (orm != null) {
            orm.flushAll();
        }
    }

    static NotAllowedInTransactionException refusal(SqlKind kind, String sql) {
        String message = switch (kind) {
            case SET -> "SET is not sent inside a transaction: on MatrixOne up to 4.2.0 any SET commits the open "
                    + "transaction (issue #26872). Set session variables for every connection with the driver "
                    + "property 'sessionVariables', or outside the transaction";
            case TRANSACTION_CONTROL -> "transaction control is not sent inside a transaction: use commit() or "
                    + "rollback(); BEGIN would commit the open transaction and MatrixOne cannot roll back to a savepoint";
            case REFUSED_IN_TRANSACTION -> "MatrixOne refuses this statement inside a transaction (error 20101 "
                    + "'unclassified statement appears in uncommitted transaction'); run it after commit with "
                    + "tx.afterCommit(sql, params...) or the managers' tx.submit(...), or outside the transaction";
            case ADMINISTRATIVE -> "MatrixOne refuses administrative statements inside a transaction ('administrative "
                    + "command is unsupported in transactions'); run it after commit with tx.afterCommit(sql, "
                    + "params...) or the account managers, or outside the transaction";
            case ORDINARY -> throw new IllegalArgumentException("ordinary SQL is not refused");
        };
        return new NotAllowedInTransactionException(message, SqlRedactor.redact(sql));
    }

    /** Runs an operation's statements now; each is checked and preceded by an ORM flush. */
    private <T> T runNow(Operation<T> operation) {
        try {
            return operation.execute(statement -> {
                if (statement.runsAfterCommit()) {
                    throw new NotAllowedInTransactionException("MatrixOne refuses this statement inside a "
                            + "transaction; submit the operation as an after-commit step", statement.redactedSql());
                }
                requireUsable();
                if (orm != null) {
                    orm.flushAll();
                }
                return runner.run(connection, statement);
            });
        } catch (MatrixOneException e) {
            throw failed(e);
        }
    }

    /**
     * Notes a statement failure. MatrixOne rolls back the whole transaction on conflicts and lock errors, and a
     * lost connection loses it: later statements would then run outside any transaction, so they are refused.
     */
    private MatrixOneException failed(MatrixOneException e) {
        if (doomed == null && (e.isRetryable() || e instanceof ConnectionLostException
                || e instanceof CommitStatusUnknownException)) {
            doomed = e;
        }
        return e;
    }

    /** The doom error again, same type (so a retryable conflict stays retryable), saying what happened. */
    private MatrixOneException rethrowDoomed(String sql) {
        return ErrorClassifier.classify(doomed.errorCode(), doomed.sqlState(), "the transaction is no longer open: "
                + "it was lost after an earlier error (" + doomed.serverMessage() + ")", sql, doomed);
    }

    private void markRollbackOnly(String reason) {
        if (status == Status.ACTIVE && rollbackOnly == null) {
            rollbackOnly = reason;
        }
    }

    private AfterCommitQueue queue() {
        if (queue == null) {
            queue = new AfterCommitQueue();
        }
        return queue;
    }

    /**
     * Ends without commit: ROLLBACK (the connection is discarded if that fails), queued steps cancelled, ORM
     * sessions closed, connection released. Never throws; a failed ROLLBACK is added to {@code cause}.
     */
    private void end(Throwable cause, String cancelReason) {
        status = Status.ROLLED_BACK;
        boolean evict = false;
        try {
            runner.control(connection, "ROLLBACK");
        } catch (RuntimeException e) {
            evict = true; // its state is unknown: closing it makes the server abort the transaction
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                log.warn("ROLLBACK failed; the connection is discarded, which aborts the transaction: {}", e.getMessage());
            }
        }
        if (queue != null) {
            queue.cancelAll(cancelReason);
        }
        closeSessions();
        release(evict);
    }

    private void closeSessions() {
        if (guarded != null) {
            guarded.invalidate();
        }
        if (orm != null) {
            orm.closeAll();
        }
    }

    private void release(boolean evict) {
        client.pool().release(connection, evict);
        client.ended(this);
    }

    @Override
    public String toString() {
        return "Transaction[" + root.status + (root != this ? ", joined" : "") + "]";
    }
}
