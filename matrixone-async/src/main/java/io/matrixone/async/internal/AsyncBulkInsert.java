package io.matrixone.async.internal;

import io.matrixone.async.AsyncTransaction;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkMethod;
import io.matrixone.core.bulk.BulkProgress;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.internal.sql.BulkSql;
import io.matrixone.core.result.Result;
import io.vertx.core.Context;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A bulk insert on an async transaction: multi-row {@code INSERT ... VALUES (?, ?), (?, ?) ...} statements of
 * {@code batchSize} rows, queued on the transaction's connection and sent one after another. Vert.x has no
 * {@code LOAD DATA LOCAL INFILE}, so {@link BulkMethod#LOAD_DATA} and {@link BulkMethod#STAGED} are refused and
 * {@link BulkMethod#AUTO} means INSERT.
 *
 * <p>The caller's rows and progress callback are the caller's code, which may block (a stream over a file, a
 * cursor, a callback that logs): they run on a Vert.x worker, never on the event loop, one call at a time and in
 * order (ordered {@code executeBlocking} on the transaction's context). The next batch is read while the previous
 * one is on the wire; at most {@value #WINDOW} batches are in memory. Progress is reported in batch order. A failure
 * (a bad row, a server error, a throwing callback) marks the transaction rollback-only and fails the stage, on the
 * transaction's context, once the batches already sent have answered.
 */
public final class AsyncBulkInsert {
    /** Batches read ahead or in flight at once. */
    static final int WINDOW = 2;

    private final AsyncTransaction tx;
    private final Context context;
    private final BulkInsert spec;
    private final Iterator<?> rows;
    private final int batchSize;
    private final int width;
    private final String fullBatchSql;
    private final long start = System.nanoTime();
    private final CompletableFuture<BulkResult> done = new CompletableFuture<>();
    private long pulled;
    private long inserted;
    private long batches;
    private int inFlight;
    private boolean reading;
    private boolean exhausted;
    private Throwable failure;
    private boolean finished;

    private AsyncBulkInsert(AsyncTransaction tx, Context context, BulkInsert spec) {
        this.tx = tx;
        this.context = context;
        this.spec = spec;
        this.rows = spec.rowIterator();
        this.batchSize = spec.batchSize(BulkMethod.INSERT);
        this.width = spec.columns().size();
        this.fullBatchSql = BulkSql.insertRows(spec.database(), spec.table(), spec.columns(), batchSize);
    }

    /** Runs {@code spec} on {@code tx}, whose statements run on {@code context}. */
    public static CompletionStage<BulkResult> run(AsyncTransaction tx, Context context, BulkInsert spec) {
        try {
            spec.validate();
            if (spec.method().streams()) {
                throw new UnsupportedOperationException("BulkMethod." + spec.method() + " needs LOAD DATA LOCAL INFILE, "
                        + "which is not available on the async client (the Vert.x MySQL client does not implement it); "
                        + "use BulkMethod.INSERT or AUTO, or the sync client's bulkInsert");
            }
            if ((long) spec.batchSize(BulkMethod.INSERT) * spec.columns().size() > 65_535) {
                throw new IllegalArgumentException("batchSize x columns exceeds the 65,535 placeholders of one "
                        + "prepared statement; use a smaller batchSize");
            }
        } catch (RuntimeException e) {
            spec.closeRows();
            return CompletableFuture.failedFuture(e);
        }
        AsyncBulkInsert insert = new AsyncBulkInsert(tx, context, spec);
        insert.pump();
        return insert.done;
    }

    /** One batch read from the caller's rows; {@code last} when no row is left after it. */
    private record Batch(Object[] params, int rows, boolean last) {
    }

    /** Reads the next batch on a worker when the window has room; settles when there is nothing left to do. */
    private synchronized void pump() {
        if (failure == null && !reading && !exhausted && inFlight < WINDOW) {
            reading = true;
            context.<Batch>executeBlocking(this::read, true).onComplete(ar -> read(ar.result(), ar.cause()));
        }
        settle();
    }

    /** On the worker: the caller's iterator, one batch. */
    private Batch read() {
        Object[] params = new Object[batchSize * width];
        int n = 0;
        while (n < batchSize && rows.hasNext()) {
            Object[] values = spec.values(rows.next(), pulled++);
            System.arraycopy(values, 0, params, n * width, width);
            n++;
        }
        boolean last = !rows.hasNext();
        if (n < batchSize) {
            Object[] shorter = new Object[n * width];
            System.arraycopy(params, 0, shorter, 0, shorter.length);
            params = shorter;
        }
        return new Batch(params, n, last);
    }

    private synchronized void read(Batch batch, Throwable error) {
        reading = false;
        if (error != null) {
            fail(error);
        } else {
            exhausted = batch.last();
            if (failure == null && batch.rows() > 0) {
                String sql = batch.rows() == batchSize ? fullBatchSql
                        : BulkSql.insertRows(spec.database(), spec.table(), spec.columns(), batch.rows());
                inFlight++;
                tx.execute(sql, batch.params()).whenComplete((r, e) -> answered(batch.rows(), r, e));
            }
        }
        pump();
    }

    private synchronized void answered(int n, Result result, Throwable error) {
        inFlight--;
        if (error != null) {
            fail(error);
        } else if (failure == null) {
            inserted += n;
            batches++;
            report(new BulkProgress(inserted, batches, elapsed(), false));
        }
        pump();
    }

    /** On the worker, after the reads queued before it: the caller's progress callback. */
    private void report(BulkProgress progress) {
        context.executeBlocking(() -> {
            spec.progress().accept(progress);
            return null;
        }, true).onFailure(e -> {
            synchronized (this) {
                fail(e);
                pump();
            }
        });
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            try {
                tx.setRollbackOnly();
            } catch (RuntimeException ignored) {
                // the transaction already ended; the failure is reported anyway
            }
        }
    }

    /**
     * Once nothing is read or in flight and either every row was sent or something failed: closes the rows and
     * sends the final report on the worker (after every report before it), then completes the stage on the
     * transaction's context.
     */
    private void settle() {
        if (finished || reading || inFlight > 0 || (failure == null && !exhausted)) {
            return;
        }
        finished = true;
        Throwable failed = failure;
        long rowsDone = inserted;
        long batchesDone = batches;
        context.<BulkResult>executeBlocking(() -> {
            spec.closeRows();
            if (failed != null) {
                throw failed instanceof Exception ex ? ex : new RuntimeException(failed);
            }
            Duration elapsed = elapsed();
            spec.progress().accept(new BulkProgress(rowsDone, batchesDone, elapsed, true));
            return new BulkResult(rowsDone, batchesDone, elapsed, BulkMethod.INSERT);
        }, true).onComplete(ar -> context.runOnContext(v -> {
            if (ar.succeeded()) {
                done.complete(ar.result());
            } else {
                Throwable e = failed != null ? failed : ar.cause();
                if (failed == null) {
                    fail(e);
                }
                done.completeExceptionally(e);
            }
        }));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
