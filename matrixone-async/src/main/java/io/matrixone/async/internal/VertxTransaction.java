package io.matrixone.async.internal;

import io.matrixone.async.AsyncOrmBinding;
import io.matrixone.async.AsyncAccountManager;
import io.matrixone.async.AsyncCloneManager;
import io.matrixone.async.AsyncMoCtlManager;
import io.matrixone.async.AsyncPitrManager;
import io.matrixone.async.AsyncPublicationManager;
import io.matrixone.async.AsyncRestoreManager;
import io.matrixone.async.AsyncSnapshotManager;
import io.matrixone.async.AsyncTransaction;
import io.matrixone.async.AsyncVersionManager;
import io.matrixone.async.AsyncTransactionContext;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.SqlKind;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.NotAllowedInTransactionException;
import io.matrixone.core.error.SqlRedactor;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.version.ServerVersion;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * {@link AsyncTransaction} on one pooled Vert.x connection, begun with an explicit {@code BEGIN}.
 *
 * <p><b>One context.</b> Everything the transaction does runs on the Vert.x context chosen at begin: calls made
 * from other threads hop onto it ({@code runOnContext}, FIFO, so one thread's calls keep their order). That
 * makes the state below single-threaded without locks, and gives an ORM session the thread affinity Hibernate
 * Reactive demands (HR000069).
 *
 * <p><b>Order.</b> Statements are dispatched to the connection in call order, without waiting for earlier
 * answers: Vert.x pipelines them on the one connection and matches each answer to its own statement. Only when
 * a statement must wait for something asynchronous first (flushing an ORM session) does dispatch pause, and
 * later statements queue behind it, so call order is always wire order.
 */
public final class VertxTransaction implements AsyncTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(VertxTransaction.class);

    private enum State { ACTIVE, ENDING, COMMITTED, ROLLED_BACK }

    private final Vertx vertx;
    private final Context context;
    private final SqlConnection connection;
    private final StatementRunner runner;
    private final ServerVersion version;
    private final Runnable onRelease;
    private final AfterCommitSteps steps;
    private final ArrayDeque<Runnable> dispatch = new ArrayDeque<>();
    private final Map<AsyncOrmBinding<?>, Future<?>> sessions = new LinkedHashMap<>();
    private final Promise<Void> ended = Promise.promise();
    private final AsyncTransactionContext ormContext;
    private final AsyncManagers managers;

    private volatile State state = State.ACTIVE;
    private boolean dispatchPaused;
    /** Set when the transaction can no longer commit correctly (a statement timed out, the connection broke). */
    private Throwable rollbackOnly;

    VertxTransaction(Vertx vertx, Context context, SqlConnection connection, StatementRunner runner,
                     ServerVersion version, String loginAccount, Runnable onRelease) {
        this.vertx = vertx;
        this.context = context;
        this.connection = connection;
        this.runner = runner;
        this.version = version;
        this.onRelease = onRelease;
        this.steps = new AfterCommitSteps(context, () -> state != State.ACTIVE);
        this.ormContext = new OrmContext(BorrowedConnection.of(connection));
        this.managers = AsyncManagers.forTransaction(this, loginAccount);
    }

    /**
     * Borrows a connection on {@code context} and sends BEGIN. Must be called on {@code context}: the
     * connection's answers then arrive there.
     */
    static Future<VertxTransaction> begin(Vertx vertx, Context context, io.vertx.sqlclient.Pool pool,
                                          StatementRunner runner, ServerVersion version, String loginAccount,
                                          Runnable onBorrow, Runnable onRelease) {
        return Stages.translated(pool.getConnection(), null).compose(conn -> {
            onBorrow.run();
            VertxTransaction tx = new VertxTransaction(vertx, context, conn, runner, version, loginAccount, onRelease);
            return runner.run(conn, "BEGIN", List.of(), null).transform(ar -> {
                if (ar.succeeded()) {
                    return Future.succeededFuture(tx);
                }
                tx.state = State.ROLLED_BACK;
                return tx.release().transform(x -> Future.failedFuture(ar.cause()));
            });
        });
    }

    // ---------------------------------------------------------------- managers

    AsyncManagers managers() {
        return managers;
    }

    @Override
    public AsyncSnapshotManager snapshots() {
        return managers.snapshots();
    }

    @Override
    public AsyncCloneManager clones() {
        return managers.clones();
    }

    @Override
    public AsyncRestoreManager restores() {
        return managers.restores();
    }

    @Override
    public AsyncPitrManager pitr() {
        return managers.pitr();
    }

    @Override
    public AsyncPublicationManager publications() {
        return managers.publications();
    }

    @Override
    public AsyncAccountManager accounts() {
        return managers.accounts();
    }

    @Override
    public AsyncMoCtlManager moCtl() {
        return managers.moCtl();
    }

    @Override
    public AsyncVersionManager version() {
        return managers.version();
    }

    // ---------------------------------------------------------------- statements

    @Override
    public CompletionStage<Result> query(String sql, Object... params) {
        return execute(sql, params);
    }

    @Override
    public CompletionStage<Result> execute(String sql, Object... params) {
        List<Object> values = params == null ? List.of() : Arrays.asList(params);
        return raw(sql, () -> send(sql, values));
    }

    @Override
    public CompletionStage<long[]> executeBatch(String sql, List<? extends List<?>> rows) {
        return raw(sql, () -> enqueue(true, () -> runner.batch(connection, sql, rows, this::timedOut))
                .onFailure(this::noteFailure));
    }

    @Override
    public CompletionStage<Long> stream(String sql, List<?> params, Consumer<Row> consumer) {
        return raw(sql, () -> enqueue(true, () -> runner.collect(connection, sql, params, RowCounting.feeding(consumer),
                this::timedOut)).compose(RowCounting::result).onFailure(this::noteFailure));
    }

    @Override
    public <A, R> CompletionStage<R> collect(String sql, List<?> params, Collector<Row, A, R> collector) {
        return raw(sql, () -> enqueue(true, () -> runner.collect(connection, sql, params, collector, this::timedOut))
                .onFailure(this::noteFailure));
    }

    /** Refuses, before anything is sent, raw SQL that must not run inside a MatrixOne transaction. */
    private <T> CompletionStage<T> raw(String sql, Supplier<Future<T>> action) {
        SqlKind kind = SqlKind.of(sql);
        if (kind != SqlKind.ORDINARY) {
            return CompletableFuture.failedFuture(notAllowed(kind, sql));
        }
        return onContext(() -> active().compose(ok -> action.get()));
    }

    static NotAllowedInTransactionException notAllowed(SqlKind kind, String sql) {
        String why = switch (kind) {
            case SET -> "SET is refused inside a transaction: on MatrixOne up to 4.2.0 it silently commits the open "
                    + "transaction; set session variables before begin, or per statement";
            case TRANSACTION_CONTROL -> "transaction control statements are refused: the transaction object owns "
                    + "BEGIN/COMMIT/ROLLBACK, and MatrixOne has no working savepoints";
            case REFUSED_IN_TRANSACTION -> "MatrixOne refuses this statement inside a transaction (error 20101); "
                    + "queue it with tx.afterCommit(sql) or use a manager: it then runs right after COMMIT";
            case ADMINISTRATIVE -> "MatrixOne refuses administrative statements inside a transaction; queue it with "
                    + "tx.afterCommit(sql): it then runs right after COMMIT";
            case ORDINARY -> "allowed";
        };
        return new NotAllowedInTransactionException(why, SqlRedactor.redact(sql));
    }

    private Future<Result> send(String sql, List<?> params) {
        return enqueue(true, () -> runner.run(connection, sql, params, this::timedOut)).onFailure(this::noteFailure);
    }

    // ---------------------------------------------------------------- operations and after-commit steps

    @Override
    public <T> CompletionStage<T> run(Operation<T> operation) {
        Statement first = operation.firstStatement();
        if (first.runsAfterCommit()) {
            return CompletableFuture.failedFuture(new NotAllowedInTransactionException("MatrixOne refuses this "
                    + "statement inside a transaction (error 20101); use tx.submit(operation) to run it right after "
                    + "COMMIT", first.redactedSql()));
        }
        if (steps.createsSnapshot(first.readsSnapshot())) {
            return CompletableFuture.failedFuture(new NotAllowedInTransactionException("this operation reads "
                    + "snapshot '" + first.readsSnapshot() + "', which this transaction creates after COMMIT; use "
                    + "tx.submit(operation) to run it after the snapshot was taken", first.redactedSql()));
        }
        return runNow(operation);
    }

    private <T> CompletionStage<T> runNow(Operation<T> operation) {
        return onContext(() -> active().compose(ok -> Future.fromCompletionStage(operation.executeAsync(
                statement -> Stages.toStage(send(statement.sql(), statement.params()))), context)));
    }

    @Override
    public <T> CompletionStage<T> submit(Operation<T> operation) {
        Statement first = operation.firstStatement();
        if (first.runsAfterCommit() || steps.createsSnapshot(first.readsSnapshot())) {
            return afterCommit(operation); // e.g. a clone of a snapshot this transaction queued: after it
        }
        return runNow(operation);
    }

    @Override
    public <T> CompletionStage<T> afterCommit(Operation<T> operation) {
        CompletionStage<T> stage = steps.add(operation);
        return stage != null ? stage : CompletableFuture.failedFuture(ended("queue an after-commit step"));
    }

    @Override
    public CompletionStage<Result> afterCommit(String sql, Object... params) {
        SqlKind kind = SqlKind.of(sql);
        if (kind == SqlKind.SET || kind == SqlKind.TRANSACTION_CONTROL) {
            return CompletableFuture.failedFuture(notAllowed(kind, sql));
        }
        return afterCommit(Operation.of(Statement.afterCommit(sql, params), r -> r));
    }

    // ---------------------------------------------------------------- ORM

    @Override
    @SuppressWarnings("unchecked")
    public <S> CompletionStage<S> orm(AsyncOrmBinding<S> binding) {
        return onContext(() -> active().compose(ok -> (Future<S>) sessions.computeIfAbsent(binding,
                b -> Future.fromCompletionStage(binding.open(ormContext), context))));
    }

    /** Flushes the open ORM sessions in order; {@code null} when there is none (the common, pipelined case). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Future<Void> flushSessions() {
        Future<Void> chain = null;
        for (Map.Entry<AsyncOrmBinding<?>, Future<?>> e : sessions.entrySet()) {
            Future<?> session = e.getValue();
            if (!session.succeeded()) {
                continue; // still opening, or failed to open: nothing to flush
            }
            AsyncOrmBinding binding = e.getKey();
            Supplier<Future<Void>> flush = () -> Future.fromCompletionStage(binding.flush(session.result()), context);
            chain = chain == null ? flush.get() : chain.compose(v -> flush.get());
        }
        return chain;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Future<Void> closeSessions() {
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<AsyncOrmBinding<?>, Future<?>> e : sessions.entrySet()) {
            AsyncOrmBinding binding = e.getKey();
            chain = chain.compose(v -> e.getValue().transform(opened -> {
                if (opened.failed()) {
                    return Future.succeededFuture();
                }
                return Future.fromCompletionStage(binding.close(opened.result()), context)
                        .otherwise(err -> {
                            LOG.warn("closing the ORM session of {} failed: {}", binding, err.toString());
                            return null;
                        });
            }));
        }
        sessions.clear();
        return chain;
    }

    // ---------------------------------------------------------------- nesting

    @Override
    public <T> CompletionStage<T> transaction(Function<AsyncTransaction, CompletionStage<T>> body) {
        JoinedTransaction joined = new JoinedTransaction(this);
        CompletionStage<T> stage;
        try {
            stage = body.apply(joined);
        } catch (Throwable e) {
            markRollbackOnly("a joined transaction failed: " + e);
            return CompletableFuture.failedFuture(e);
        }
        if (stage == null) {
            markRollbackOnly("a joined transaction's body returned null");
            return CompletableFuture.failedFuture(new NullPointerException("the transaction body returned null instead of a stage"));
        }
        // attaching to a queued step's stage throws here, as in the outer body: the wait would never end
        return stage.whenComplete((value, error) -> {
            if (error != null) {
                markRollbackOnly("a joined transaction failed: " + Stages.unwrap(error));
            }
        });
    }

    @Override
    public boolean isJoined() {
        return false;
    }

    @Override
    public void setRollbackOnly() {
        markRollbackOnly("setRollbackOnly() was called");
    }

    // ---------------------------------------------------------------- ending

    @Override
    public CompletionStage<Void> commit() {
        return onContext(this::commitNow);
    }

    @Override
    public CompletionStage<Void> rollback() {
        return onContext(() -> state == State.COMMITTED
                ? Future.failedFuture(new IllegalStateException("the transaction already committed; it cannot be rolled back"))
                : rollbackNow(null));
    }

    @Override
    public CompletionStage<Void> close() {
        return onContext(() -> state == State.COMMITTED ? Future.succeededFuture() : rollbackNow(null));
    }

    @Override
    public boolean isActive() {
        return state == State.ACTIVE;
    }

    @Override
    public ServerVersion serverVersion() {
        return version;
    }

    /** Completes once the connection went back to the pool. */
    Future<Void> ended() {
        return ended.future();
    }

    Context context() {
        return context;
    }

    Future<Void> commitNow() {
        if (state != State.ACTIVE) {
            return Future.failedFuture(ended("commit"));
        }
        state = State.ENDING;
        steps.seal();
        if (rollbackOnly != null) {
            Throwable reason = rollbackOnly;
            return rollbackInternal(reason).transform(x -> Future.failedFuture(new MatrixOneException(
                    "the transaction was rolled back instead of committed: " + reason.getMessage(), reason)));
        }
        Future<Result> commit = enqueue(true, () -> runner.run(connection, "COMMIT", List.of(), null));
        return commit.transform(ar -> {
            if (ar.failed()) {
                return rollbackInternal(ar.cause()).transform(x -> Future.<Void>failedFuture(ar.cause()));
            }
            state = State.COMMITTED;
            return steps.runAll(st -> runner.autocommit().run(connection, st.sql(), st.params(), null))
                    .transform(ran -> release().transform(x -> ran.succeeded()
                            ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(ran.cause())));
        });
    }

    /** Rolls back unless the transaction already ended or is ending; then waits for that end. */
    Future<Void> rollbackNow(Throwable reason) {
        return state == State.ACTIVE ? rollbackInternal(reason) : ended.future();
    }

    /** Sends ROLLBACK after the statements already dispatched, cancels the steps and releases the connection. */
    private Future<Void> rollbackInternal(Throwable reason) {
        state = State.ENDING;
        steps.seal();
        Future<Result> rollback = connectionBroken()
                ? Future.succeededFuture()  // the server rolled back when the connection closed
                : enqueue(false, () -> runner.run(connection, "ROLLBACK", List.of(), null));
        return rollback.transform(ar -> {
            if (ar.failed()) {
                LOG.debug("ROLLBACK failed: {}", ar.cause().toString());
            }
            state = State.ROLLED_BACK;
            steps.cancelAll(reason == null ? "not run: the transaction rolled back"
                    : "not run: the transaction did not commit (" + reason.getMessage() + ")");
            return release();
        });
    }

    private Future<Void> release() {
        return closeSessions()
                .compose(v -> connection.close().otherwiseEmpty())
                .andThen(ar -> {
                    onRelease.run();
                    ended.tryComplete();
                });
    }

    // ---------------------------------------------------------------- dispatch

    /**
     * Queues {@code send} behind every statement issued before it. Sends at once (Vert.x pipelines in call
     * order) unless an ORM session must be flushed first; then dispatch pauses until the flush is done.
     */
    private <T> Future<T> enqueue(boolean flushFirst, Supplier<Future<T>> send) {
        Promise<T> promise = Promise.promise();
        dispatch.add(() -> {
            Future<Void> before = flushFirst ? flushSessions() : null;
            if (before == null) {
                sendNow(send, promise);
                return;
            }
            dispatchPaused = true;
            before.onComplete(ar -> {
                if (ar.succeeded()) {
                    sendNow(send, promise);
                } else {
                    promise.fail(ar.cause());
                }
                dispatchPaused = false;
                pump();
            });
        });
        pump();
        return promise.future();
    }

    private void pump() {
        while (!dispatchPaused && !dispatch.isEmpty()) {
            dispatch.poll().run();
        }
    }

    private static <T> void sendNow(Supplier<Future<T>> send, Promise<T> promise) {
        Future<T> sent;
        try {
            sent = send.get();
        } catch (Throwable e) {
            sent = Future.failedFuture(e);
        }
        sent.onComplete(promise);
    }

    /** Runs {@code action} on the transaction's context; every state change happens there. */
    private <T> CompletionStage<T> onContext(Supplier<Future<T>> action) {
        if (Vertx.currentContext() == context) {
            return Stages.toStage(safely(action));
        }
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> safely(action).onComplete(promise));
        return Stages.toStage(promise.future());
    }

    private static <T> Future<T> safely(Supplier<Future<T>> action) {
        try {
            return action.get();
        } catch (Throwable e) {
            return Future.failedFuture(e);
        }
    }

    private Future<Void> active() {
        return state == State.ACTIVE ? Future.succeededFuture() : Future.failedFuture(ended("run a statement"));
    }

    private IllegalStateException ended(String what) {
        State s = state;
        String how = switch (s) {
            case COMMITTED -> "was committed";
            case ROLLED_BACK -> "was rolled back";
            default -> "is ending (commit or rollback was requested)";
        };
        return new IllegalStateException("cannot " + what + ": the transaction " + how);
    }

    /** A client-side timeout: the statement may still run on the server, so the transaction must not commit. */
    private void timedOut() {
        markRollbackOnly("a statement timed out (client-side query timeout) and may still take effect on the server");
    }

    private void noteFailure(Throwable error) {
        if (error instanceof ConnectionLostException lost) {
            markRollbackOnly(lost); // the server rolled the transaction back when the connection broke
        }
    }

    /** Thread-safe: the mark is set on the transaction's context, before any later call from the same thread. */
    void markRollbackOnly(String reason) {
        markRollbackOnly(new MatrixOneException(reason));
    }

    private void markRollbackOnly(Throwable reason) {
        if (Vertx.currentContext() != context) {
            context.runOnContext(v -> markRollbackOnly(reason));
        } else if (rollbackOnly == null) {
            rollbackOnly = reason;
        }
    }

    private boolean connectionBroken() {
        return rollbackOnly instanceof ConnectionLostException;
    }

    /** What the ORM binding sees of this transaction. */
    private final class OrmContext implements AsyncTransactionContext {
        private final SqlConnection borrowed;

        OrmContext(SqlConnection borrowed) {
            this.borrowed = borrowed;
        }

        @Override
        public SqlConnection connection() {
            return borrowed;
        }

        @Override
        public Context context() {
            return context;
        }

        @Override
        public Vertx vertx() {
            return vertx;
        }

        @Override
        public ServerVersion serverVersion() {
            return version;
        }
    }
}
