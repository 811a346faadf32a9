package io.matrixone.async.internal;

import io.matrixone.core.internal.error.ErrorClassifier;
import io.matrixone.core.internal.sql.InsertRows;
import io.matrixone.core.internal.sql.SqlRedactor;
import io.matrixone.core.event.StatementEvent;
import io.matrixone.core.event.StatementListener;
import io.matrixone.core.internal.event.StatementListeners;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collector;

/**
 * Sends one statement to a {@link StatementTarget} (the shared pipelined connections or a transaction's
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
 *
 * <p>Listeners: each statement is reported before it is sent and when its stage completes (after a client-side
 * timeout: with the timeout error), on the thread that completes it, before the caller's continuation runs.
 * Without listeners a final flag set at construction skips it all: no event, no extra callback. Transactions use
 * the twin from {@link #inTransaction()}, after-commit steps the one from {@link #afterCommit()}; their events say
 * so.
 */
public final class StatementRunner {
    private static final Logger LOG = LoggerFactory.getLogger("io.matrixone.async.sql");
    /** MySQL's "query execution was interrupted, maximum statement execution time exceeded". */
    private static final int ER_QUERY_TIMEOUT = 3024;

    private final Vertx vertx;
    private final long timeoutMillis;
    private final long slowNanos;
    private final AtomicInteger inFlight;
    private final StatementListeners events;
    /** Whether any listener is registered; false means no event is ever created. */
    private final boolean notify;
    private final StatementEvent.Scope scope;
    /** The autocommit runner, which holds the twins: one per scope, sharing everything else. */
    private final StatementRunner root;
    private final StatementRunner transactional;
    private final StatementRunner afterCommit;

    public StatementRunner(Vertx vertx, Duration queryTimeout, Duration slowQueryThreshold,
                           List<StatementListener> listeners) {
        this.vertx = vertx;
        this.timeoutMillis = queryTimeout == null ? 0 : queryTimeout.toMillis();
        this.slowNanos = slowQueryThreshold == null || slowQueryThreshold.isZero() ? Long.MAX_VALUE
                : slowQueryThreshold.toNanos();
        this.inFlight = new AtomicInteger();
        this.events = new StatementListeners(listeners, StatementEvent.Client.ASYNC);
        this.notify = !events.isEmpty();
        this.scope = StatementEvent.Scope.AUTOCOMMIT;
        this.root = this;
        this.transactional = new StatementRunner(this, StatementEvent.Scope.TRANSACTION);
        this.afterCommit = new StatementRunner(this, StatementEvent.Scope.AFTER_COMMIT);
    }

    private StatementRunner(StatementRunner outside, StatementEvent.Scope scope) {
        this.vertx = outside.vertx;
        this.timeoutMillis = outside.timeoutMillis;
        this.slowNanos = outside.slowNanos;
        this.inFlight = outside.inFlight;
        this.events = outside.events;
        this.notify = outside.notify;
        this.scope = scope;
        this.root = outside;
        this.transactional = null; // asked of the root
        this.afterCommit = null;
    }

    /** The runner for a transaction's statements (BEGIN to COMMIT or ROLLBACK): the same, but its events say so. */
    public StatementRunner inTransaction() {
        return root.transactional;
    }

    /** The runner for after-commit steps and their undo (autocommit, right after COMMIT): its events say so. */
    public StatementRunner afterCommit() {
        return root.afterCommit;
    }

    /** Statements sent and not answered yet, across the client. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Runs any statement: the rows of a query, or an update's count and generated keys. */
    public Future<Result> run(StatementTarget target, String sql, List<?> params, Runnable onTimeout) {
        return send(sql, params == null ? 0 : params.size(), onTimeout, () -> {
            if (params == null || params.isEmpty()) {
                return target.send(c -> c.query(sql).execute().map(Rows::toResult));
            }
            Tuple tuple = Params.tuple(params);
            return target.send(c -> c.preparedQuery(sql).execute(tuple).map(Rows::toResult));
        });
    }

