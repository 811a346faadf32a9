package io.matrixone.async;

import io.matrixone.async.internal.AsyncEngine;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.manager.AsyncManagerSupport;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.retry.RetryPolicy;
import io.matrixone.core.version.ServerVersion;
import io.vertx.core.Vertx;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * The non-blocking MatrixOne client, on the Vert.x 4.5 MySQL client. Every method returns at once with a
 * {@link CompletionStage}; nothing here blocks a thread, and no JDBC is involved.
 *
 * <pre>{@code
 * AsyncMatrixOneClient mo = AsyncMatrixOneClient.create("matrixone://root:111@127.0.0.1:6001/test");
 * mo.execute("INSERT INTO users(name) VALUES (?)", "ann")
 *   .thenCompose(r -> mo.query("SELECT id, name FROM users WHERE name = ?", "ann"))
 *   .thenAccept(r -> System.out.println(r.as(User.class)));
 *
 * CompletionStage<Long> count = mo.transaction(tx ->      // BEGIN ... COMMIT on one connection
 *     CompletableFuture.allOf(                           // concurrent statements run in call order
 *             tx.execute("INSERT INTO users(name) VALUES (?)", "bob").toCompletableFuture(),
 *             tx.execute("INSERT INTO users(name) VALUES (?)", "cy").toCompletableFuture())
 *         .thenCompose(v -> tx.query("SELECT COUNT(*) FROM users"))
 *         .thenApply(Result::scalarLong));                // commit when this completes, rollback if it fails
 *
 * mo.close();                                            // a stage: completes when everything is closed
 * }</pre>
 *
 * <p><b>Connections.</b> {@code maxPoolSize} is split: a quarter (at least one) are shared, pipelined connections
 * that carry the statements run outside transactions (up to 256 in flight on each); the rest (at least one) are
 * held one per open transaction. No connection is reset on return (MatrixOne lacks COM_RESET_CONNECTION) and no
 * cursor is used (MatrixOne lacks COM_STMT_FETCH). Prepared statements are cached per connection.
 *
 * <p><b>Threads.</b> Stages complete on a Vert.x event-loop thread: do not block in their continuations (use the
 * {@code *Async} variants with your own executor for blocking work).
 *
 * <p><b>Session state.</b> Raw {@code SET} is refused here (it would change one random pooled connection) and
 * inside transactions (on MatrixOne up to 4.2.0 it commits the open transaction).
 *
 * <p><b>Timeouts.</b> {@code queryTimeout} is enforced client-side: the stage fails with
 * {@code QueryInterruptedException}, the statement may still finish on the server, its answer is discarded and
 * its connection returned once it answered; a transaction with a timed-out statement can only roll back.
 * {@code socketTimeout} closes connections silent for that long (also idle pooled ones).
 */
public final class AsyncMatrixOneClient extends AsyncManagerSupport {
    private final AsyncEngine engine;

    private AsyncMatrixOneClient(AsyncEngine engine) {
        this.engine = engine;
    }

    /** A client with a Vert.x instance of its own, closed with the client. */
    public static AsyncMatrixOneClient create(ClientOptions options) {
        Objects.requireNonNull(options, "options");
        return new AsyncMatrixOneClient(new AsyncEngine(options, Vertx.vertx(), true));
    }

