package io.matrixone.async.internal;

import io.matrixone.async.AsyncPoolStats;
import io.matrixone.async.AsyncTransaction;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.internal.sql.SessionSql;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.result.Result;
import io.matrixone.core.retry.RetryPolicy;
import io.matrixone.core.result.Row;
import io.matrixone.core.internal.tx.TransactionRules;
import io.matrixone.core.version.ServerVersion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * Everything behind {@code AsyncMatrixOneClient}: one pool of Vert.x connections ({@link ConnectionSource}). A
 * statement outside a transaction borrows a connection for its own duration; a transaction holds one from BEGIN to
 * its end. Vert.x types stay here and below; the public class sees stages only.
 */
public final class AsyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncEngine.class);

    private final ClientOptions options;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final ConnectionSource pool;
    private final StatementRunner runner;
    private final ServerInfo server;
    private final Transactions transactions;
    private final AtomicReference<CompletableFuture<Void>> closing = new AtomicReference<>();
    private volatile Dialect dialect;

    public AsyncEngine(ClientOptions options, Vertx vertx, boolean ownsVertx) {
        this.options = options;
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        MySQLConnectOptions connect = VertxSettings.connectOptions(options);
        String sessionSql = SessionSql.set(options.session().variables());
        this.pool = new ConnectionSource(MySQLBuilder.pool()
                .with(VertxSettings.poolOptions(options, options.pool().maxSize(), "matrixone"))
                .connectingTo(connect).using(vertx).build(), sessionSql);
        this.runner = new StatementRunner(vertx, options.timeouts().query(), options.timeouts().slowQueryThreshold(),
                options.listeners());
        this.server = new ServerInfo(options.connection().serverVersion());
        this.transactions = new Transactions(vertx, pool, runner.inTransaction(), this::version,
                options.connection().login().effectiveAccount());
        LOG.debug("async client created: {}", options); // ClientOptions.toString masks the password
    }

    public Vertx vertx() {
        return vertx;
    }

    public ClientOptions options() {
        return options;
    }

    public CompletionStage<Result> execute(String sql, List<?> params) {
        return refuseOrRun(sql, () -> runner.run(pool, sql, params, null));
    }

    public CompletionStage<long[]> executeBatch(String sql, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return CompletableFuture.completedFuture(new long[0]);
        }
        // all-or-nothing: a batch outside a transaction gets its own
        return transaction(tx -> tx.executeBatch(sql, rows), options.retryPolicy());
    }

    public CompletionStage<Long> stream(String sql, List<?> params, Consumer<Row> consumer) {
        return refuseOrRun(sql, () -> runner.stream(pool, sql, params, consumer, null));
    }

    public <A, R> CompletionStage<R> collect(String sql, List<?> params, Collector<Row, A, R> collector) {
        return refuseOrRun(sql, () -> runner.collect(pool, sql, params, collector, null));
    }

    public <T> CompletionStage<T> run(Operation<T> operation) {
        if (closing.get() != null) {
            return CompletableFuture.failedFuture(closed());
        }
        // outside a transaction every statement runs at once, AFTER_COMMIT ones included
        return operation.executeAsync(st -> Stages.toStage(runner.run(pool, st.sql(), st.params(), null)));
    }

    public <T> CompletionStage<T> transaction(Function<AsyncTransaction, CompletionStage<T>> body, RetryPolicy policy) {
        if (closing.get() != null) {
            return CompletableFuture.failedFuture(closed());
        }
        return Stages.asStage(transactions.run(body, policy));
    }

    public CompletionStage<AsyncTransaction> begin() {
        if (closing.get() != null) {
            return CompletableFuture.failedFuture(closed());
        }
        return Stages.asStage(transactions.begin().map(tx -> tx));
    }

    public CompletionStage<ServerVersion> serverVersion() {
        return Stages.asStage(version());
    }

    /** The dialect for the server's version (known after the first connection), built once. */
    public CompletionStage<Dialect> dialect() {
        Dialect d = dialect;
        if (d != null) {
            return CompletableFuture.completedFuture(d);
        }
        return serverVersion().thenApply(v -> {
            Dialect created = Dialect.of(v, options.connection().login().effectiveAccount());
            dialect = created;
            return created;
        });
    }

    private Future<ServerVersion> version() {
        return server.version(() -> runner.run(pool, ServerInfo.VERSION_SQL, List.of(), null));
    }

    public AsyncPoolStats poolStats() {
        return new AsyncPoolStats(transactions.borrowed(), pool.size(), runner.inFlight());
    }

    /**
     * Closes the pool, then the Vert.x instance if this client created it. Idempotent. The stage is a plain future
     * completed from Vert.x's close handler: a Vert.x future composed onto {@code vertx.close()} would be completed
     * on an event loop that is shutting down, and never complete.
     */
    public CompletionStage<Void> closeAsync() {
        CompletableFuture<Void> started = closing.get();
        if (started == null) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (closing.compareAndSet(null, done)) {
                pool.close().onComplete(ar -> {
                    if (ownsVertx) {
                        vertx.close(x -> done.complete(null));
                    } else {
                        done.complete(null);
                    }
                });
                return done;
            }
            started = closing.get();
        }
        return started;
    }


    /**
     * Outside a transaction the SDK refuses SET (it would change one random pooled connection, not "the
     * session"), transaction control (BEGIN on a borrowed connection would leave a transaction open on it after it
     * went back) and LOAD DATA LOCAL (a file read): the same rules as the sync client ({@link TransactionRules}).
     */
    private <T> CompletionStage<T> refuseOrRun(String sql, java.util.function.Supplier<Future<T>> send) {
        if (closing.get() != null) {
            return CompletableFuture.failedFuture(closed());
        }
        if (sql == null) {
            return CompletableFuture.failedFuture(new NullPointerException("sql must not be null"));
        }
        MatrixOneException refusal = TransactionRules.refusal(sql, TransactionRules.Place.CLIENT);
        if (refusal != null) {
            return CompletableFuture.failedFuture(refusal);
        }
        return Stages.toStage(send.get());
    }

    private static IllegalStateException closed() {
        return new IllegalStateException("the async MatrixOne client is closed");
    }
}
