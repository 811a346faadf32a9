package io.matrixone.async.internal;

import io.matrixone.core.error.ErrorClassifier;
import io.matrixone.core.error.SqlRedactor;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collector;

/**
 * Sends one statement on a Vert.x {@link SqlClient} (the shared pipelined client or a transaction's
 * connection): parameters converted by {@link Params}, results by {@link Rows}, errors by {@link Stages},
 * logged at DEBUG with literals redacted and at INFO when slow. One per client; thread-safe.
 *
 * <p>Statements without parameters use the text protocol (one round trip, and MatrixOne cannot prepare
 * every statement); statements with parameters are prepared, and Vert.x caches the prepared statement per
 * connection.
 *
 * <p>The query timeout is enforced here, client-side: MatrixOne lacks a reliable way to cancel a statement
 * from the wire, so on expiry the stage fails with {@code QueryInterruptedException} and the statement may
 * still finish on the server; its result is discarded and its connection is returned once it has answered.
 */
public final class StatementRunner {
    private static final Logger LOG = LoggerFactory.getLogger("io.matrixone.async.sql");
    /** MySQL's "query execution was interrupted, maximum statement execution time exceeded". */
    private static final int ER_QUERY_TIMEOUT = 3024;

    private final Vertx vertx;
    private final long timeoutMillis;
    private final long slowNanos;
    private final AtomicInteger inFlight = new AtomicInteger();

    public StatementRunner(Vertx vertx, Duration queryTimeout, Duration slowQueryThreshold) {
        this.vertx = vertx;
        this.timeoutMillis = queryTimeout == null ? 0 : queryTimeout.toMillis();
        this.slowNanos = slowQueryThreshold == null || slowQueryThreshold.isZero() ? Long.MAX_VALUE
                : slowQueryThreshold.toNanos();
    }

    /** Statements sent and not answered yet, across the client. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Runs any statement: the rows of a query, or an update's count and generated keys. */
    public Future<Result> run(SqlClient client, String sql, List<?> params, Runnable onTimeout) {
        return send(sql, onTimeout, () -> {
            if (params == null || params.isEmpty()) {
                return client.query(sql).execute().map(Rows::toResult);
            }
            Tuple tuple = Params.tuple(params);
            return client.preparedQuery(sql).execute(tuple).map(Rows::toResult);
        });
    }

    /** Runs one statement per parameter row with Vert.x's batch execution. */
    public Future<long[]> batch(SqlClient client, String sql, List<? extends List<?>> rows, Runnable onTimeout) {
        if (rows.isEmpty()) {
            return Future.succeededFuture(new long[0]);
        }
        return send(sql, onTimeout, () -> {
            List<Tuple> tuples = new ArrayList<>(rows.size());
            for (List<?> row : rows) {
                tuples.add(Params.tuple(row));
            }
            return client.preparedQuery(sql).executeBatch(tuples).map(Rows::toBatchCounts);
        });
    }

    /** Feeds each row to {@code collector} as it is decoded; the rows are never held together. */
    public <R> Future<R> collect(SqlClient client, String sql, List<?> params, Collector<Row, ?, R> collector,
                                 Runnable onTimeout) {
        Collector<io.vertx.sqlclient.Row, ?, R> adapted = Rows.adapt(collector);
        return send(sql, onTimeout, () -> {
            if (params == null || params.isEmpty()) {
                return client.query(sql).collecting(adapted).execute().map(SqlResult::value);
            }
            Tuple tuple = Params.tuple(params);
            return client.preparedQuery(sql).collecting(adapted).execute(tuple).map(SqlResult::value);
        });
    }

    private <T> Future<T> send(String sql, Runnable onTimeout, Sending<T> sending) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("sending {}", SqlRedactor.redact(sql));
        }
        long start = System.nanoTime();
        Future<T> sent;
        try {
            sent = sending.send();
        } catch (RuntimeException e) { // a parameter of an unsupported type: nothing was sent
            return Future.failedFuture(e);
        }
        inFlight.incrementAndGet();
        Future<T> answered = Stages.translated(sent, sql).andThen(ar -> {
            inFlight.decrementAndGet();
            long took = System.nanoTime() - start;
            if (took >= slowNanos && LOG.isInfoEnabled()) {
                LOG.info("slow statement ({} ms): {}", took / 1_000_000, SqlRedactor.redact(sql));
            }
        });
        return timeoutMillis > 0 ? withTimeout(answered, sql, onTimeout) : answered;
    }

    private <T> Future<T> withTimeout(Future<T> answered, String sql, Runnable onTimeout) {
        Promise<T> promise = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            String message = "statement timed out after " + timeoutMillis + " ms (client-side query timeout)";
            if (promise.tryFail(ErrorClassifier.classify(ER_QUERY_TIMEOUT, "HY000", message, sql, null))
                    && onTimeout != null) {
                onTimeout.run();
            }
        });
        answered.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                promise.tryComplete(ar.result());
            } else {
                promise.tryFail(ar.cause());
            }
        });
        return promise.future();
    }

    @FunctionalInterface
    private interface Sending<T> {
        Future<T> send();
    }
}
