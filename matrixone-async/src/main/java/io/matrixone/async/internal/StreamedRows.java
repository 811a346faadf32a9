package io.matrixone.async.internal;

import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.vertx.core.Future;

import java.util.function.Consumer;
import java.util.stream.Collector;

/**
 * What {@code stream(..)} hands a consumer: each Vert.x row as it is decoded, as a view ({@link Row}) that reads it in
 * place and is valid until the callback returns, as the sync client's stream does; {@code detach()} keeps one. No
 * values are copied for a row the consumer only glances at. Counts the rows handed on. If the consumer throws, the
 * remaining rows are still read off the wire (the protocol has no way to stop a result half-way) but no longer
 * handed on, and the stage fails with the consumer's exception once the result ended.
 */
final class StreamedRows implements Row.Source {
    private final Consumer<Row> consumer;
    private Result.Builder columns;
    private io.vertx.sqlclient.Row current;
    /** The number of the row being handed on, from 1; -1 once the result ended (every view is stale then). */
    private long position;
    private long count;
    private Throwable failure;

    private StreamedRows(Consumer<Row> consumer) {
        this.consumer = consumer;
    }

    static Collector<io.vertx.sqlclient.Row, StreamedRows, StreamedRows> feeding(Consumer<Row> consumer) {
        return Collector.of(() -> new StreamedRows(consumer), StreamedRows::accept, (a, b) -> {
            throw new UnsupportedOperationException("rows are decoded sequentially");
        });
    }

    private void accept(io.vertx.sqlclient.Row row) {
        if (failure != null) {
            return;
        }
        if (columns == null) {
            columns = Rows.builder(row);
        }
        current = row;
        position++;
        try {
            consumer.accept(columns.view(this, position));
            count++;
        } catch (Throwable e) { // never into the driver's decoder
            failure = e;
        }
    }

    /** The rows handed on, or the consumer's exception if it threw; views kept past their callback go stale. */
    static Future<Long> result(StreamedRows acc) {
        acc.position = -1;
        acc.current = null;
        return acc.failure != null ? Future.failedFuture(acc.failure) : Future.succeededFuture(acc.count);
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public Object value(int index) {
        return Rows.value(current.getValue(index));
    }

    // Vert.x has decoded every value into an object already: nothing is cheaper to read in place than value(i)
    @Override
    public boolean readsLong(int index) {
        return false;
    }

    @Override
    public Long longValue(int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean readsString(int index) {
        return false;
    }

    @Override
    public String stringValue(int index) {
        throw new UnsupportedOperationException();
    }
}
