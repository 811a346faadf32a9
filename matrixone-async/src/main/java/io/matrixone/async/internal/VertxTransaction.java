package io.matrixone.async.internal;

import io.matrixone.async.AsyncOrmBinding;
import io.matrixone.async.AsyncTransaction;
import io.matrixone.async.AsyncTransactionContext;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.manager.AsyncManagerSupport;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.internal.tx.AfterCommitPlan;
import io.matrixone.core.internal.tx.TransactionRules;
import io.matrixone.core.internal.tx.TransactionRules.Place;
import io.matrixone.core.internal.tx.TransactionState;
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
 * {@link AsyncTransaction} on one pooled Vert.x connection, begun with an explicit {@code BEGIN}. What may run,
 * what is queued and what a failure does are decided by core ({@link TransactionRules}, {@link TransactionState},
 * {@link AfterCommitPlan}), the same rules the sync client follows; this class composes the non-blocking I/O.
 *
 * <p><b>One context.</b> Everything the transaction sends runs on the Vert.x context chosen at begin: calls made
 * from other threads hop onto it ({@code runOnContext}, FIFO, so one thread's calls keep their order). That gives
 * an ORM session the thread affinity Hibernate Reactive demands (HR000069).
 *
 * <p><b>Order.</b> Statements are dispatched to the connection in call order, without waiting for earlier
 * answers: Vert.x pipelines them on the one connection and matches each answer to its own statement. Only when
 * a statement must wait for something asynchronous first (flushing an ORM session) does dispatch pause, and
 * later statements queue behind it, so call order is always wire order.
 *
 * <p><b>Ending.</b> Every path ends with the connection back in the pool, also when it was lost in flight
 * ({@link TrackedConnection} completes what Vert.x leaves hanging) and when an ORM session will not close (its
 * close is given {@value #CLEANUP_SECONDS} s).
 */
public final class VertxTransaction extends AsyncManagerSupport implements AsyncTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(VertxTransaction.class);
    /** How long ending waits for an ORM session to close before giving the connection back anyway. */
    static final int CLEANUP_SECONDS = 10;

    private final Vertx vertx;
    private final Context context;
    private final TrackedConnection connection;
    private final StatementRunner runner;
    private final ServerVersion version;
    private final Runnable onRelease;
    private final TransactionState state = new TransactionState();
    private final AfterCommitPlan plan = new AfterCommitPlan();
    private final ArrayDeque<Runnable> dispatch = new ArrayDeque<>();
    private final Map<AsyncOrmBinding<?>, Future<?>> sessions = new LinkedHashMap<>();
    private final Promise<Void> ended = Promise.promise();
    private final AsyncTransactionContext ormContext;
    private final Dialect dialect;
    private boolean dispatchPaused;

    VertxTransaction(Vertx vertx, Context context, TrackedConnection connection, StatementRunner runner,
                     ServerVersion version, String loginAccount, Runnable onRelease) {
        this.vertx = vertx;
        this.context = context;
        this.connection = connection;
        this.runner = runner;
        this.version = version;
        this.onRelease = onRelease;
        this.ormContext = new OrmContext(BorrowedConnection.of(connection));
        this.dialect = Dialect.of(version, loginAccount);
    }

    /**
     * Borrows a connection on {@code context} and sends BEGIN. Must be called on {@code context}: the
     * connection's answers then arrive there.
     */
    static Future<VertxTransaction> begin(Vertx vertx, Context context, ConnectionSource connections,
                                          StatementRunner runner, ServerVersion version, String loginAccount,
                                          Runnable onBorrow, Runnable onRelease) {
        return Stages.translated(connections.acquire(), null).compose(conn -> {
            onBorrow.run();
            VertxTransaction tx = new VertxTransaction(vertx, context, conn, runner, version, loginAccount, onRelease);
            return runner.run(conn, "BEGIN", List.of(), null).transform(ar -> {
                if (ar.succeeded()) {
                    return Future.succeededFuture(tx);
                }
                tx.state.beginRollbackIfActive();
                tx.state.rolledBack();
                return tx.release().transform(x -> Future.failedFuture(ar.cause()));
            });
        });
    }

    // ---------------------------------------------------------------- managers
    // snapshots(), clones() ... come from AsyncManagerSupport, generated from the dialect, through this hook.

    @Override
    protected <T> CompletionStage<T> submitManaged(Function<Dialect, Operation<T>> build) {
        Operation<T> op;
        try {
            op = build.apply(dialect);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // bad input: nothing was sent
        }
        return submit(op);
    }

    Dialect dialect() {
        return dialect;
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
        if (rows == null) {
            return CompletableFuture.failedFuture(new NullPointerException("rows must not be null"));
        }
        return raw(sql, () -> noted(enqueue(true, () -> runner.batch(connection, sql, rows, this::timedOut))));
    }

    @Override
    public CompletionStage<BulkResult> bulkInsert(BulkInsert insert) {
        if (insert == null) {
            return CompletableFuture.failedFuture(new NullPointerException("insert must not be null"));
        }
        return AsyncBulkInsert.run(this, context, insert);
    }

    @Override
    public CompletionStage<Long> stream(String sql, List<?> params, Consumer<Row> consumer) {
        if (consumer == null) {
            return CompletableFuture.failedFuture(new NullPointerException("consumer must not be null"));
        }
        return raw(sql, () -> noted(enqueue(true, () -> runner.stream(connection, sql, params, consumer, this::timedOut))));
    }

    @Override
    public <A, R> CompletionStage<R> collect(String sql, List<?> params, Collector<Row, A, R> collector) {
        if (collector == null) {
            return CompletableFuture.failedFuture(new NullPointerException("collector must not be null"));
        }
        return raw(sql, () -> noted(enqueue(true, () -> runner.collect(connection, sql, params, collector,
                this::timedOut))));
    }

    /** Refuses, before anything is sent, raw SQL that must not run inside a MatrixOne transaction. */
    private <T> CompletionStage<T> raw(String sql, Supplier<Future<T>> action) {
        if (sql == null) {
            return CompletableFuture.failedFuture(new NullPointerException("sql must not be null"));
        }
        MatrixOneException refusal = TransactionRules.refusal(sql, Place.TRANSACTION);
        if (refusal != null) {
            return CompletableFuture.failedFuture(refusal);
        }
        return onContext(() -> usable().compose(ok -> action.get()));
    }

    private Future<Result> send(String sql, List<?> params) {
        return noted(enqueue(true, () -> runner.run(connection, sql, params, this::timedOut)));
    }

    /** A statement's failure is noted: a conflict or a lost connection ends the transaction on the server. */
    private <T> Future<T> noted(Future<T> sent) {
        return sent.onFailure(e -> {
            if (e instanceof MatrixOneException m) {
                state.failed(m);
            }
        });
    }

    // ---------------------------------------------------------------- operations and after-commit steps

    @Override
    public <T> CompletionStage<T> run(Operation<T> operation) {
        if (operation == null) {
            return CompletableFuture.failedFuture(new NullPointerException("operation must not be null"));
        }
        MatrixOneException refusal = TransactionRules.runRefusal(operation, plan);
        return refusal != null ? CompletableFuture.failedFuture(refusal) : runNow(operation);
    }

    private <T> CompletionStage<T> runNow(Operation<T> operation) {
        return onContext(() -> usable().compose(ok -> Future.fromCompletionStage(operation.executeAsync(statement -> {
            MatrixOneException refusal = TransactionRules.statementRefusal(statement);
            return refusal != null ? CompletableFuture.failedFuture(refusal)
                    : Stages.toStage(send(statement.sql(), statement.params()));
        }), context)));
    }

    @Override
    public <T> CompletionStage<T> submit(Operation<T> operation) {
        if (operation == null) {
            return CompletableFuture.failedFuture(new NullPointerException("operation must not be null"));
        }
        return TransactionRules.submit(operation, plan) == TransactionRules.Action.QUEUE
                ? afterCommit(operation) : runNow(operation);
    }

    @Override
    public <T> CompletionStage<T> afterCommit(Operation<T> operation) {
        if (operation == null) {
            return CompletableFuture.failedFuture(new NullPointerException("operation must not be null"));
        }
        RuntimeException refusal = state.refusal();
        if (refusal != null) {
            return CompletableFuture.failedFuture(refusal);
        }
        try {
            return plan.addForStage(operation, state::commitRequested);
        } catch (IllegalStateException ending) {
            return CompletableFuture.failedFuture(ending);
        }
    }

    @Override
    public CompletionStage<Result> afterCommit(String sql, Object... params) {
        if (sql == null) {
            return CompletableFuture.failedFuture(new NullPointerException("sql must not be null"));
        }
        MatrixOneException refusal = TransactionRules.refusal(sql, Place.AFTER_COMMIT);
        if (refusal != null) {
            return CompletableFuture.failedFuture(refusal);
        }
        return afterCommit(Operation.of(Statement.afterCommit(sql, params), r -> r));
    }

    // ---------------------------------------------------------------- ORM

    @Override
    @SuppressWarnings("unchecked")
    public <S> CompletionStage<S> orm(AsyncOrmBinding<S> binding) {
        if (binding == null) {
            return CompletableFuture.failedFuture(new NullPointerException("binding must not be null"));
        }
        return onContext(() -> usable().compose(ok -> (Future<S>) sessions.computeIfAbsent(binding,
                b -> Future.fromCompletionStage(binding.open(ormContext), context))));
    }

    /** Flushes the open ORM sessions in order; {@code null} when there is none (the common, pipelined case). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Future<Void> flushSessions() {
        if (!sessions.isEmpty() && !connection.isLost() && connection.ormInFlight() > 0) {
            // a session call is still running: flushing now would run the session concurrently with itself (Hibernate
            // Reactive then sends its pending inserts twice, or fails with AssertionFailure)
            return Future.failedFuture(new FlushFailed(new IllegalStateException(OrmErrors.ORM_BUSY)));
        }
        Future<Void> chain = null;
        for (Map.Entry<AsyncOrmBinding<?>, Future<?>> e : sessions.entrySet()) {
            Future<?> session = e.getValue();
            if (!session.succeeded()) {
                continue; // still opening, or failed to open: nothing to flush
            }
            AsyncOrmBinding binding = e.getKey();
            Supplier<Future<Void>> flush = () -> {
                Future<Void> flushed = Future.fromCompletionStage(binding.flush(session.result()), context);
                return flushed.recover((Throwable error) -> Future.failedFuture(new FlushFailed(OrmErrors.translate(error))));
            };
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
                return bounded(Future.fromCompletionStage(binding.close(opened.result()), context))
                        .otherwise(err -> {
                            LOG.warn("closing the ORM session of {} failed: {}", binding, err.toString());
                            return null;
                        });
            }));
        }
        sessions.clear();
        return chain;
    }

    /** A clean-up step that must not hold the connection forever: it fails after {@value #CLEANUP_SECONDS} s. */
    private <T> Future<T> bounded(Future<T> cleanup) {
        return Stages.within(vertx, cleanup, CLEANUP_SECONDS * 1000L, () -> new IllegalStateException(
                "clean-up did not finish within " + CLEANUP_SECONDS + " s"), null);
    }

    // ---------------------------------------------------------------- nesting

    @Override
    public <T> CompletionStage<T> transaction(Function<AsyncTransaction, CompletionStage<T>> body) {
        if (body == null) {
            return CompletableFuture.failedFuture(new NullPointerException("body must not be null"));
        }
        return JoinedTransaction.run(this, state, body);
    }

    @Override
    public boolean isJoined() {
        return false;
    }

    @Override
    public void setRollbackOnly() {
        state.markRollbackOnly("setRollbackOnly() was called");
    }

    // ---------------------------------------------------------------- ending

    @Override
    public CompletionStage<Void> commit() {
        return onContext(this::commitNow);
    }

    @Override
    public CompletionStage<Void> rollback() {
        return onContext(() -> {
            try {
                return state.beginRollback() ? rollbackInternal(null) : ended.future();
            } catch (IllegalStateException committed) {
                return Future.failedFuture(committed);
            }
        });
    }

    @Override
    public CompletionStage<Void> close() {
        return onContext(() -> rollbackNow(null).otherwiseEmpty());
    }

    @Override
    public boolean isActive() {
        return state.isActive();
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

    /** Whether COMMIT was requested: after-commit stages may then be waited on. */
    boolean commitRequested() {
        return state.commitRequested();
    }

    Future<Void> commitNow() {
        RuntimeException refused = state.beginCommit();
        if (refused != null) {
            if (state.status() == TransactionState.Status.ENDING) {
                return rollbackInternal(refused).transform(x -> Future.failedFuture(refused));
            }
            return Future.failedFuture(refused);
        }
        plan.seal();
        Future<Result> commit = enqueue(true, () -> runner.run(connection, "COMMIT", List.of(), null));
        return commit.transform(ar -> {
            if (ar.failed()) {
                Throwable outcome = ar.cause() instanceof FlushFailed f ? f.getCause() // COMMIT was never sent
                        : ar.cause() instanceof RuntimeException r ? state.commitFailed(r) : ar.cause();
                return rollbackInternal(outcome).transform(x -> Future.<Void>failedFuture(outcome));
            }
            state.committed();
            return Future.fromCompletionStage(plan.runAll(st -> Stages.toStage(
                            runner.afterCommit().run(connection, st.sql(), st.params(), null))), context)
                    .transform(ran -> release().transform(x -> ran.succeeded()
                            ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(Stages.unwrap(ran.cause()))));
        });
    }

    /** Rolls back unless the transaction already ended or is ending; then waits for that end. */
    Future<Void> rollbackNow(Throwable reason) {
        return state.beginRollbackIfActive() ? rollbackInternal(reason) : ended.future();
    }

    /** Sends ROLLBACK after the statements already dispatched, cancels the steps and releases the connection. */
    private Future<Void> rollbackInternal(Throwable reason) {
        plan.seal();
        Future<Result> rollback = connection.isLost()
                ? Future.succeededFuture()  // the server rolled back when the connection closed
                : enqueue(false, () -> runner.run(connection, "ROLLBACK", List.of(), null));
        return rollback.transform(ar -> {
            if (ar.failed()) {
                LOG.debug("ROLLBACK failed: {}", ar.cause().toString());
            }
            state.rolledBack();
            plan.cancelAll(TransactionState.cancelReason(reason));
            return release();
        });
    }

    private Future<Void> release() {
        return closeSessions()
                .compose(v -> connection.release())
                .andThen(ar -> {
                    onRelease.run();
                    ended.tryComplete();
                });
    }

    // ---------------------------------------------------------------- dispatch

    /**
     * Queues {@code send} behind every statement issued before it. Sends at once (Vert.x pipelines in call
     * order) unless an ORM session must be flushed first; then dispatch pauses until the flush is done. A failed
     * flush fails the statement with {@link FlushFailed} around the ORM's (translated) error: it was not sent.
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
        return promise.future().recover(e -> Future.failedFuture(e instanceof FlushFailed && !flushFirst
                ? e.getCause() : e));
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

    /** Runs {@code action} on the transaction's context; every send happens there. */
    private <T> CompletionStage<T> onContext(Supplier<Future<T>> action) {
        if (Vertx.currentContext() == context) {
            return Stages.toStage(unwrapFlush(safely(action)));
        }
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> unwrapFlush(safely(action)).onComplete(promise));
        return Stages.toStage(promise.future());
    }

    /** A statement refused because the ORM flush before it failed reports the flush's error. */
    private static <T> Future<T> unwrapFlush(Future<T> f) {
        return f.recover(e -> Future.failedFuture(e instanceof FlushFailed ? e.getCause() : e));
    }

    private static <T> Future<T> safely(Supplier<Future<T>> action) {
        try {
            return action.get();
        } catch (Throwable e) {
            return Future.failedFuture(e);
        }
    }

    private Future<Void> usable() {
        RuntimeException refusal = state.refusal();
        return refusal == null ? Future.succeededFuture() : Future.failedFuture(refusal);
    }

    /** A client-side timeout: the statement may still run on the server, so the transaction must not commit. */
    private void timedOut() {
        state.markRollbackOnly("a statement timed out (client-side query timeout) and may still take effect on the server");
    }

    /** Thread-safe. */
    void markRollbackOnly(String reason) {
        state.markRollbackOnly(reason);
    }

    /** The ORM flush before a statement failed; the statement was not sent. The cause is the flush's error. */
    private static final class FlushFailed extends RuntimeException {
        FlushFailed(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
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

    @Override
    public String toString() {
        return "AsyncTransaction[" + state + "]";
    }
}
