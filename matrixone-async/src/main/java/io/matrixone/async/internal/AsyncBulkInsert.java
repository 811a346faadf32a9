package io.matrixone.async.internal;

import io.matrixone.async.AsyncTransaction;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkMethod;
import io.matrixone.core.bulk.BulkProgress;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.dialect.BulkSql;
import io.matrixone.core.result.Result;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A bulk insert on an async transaction: multi-row {@code INSERT ... VALUES (?, ?), (?, ?) ...} statements of
 * {@code batchSize} rows, up to {@value #WINDOW} of them pipelined on the transaction's connection (Vert.x sends
 * the next while the server works on the previous). Vert.x has no {@code LOAD DATA LOCAL INFILE}, so
 * {@link BulkMethod#LOAD_DATA} is refused and {@link BulkMethod#AUTO} means INSERT.
 *
 * <p>Rows are pulled from the caller's iterator only when a batch is built (at most {@value #WINDOW} batches in
 * memory), under this object's lock: first on the calling thread, then on the transaction's context as batches
 * complete. Progress is reported in batch order on the transaction's context. A failure (a bad row, a server
 * error, a throwing progress callback) marks the transaction rollback-only and fails the stage once the batches
 * already sent have answered.
 */
public final class AsyncBulkInsert {
    /** Batches in flight on the connection at once. */
    static final int WINDOW = 4;

    private final AsyncTransaction tx;
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
    private Throwable failure;
    private boolean finished;

    private AsyncBulkInsert(AsyncTransaction tx, BulkInsert spec) {
        this.tx = tx;
        this.spec = spec;
        this.rows = spec.rowIterator();
        this.batchSize = spec.batchSize(BulkMethod.INSERT);
        this.width = spec.columns().size();
        this.fullBatchSql = BulkSql.insertRows(spec.database(), spec.table(), spec.columns(), batchSize);
    }

    /** Runs {@code spec} on {@code tx}. */
    public static CompletionStage<BulkResult> run(AsyncTransaction tx, BulkInsert spec) {
        try {
            spec.validate();
            if (spec.method() == BulkMethod.LOAD_DATA) {
                throw new UnsupportedOperationException("LOAD DATA LOCAL INFILE is not available on the async client "
                        + "(the Vert.x MySQL client does not implement it); use BulkMethod.INSERT or AUTO, or the sync "
                        + "client's bulkInsert");
            }
            if ((long) spec.batchSize(BulkMethod.INSERT) * spec.columns().size() > 65_535) {
                throw new IllegalArgumentException("batchSize x columns exceeds the 65,535 placeholders of one "
                        + "prepared statement; use a smaller batchSize");
            }
        } catch (RuntimeException e) {
            spec.closeRows();
            return CompletableFuture.failedFuture(e);
        }
        AsyncBulkInsert insert = new AsyncBulkInsert(tx, spec);
        insert.pump();
        return insert.done;
    }

    /** Sends batches while the window has room and rows are left; finishes when all have answered. */
    private synchronized void pump() {
        while (failure == null && inFlight < WINDOW && rows.hasNext()) {
            Object[] params = new Object[batchSize * width];
            int n = 0;
            try {
                while (n < batchSize && rows.hasNext()) {
                    Object[] values = spec.values(rows.next(), pulled++);
                    System.arraycopy(values, 0, params, n * width, width);
                    n++;
                }
            } catch (RuntimeException e) {
                fail(e);
                break;
            }
            String sql = fullBatchSql;
            if (n < batchSize) {
                Object[] shorter = new Object[n * width];
                System.arraycopy(params, 0, shorter, 0, shorter.length);
                params = shorter;
                sql = BulkSql.insertRows(spec.database(), spec.table(), spec.columns(), n);
            }
            inFlight++;
            int sent = n;
            tx.execute(sql, params).whenComplete((r, e) -> answered(sent, r, e));
        }
        settle();
    }

    private synchronized void answered(int n, Result result, Throwable error) {
        inFlight--;
        if (error != null) {
            fail(error);
        } else if (failure == null) {
            inserted += n;
            batches++;
            try {
                spec.progress().accept(new BulkProgress(inserted, batches, elapsed(), false));
            } catch (RuntimeException e) {
                fail(e);
            }
        }
        pump();
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

    /** Completes the stage once nothing is in flight and either everything was sent or something failed. */
    private void settle() {
        if (finished || inFlight > 0 || (failure == null && rows.hasNext())) {
            return;
        }
        finished = true;
        spec.closeRows();
        if (failure != null) {
            done.completeExceptionally(failure);
            return;
        }
        Duration elapsed = elapsed();
        try {
            spec.progress().accept(new BulkProgress(inserted, batches, elapsed, true));
        } catch (RuntimeException e) {
            fail(e);
            done.completeExceptionally(failure);
            return;
        }
        done.complete(new BulkResult(inserted, batches, elapsed, BulkMethod.INSERT));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