    /** A client on the application's Vert.x instance, which it leaves open when closed. */
    public static AsyncMatrixOneClient create(ClientOptions options, Vertx vertx) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(vertx, "vertx");
        return new AsyncMatrixOneClient(new AsyncEngine(options, vertx, false));
    }

    /** A client from a URL such as {@code matrixone://root:111@127.0.0.1:6001/test}; see {@link ClientOptions#fromUrl}. */
    public static AsyncMatrixOneClient create(String url) {
        return create(ClientOptions.fromUrl(url));
    }

    /** A client from the {@code MATRIXONE_*} environment variables. */
    public static AsyncMatrixOneClient fromEnv() {
        return create(ClientOptions.fromEnv());
    }

    /** A client from the defaults changed by {@code customizer}: {@code create(o -> o.host("db").port(6001))}. */
    public static AsyncMatrixOneClient create(Consumer<ClientOptions.Builder> customizer) {
        return create(ClientOptions.of(customizer));
    }

    public ClientOptions options() {
        return engine.options();
    }

    /**
     * The Vert.x instance this client runs on (its own, or the one given to {@link #create(ClientOptions, Vertx)}).
     * Integrations that must share the client's event loops, such as Hibernate Reactive, take it from here.
     */
    public Vertx vertx() {
        return engine.vertx();
    }

    /**
     * MatrixOne's SQL for this client's server version (known after the first connection): for operations the
     * managers do not wrap, e.g. {@code dialect().thenCompose(d -> run(d.timeTravel().count(db, table, at)))}.
     */
    public CompletionStage<Dialect> dialect() {
        return engine.dialect();
    }

    // ---------------------------------------------------------------- managers
    // snapshots(), clones(), restores(), pitrs(), publications(), accounts(), moCtl(), version() come from
    // AsyncManagerSupport, generated from the dialect (the same operations as the sync client's), through this hook.
    // Outside a transaction every operation runs at once.

    @Override
    protected <T> CompletionStage<T> submitManaged(Function<Dialect, Operation<T>> build) {
        return dialect().thenCompose(d -> {
            Operation<T> op;
            try {
                op = build.apply(d);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e); // bad input: nothing was sent
            }
            return run(op);
        });
    }

    /** Runs a query; the whole result is read into memory. For large results use {@link #stream}. */
    public CompletionStage<Result> query(String sql, Object... params) {
        return engine.execute(sql, list(params));
    }

    /** Runs an INSERT/UPDATE/DELETE/DDL: affected rows and the generated keys (AUTO_INCREMENT ids). */
    public CompletionStage<Result> execute(String sql, Object... params) {
        return engine.execute(sql, list(params));
    }

    /**
     * Runs {@code sql} for every parameter row, all-or-nothing: the batch gets a transaction of its own (retried on
     * conflicts like {@link #transaction}). A one-row {@code INSERT ... VALUES (?, ...)} goes as multi-row INSERTs
     * (see {@link AsyncTransaction#executeBatch}). Completes with the update count of each row, in row order.
     */
    public CompletionStage<long[]> executeBatch(String sql, List<? extends List<?>> rows) {
        Objects.requireNonNull(rows, "rows");
        return engine.executeBatch(sql, rows);
    }

    /**
     * Inserts many rows in one transaction of their own (all or nothing; never retried, as the rows are read once):
     * multi-row INSERTs of {@code batchSize} rows, several pipelined on the transaction's connection. See
     * {@link AsyncTransaction#bulkInsert}; the sync client's {@code bulkInsert} can also use LOAD DATA LOCAL INFILE.
     */
    public CompletionStage<BulkResult> bulkInsert(BulkInsert insert) {
        Objects.requireNonNull(insert, "insert");
        return transaction(RetryPolicy.NONE, tx -> tx.bulkInsert(insert));
    }

    /**
     * Hands each row of a query to {@code consumer} as it is decoded, without holding the result in memory and
     * without a cursor (MatrixOne has no COM_STMT_FETCH); completes with the number of rows. Each row is a view of
     * the row just decoded, valid until the consumer returns, as with the sync client's {@code stream}: call
     * {@link Row#detach()} to keep one ({@code collect} and {@code query} give detached rows).
     *
     * <p>Limits, honestly: there is no back-pressure. The consumer runs on the event loop as rows arrive; a slow
     * consumer slows reading from the socket (TCP flow control then slows the server) and every other statement
     * of that connection and event loop. It must not block. If it throws, the remaining rows are still read (the
     * protocol cannot stop a result half-way) but not handed on, and the stage fails with that exception. Outside
     * a transaction the stream shares a pipelined connection: statements queued behind it on that connection wait
     * until its last row; stream inside a transaction to give a long stream a connection of its own.
     */
    public CompletionStage<Long> stream(String sql, List<?> params, Consumer<Row> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return engine.stream(sql, params, consumer);
    }

    /** Reduces the rows of a query with {@code collector} as they are decoded; same limits as {@link #stream}. */
    public <A, R> CompletionStage<R> collect(String sql, List<?> params, Collector<Row, A, R> collector) {
        Objects.requireNonNull(collector, "collector");
        return engine.collect(sql, params, collector);
    }

    /**
     * Runs a MatrixOne operation built by the dialect (what managers are made of). Outside a transaction every
     * statement runs at once, including those that would be after-commit steps inside one.
     */
    public <T> CompletionStage<T> run(Operation<T> operation) {
        Objects.requireNonNull(operation, "operation");
        return engine.run(operation);
    }

    /**
     * Runs {@code body} in a transaction: BEGIN on one connection, COMMIT when the body's stage completes,
     * ROLLBACK when it fails or the body throws. The whole body runs again on MatrixOne's "retry the whole
     * transaction" errors (20619, 20628, 20631, ... per the options' retry policy, waiting with a timer), never on
     * 20638 "commit status unknown" and never once COMMIT succeeded; so the body must not have effects outside the
     * transaction that cannot be repeated. The body and its continuations run on one Vert.x context.
     *
     * <p>The stage completes after COMMIT and the after-commit steps; if a step fails it fails with one
     * {@code AfterCommitStepException} (the data stays committed). Nesting: inside a body call
     * {@link AsyncTransaction#transaction}, which joins this transaction; a second {@code client.transaction(..)}
     * would open an independent one (async code has no thread to carry a "current transaction").
     */
    public <T> CompletionStage<T> transaction(Function<AsyncTransaction, CompletionStage<T>> body) {
        return transaction(engine.options().retryPolicy(), body);
    }

    /** {@link #transaction(Function)} with its own retry policy ({@code RetryPolicy.NONE}: a single attempt). */
    public <T> CompletionStage<T> transaction(RetryPolicy retryPolicy, Function<AsyncTransaction, CompletionStage<T>> body) {
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(body, "body");
        return engine.transaction(body, retryPolicy);
    }

    /** {@link #transaction(Function)} for a body without a value. */
    public CompletionStage<Void> inTransaction(Function<AsyncTransaction, ? extends CompletionStage<?>> work) {
        return inTransaction(engine.options().retryPolicy(), work);
    }

    public CompletionStage<Void> inTransaction(RetryPolicy retryPolicy,
                                               Function<AsyncTransaction, ? extends CompletionStage<?>> work) {
        Objects.requireNonNull(work, "work");
        return transaction(retryPolicy, tx -> {
            CompletionStage<?> stage = work.apply(tx);
            return stage == null ? null : stage.thenApply(v -> (Void) null);
        });
    }

    /**
     * Begins a transaction for the explicit form: {@code commit()}, {@code rollback()} or {@code close()} end it;
     * there is no retry. Whoever receives it must end it, or its connection stays borrowed.
     */
    public CompletionStage<AsyncTransaction> begin() {
        return engine.begin();
    }

    /** The server version: pinned by the options, or asked once per client ({@code SELECT version()}). */
    public CompletionStage<ServerVersion> serverVersion() {
        return engine.serverVersion();
    }

    public AsyncPoolStats poolStats() {
        return engine.poolStats();
    }

    /**
     * Closes the connections, and the Vert.x instance if the client created it; the stage completes when all is
     * closed. Idempotent. (Like {@code AsyncTransaction.close()}: the async twin of the sync client's blocking
     * {@code close()}, so it cannot be {@code AutoCloseable}.)
     */
    public CompletionStage<Void> close() {
        return engine.closeAsync();
    }

    @Override
    public String toString() {
        return "AsyncMatrixOneClient[" + engine.options() + "]"; // the options mask the password
    }

    private static List<Object> list(Object[] params) {
        return params == null ? List.of() : Arrays.asList(params);
    }
}