    /**
     * Runs a statement for every parameter row. A one-row INSERT of placeholders ({@link InsertRows}) goes as
     * multi-row INSERTs, one after another: Vert.x's batch execution is one round trip per row (measured on
     * MatrixOne 4.2.0: 1,000 rows in 420-740 ms, against 18-45 ms for the sync client's one statement). Anything
     * else uses Vert.x's batch execution.
     */
    public Future<long[]> batch(StatementTarget target, String sql, List<? extends List<?>> rows, Runnable onTimeout) {
        if (rows.isEmpty()) {
            return Future.succeededFuture(new long[0]);
        }
        InsertRows insert = rows.size() > 1 ? InsertRows.of(sql) : null;
        if (insert != null) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).size() != insert.width()) { // checked before anything is sent
                    return Future.failedFuture(new IllegalArgumentException("row " + i + " has " + rows.get(i).size()
                            + " values for the " + insert.width() + " placeholders of " + SqlRedactor.redact(sql)));
                }
            }
            return multiRow(target, insert, rows, 0, new long[rows.size()], onTimeout);
        }
        return send(sql, rows.get(0).size(), onTimeout, () -> {
            List<Tuple> tuples = new ArrayList<>(rows.size());
            for (List<?> row : rows) {
                tuples.add(Params.tuple(row));
            }
            return target.send(c -> c.preparedQuery(sql).executeBatch(tuples).map(Rows::toBatchCounts));
        });
    }

    /** JDBC's {@code Statement.SUCCESS_NO_INFO}: the row succeeded, its count is not known. */
    static final long SUCCESS_NO_INFO = -2;

    /** The rows from {@code from} on as multi-row INSERTs, each sent when the one before has succeeded. */
    private Future<long[]> multiRow(StatementTarget target, InsertRows insert, List<? extends List<?>> rows, int from,
                                    long[] counts, Runnable onTimeout) {
        int n = Math.min(insert.rowsPerStatement(), rows.size() - from);
        String sql = insert.sql(n);
        List<Object> params = new ArrayList<>(n * insert.width());
        for (int r = from; r < from + n; r++) {
            params.addAll(rows.get(r));
        }
        Future<Result> sent = send(sql, params.size(), onTimeout, () -> {
            Tuple tuple = Params.tuple(params);
            return target.send(c -> c.preparedQuery(sql).execute(tuple).map(Rows::toResult));
        });
        return sent.compose(result -> {
            // a plain INSERT affects exactly its rows; otherwise say that the count per row is not known, as JDBC does
            Arrays.fill(counts, from, from + n, result.affectedRows() == n ? 1 : SUCCESS_NO_INFO);
            return from + n == rows.size() ? Future.succeededFuture(counts)
                    : multiRow(target, insert, rows, from + n, counts, onTimeout);
        });
    }

    /** Feeds each row to {@code collector} as it is decoded; the rows are never held together. */
    public <R> Future<R> collect(StatementTarget target, String sql, List<?> params, Collector<Row, ?, R> collector,
                                 Runnable onTimeout) {
        return collectDecoded(target, sql, params, Rows.adapt(collector), onTimeout);
    }

    /** Hands each row to {@code consumer} as a view valid during the call ({@link StreamedRows}); the row count. */
    public Future<Long> stream(StatementTarget target, String sql, List<?> params, Consumer<Row> consumer,
                               Runnable onTimeout) {
        return collectDecoded(target, sql, params, StreamedRows.feeding(consumer), onTimeout).compose(StreamedRows::result);
    }

    private <R> Future<R> collectDecoded(StatementTarget target, String sql, List<?> params,
                                         Collector<io.vertx.sqlclient.Row, ?, R> adapted, Runnable onTimeout) {
        return send(sql, params == null ? 0 : params.size(), onTimeout, () -> {
            if (params == null || params.isEmpty()) {
                return target.send(c -> c.query(sql).collecting(adapted).execute().map(SqlResult::value));
            }
            Tuple tuple = Params.tuple(params);
            return target.send(c -> c.preparedQuery(sql).collecting(adapted).execute(tuple).map(SqlResult::value));
        });
    }

    private <T> Future<T> send(String sql, int parameterCount, Runnable onTimeout, Sending<T> sending) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("sending {}", SqlRedactor.redact(sql));
        }
        long start = System.nanoTime();
        StatementEvent event = notify ? events.before(sql, parameterCount, scope) : null;
        Future<T> sent;
        try {
            sent = sending.send();
        } catch (RuntimeException e) { // a parameter of an unsupported type: nothing was sent
            events.failed(event, System.nanoTime() - start, e);
            return Future.failedFuture(e);
        }
        inFlight.incrementAndGet();
        // One completion step (not recover + andThen): it runs on the event loop for every statement.
        Future<T> answered = sent.transform(ar -> {
            inFlight.decrementAndGet();
            long took = System.nanoTime() - start;
            if (took >= slowNanos && LOG.isInfoEnabled()) {
                LOG.info("slow statement ({} ms): {}", took / 1_000_000, SqlRedactor.redact(sql));
            }
            return ar.succeeded() ? Future.succeededFuture(ar.result()) : Future.failedFuture(Stages.translate(ar.cause(), sql));
        });
        Future<T> result = timeoutMillis > 0 ? withTimeout(answered, sql, onTimeout) : answered;
        return event == null ? result : result.andThen(ar -> report(event, start, ar));
    }

    private void report(StatementEvent event, long start, AsyncResult<?> ar) {
        long nanos = System.nanoTime() - start;
        if (ar.failed()) {
            events.failed(event, nanos, ar.cause());
        } else if (ar.result() instanceof Result r) {
            events.succeeded(event, nanos, StatementListeners.rowCount(r));
        } else if (ar.result() instanceof long[] counts) {
            events.succeeded(event, nanos, StatementListeners.rowCount(counts));
        } else {
            events.succeeded(event, nanos, -1); // a collector's value: the rows went to the caller, uncounted here
        }
    }

    private <T> Future<T> withTimeout(Future<T> answered, String sql, Runnable onTimeout) {
        return Stages.within(vertx, answered, timeoutMillis, () -> ErrorClassifier.classify(ER_QUERY_TIMEOUT, "HY000",
                "statement timed out after " + timeoutMillis + " ms (client-side query timeout)", sql, null), onTimeout);
    }

    @FunctionalInterface
    private interface Sending<T> {
        Future<T> send();
    }
}
