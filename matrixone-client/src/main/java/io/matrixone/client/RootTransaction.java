package io.matrixone.client;

import io.matrixone.client.internal.GuardedConnection;
import io.matrixone.client.internal.RowCursor;
import io.matrixone.client.internal.SqlErrors;
import io.matrixone.client.internal.SqlRunner;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.manager.TxManagerSupport;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.tx.AfterCommit;
import io.matrixone.core.internal.tx.AfterCommitPlan;
import io.matrixone.core.internal.tx.TransactionRules;
import io.matrixone.core.internal.tx.TransactionRules.Place;
import io.matrixone.core.internal.tx.TransactionState;
import io.matrixone.core.version.ServerVersion;

import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction that owns a connection, from BEGIN to COMMIT or ROLLBACK. What may run, what is queued and what
 * a failure does are decided by core ({@link TransactionRules}, {@link TransactionState}, {@link AfterCommitPlan}),
 * the same rules the async client follows; this class does the blocking I/O. Every call goes through one guarded
 * path ({@link #guarded}): one thread at a time, the state checked, ORM sessions flushed first where a statement
 * follows, failures noted.
 */
final class RootTransaction extends TxManagerSupport implements Transaction {
    private static final Logger log = LoggerFactory.getLogger(RootTransaction.class);

    private final MatrixOneClient client;
    private final Connection connection;
    private final SqlRunner runner;
    private final TransactionState state = new TransactionState();
    private final AfterCommitPlan plan = new AfterCommitPlan();
    private final AtomicReference<Thread> user = new AtomicReference<>();
    private int depth;
    private boolean streaming;
    private OrmSessions orm;
    private GuardedConnection guarded;

    private RootTransaction(MatrixOneClient client, Connection connection) {
        this.client = client;
        this.connection = connection;
        this.runner = client.runner().inTransaction();
    }

    /** Borrows a connection and sends BEGIN; the connection is discarded if BEGIN fails. */
    static RootTransaction begin(MatrixOneClient client) {
        Connection c = client.pool().acquire();
        try {
            client.runner().inTransaction().control(c, "BEGIN");
        } catch (RuntimeException e) {
            client.pool().release(c, true);
            throw e;
        }
        return new RootTransaction(client, c);
    }

    /** Whether this transaction was begun by {@code owner}. */
    boolean belongsTo(MatrixOneClient owner) {
        return client == owner;
    }

    /** A handle that joins this transaction, for a nested begin or transaction on the same thread. */
    JoinedTransaction join() {
        return new JoinedTransaction(this, state);
    }

    // ------------------------------------------------------------------------------------------- statements

    @Override
    public Result query(String sql, Object... params) {
        refuseRaw(sql);
        return guarded(true, () -> runner.query(connection, sql, params));
    }

    @Override
    public Result execute(String sql, Object... params) {
        refuseRaw(sql);
        return guarded(true, () -> runner.update(connection, sql, params));
    }

    @Override
    public long[] executeBatch(String sql, List<? extends List<?>> rows) {
        refuseRaw(sql);
        Objects.requireNonNull(rows, "rows must not be null");
        return guarded(true, () -> runner.batch(connection, sql, rows));
    }

    @Override
    public BulkResult bulkInsert(BulkInsert insert) {
        Objects.requireNonNull(insert, "insert must not be null").validate();
        return guarded(true, () -> {
            try {
                return client.bulkLoader().run(connection, insert);
            } catch (RuntimeException | Error e) {
                state.markRollbackOnly("a bulk insert failed part-way: " + e.getMessage());
                throw e;
            }
        });
    }

    @Override
    public long stream(String sql, List<?> params, Consumer<Row> consumer) {
        refuseRaw(sql);
        Objects.requireNonNull(consumer, "consumer must not be null");
        return guarded(true, () -> {
            RowCursor cursor = openStream(sql, params);
            try {
                for (Row row = cursor.nextView(); row != null; row = cursor.nextView()) {
                    consumer.accept(row);
                }
            } catch (RuntimeException | Error e) {
                closeStream(cursor, e); // reads the remaining rows: the transaction keeps its connection
                throw e;
            }
            closeStream(cursor, null);
            return cursor.count();
        });
    }

    /**
     * {@link MatrixOneClient#streamRows} joined to this transaction: the rows are read lazily by the caller; the
     * transaction runs nothing else until the stream is closed, which reads the remaining rows.
     */
    Stream<Row> streamRows(String sql, Object... params) {
        refuseRaw(sql);
        RowCursor cursor = guarded(true, () -> openStream(sql, params == null ? List.of() : Arrays.asList(params)));
        return cursor.stream(() -> closeStream(cursor, null));
    }

    private RowCursor openStream(String sql, List<?> params) {
        RowCursor cursor = runner.open(connection, sql, params == null ? List.of() : params);
        streaming = true;
        return cursor;
    }

    private void closeStream(RowCursor cursor, Throwable failing) {
        try {
            cursor.close();
        } catch (MatrixOneException e) {
            state.failed(e);
            if (failing == null) {
                throw e;
            }
            failing.addSuppressed(e);
        } finally {
            streaming = false;
        }
    }

    // ------------------------------------------------------------------------------------------- operations

    @Override
    public <T> T run(Operation<T> operation) {
        Objects.requireNonNull(operation, "operation must not be null");
        MatrixOneException refusal = TransactionRules.runRefusal(operation, plan);
        if (refusal != null) {
            throw refusal;
        }
        return guarded(false, () -> runNow(operation));
    }

    @Override
    public <T> AfterCommit<T> submit(Operation<T> operation) {
        Objects.requireNonNull(operation, "operation must not be null");
        if (TransactionRules.submit(operation, plan) == TransactionRules.Action.QUEUE) {
            return guarded(false, () -> plan.addForHandle(operation));
        }
        T value = guarded(false, () -> runNow(operation));
        return AfterCommit.completed(operation.firstStatement().redactedSql(), value);
    }

    @Override
    public <T> AfterCommit<T> afterCommit(Operation<T> operation) {
        Objects.requireNonNull(operation, "operation must not be null");
        return guarded(false, () -> plan.addForHandle(operation));
    }

    @Override
    public AfterCommit<Result> afterCommit(String sql, Object... params) {
        Objects.requireNonNull(sql, "sql must not be null");
        MatrixOneException refusal = TransactionRules.refusal(sql, Place.AFTER_COMMIT);
        if (refusal != null) {
            throw refusal;
        }
        return afterCommit(Operation.of(Statement.afterCommit(sql, params), result -> result));
    }

    /** Runs an operation's statements now; each is checked and preceded by an ORM flush. */
    private <T> T runNow(Operation<T> operation) {
        return operation.execute(statement -> {
            MatrixOneException refusal = TransactionRules.statementRefusal(statement);
            if (refusal != null) {
                throw refusal;
            }
            requireUsable();
            flushSessions();
            return runner.run(connection, statement);
        });
    }

    // ------------------------------------------------------------------------------------------- ORM

    @Override
    public <S> S orm(OrmBinding<S> binding) {
        Objects.requireNonNull(binding, "binding must not be null");
        return guarded(false, () -> {
            if (orm == null) {
                orm = new OrmSessions();
            }
            return orm.get(binding, this);
        });
    }

    @Override
    public Connection connection() {
        synchronized (this) {
            if (guarded == null) {
                guarded = new GuardedConnection(connection);
            }
            return guarded;
        }
    }

    @Override
    public ServerVersion serverVersion() {
        return client.serverVersion();
    }

    Dialect dialect() {
        return client.dialect();
    }

    // ------------------------------------------------------------------------------------------- managers
    // snapshots(), clones() ... come from TxManagerSupport, generated from the dialect, through these hooks.

    @Override
    protected <T> T runManaged(Operation<T> operation) {
        return run(operation);
    }

    @Override
    protected <T> AfterCommit<T> submitManaged(Operation<T> operation) {
        return submit(operation);
    }

    @Override
    protected Dialect managedDialect() {
        return client.dialect();
    }

    // ------------------------------------------------------------------------------------------- ending

    @Override
    public void commit() {
        enter();
        try {
            RuntimeException refused = state.beginCommit();
            if (refused != null) {
                if (state.status() == TransactionState.Status.ENDING) {
                    end(refused); // the server ended it, or it is rollback-only: roll back, then report
                }
                throw refused;
            }
            plan.seal();
            try {
                flushSessions();
            } catch (RuntimeException e) {
                end(e);
                throw e;
            }
            try {
                runner.control(connection, "COMMIT");
            } catch (RuntimeException e) {
                RuntimeException outcome = state.commitFailed(e);
                end(outcome);
                throw outcome;
            }
            state.committed();
            closeSessions();
            try {
                plan.runAllBlocking(s -> client.runner().afterCommit().run(connection, s)); // autocommit now: events say so
            } finally {
                release(false);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void rollback() {
        enter();
        try {
            if (state.beginRollback()) {
                end(null);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void close() {
        if (!state.isActive()) {
            return;
        }
        enter();
        try {
            if (state.beginRollbackIfActive()) {
                end(null);
            }
        } finally {
            exit();
        }
    }

    /** Rolls back after the body failed with {@code cause}; failures of the rollback are added to it. */
    void rollbackAfter(Throwable cause) {
        if (!state.isActive()) {
            return;
        }
        enter();
        try {
            if (state.beginRollbackIfActive()) {
                end(cause);
            }
        } finally {
            exit();
        }
    }

    /** Whether COMMIT succeeded: after that, nothing may be retried. */
    boolean commitSucceeded() {
        return state.status() == TransactionState.Status.COMMITTED;
    }

    @Override
    public boolean isActive() {
        return state.isActive();
    }

    @Override
    public boolean isJoined() {
        return false;
    }

    @Override
    public void setRollbackOnly() {
        state.markRollbackOnly("setRollbackOnly() was called");
    }

    // ------------------------------------------------------------------------------------------- internals

    /**
     * The one path every call takes: this thread only, the state checked (and no stream reading), ORM sessions
     * flushed first when a statement follows, a failure noted (a conflict or a lost connection ends the
     * transaction on the server, so later statements are refused).
     */
    private <T> T guarded(boolean flushFirst, Supplier<T> action) {
        enter();
        try {
            requireUsable();
            if (flushFirst) {
                flushSessions();
            }
            return action.get();
        } catch (MatrixOneException e) {
            throw state.failed(e);
        } finally {
            exit();
        }
    }

    private void requireUsable() {
        RuntimeException refusal = state.refusal();
        if (refusal != null) {
            throw refusal;
        }
        if (streaming) {
            throw new IllegalStateException("a stream is reading rows on this transaction's connection; it can run "
                    + "nothing else until the last row was consumed or the stream closed");
        }
    }

    private static void refuseRaw(String sql) {
        Objects.requireNonNull(sql, "sql must not be null");
        MatrixOneException refusal = TransactionRules.refusal(sql, Place.TRANSACTION);
        if (refusal != null) {
            throw refusal;
        }
    }

    /** Flushes the ORM sessions; their failures become the SDK's exceptions (a duplicate key ...). */
    private void flushSessions() {
        if (orm == null) {
            return;
        }
        try {
            orm.flushAll();
        } catch (MatrixOneException e) {
            throw e;
        } catch (RuntimeException e) {
            MatrixOneException translated = SqlErrors.translateCaused(e);
            throw translated != null ? translated : e;
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

    /**
     * Ends without commit: ROLLBACK unless the connection is known lost (the connection is discarded if that
     * fails), queued steps cancelled, ORM sessions closed, connection released. Never throws; a failed ROLLBACK
     * is added to {@code cause}.
     */
    private void end(Throwable cause) {
        boolean evict = cause instanceof ConnectionLostException
                || cause != null && cause.getCause() instanceof ConnectionLostException;
        if (!evict) {
            try {
                runner.control(connection, "ROLLBACK");
            } catch (RuntimeException e) {
                evict = true; // its state is unknown: closing it makes the server abort the transaction
                if (cause != null) {
                    cause.addSuppressed(e);
                } else {
                    log.warn("ROLLBACK failed; the connection is discarded, which aborts the transaction: {}",
                            e.getMessage());
                }
            }
        }
        state.rolledBack();
        plan.cancelAll(TransactionState.cancelReason(cause));
        closeSessions();
        release(evict);
    }

    private void closeSessions() {
        synchronized (this) {
            if (guarded != null) {
                guarded.invalidate();
            }
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
        return "Transaction[" + state + "]";
    }
}
