package io.matrixone.async.internal;

import io.matrixone.core.result.Row;
import io.vertx.core.Future;

import java.util.function.Consumer;
import java.util.stream.Collector;

/**
 * A collector that hands each row to a consumer and counts, for {@code stream(..)}. If the consumer throws,
 * the remaining rows are still read off the wire (the protocol has no way to stop a result half-way) but no
 * longer handed on, and the stage fails with the consumer's exception once the result ended.
 */
final class RowCounting {
    private long count;
    private Throwable failure;

    private RowCounting() {
    }

    static Collector<Row, RowCounting, RowCounting> feeding(Consumer<Row> consumer) {
        return Collector.of(RowCounting::new, (acc, row) -> acc.accept(consumer, row), (a, b) -> {
            throw new UnsupportedOperationException("rows are decoded sequentially");
        });
    }

    private void accept(Consumer<Row> consumer, Row row) {
        if (failure != null) {
            return;
        }
        try {
            consumer.accept(row);
            count++;
        } catch (Throwable e) { // never into the driver's decoder
            failure = e;
        }
    }

    /** The rows handed on, or the consumer's exception if it threw. */
    static Future<Long> result(RowCounting acc) {
        return acc.failure != null ? Future.failedFuture(acc.failure) : Future.succeededFuture(acc.count);
    }
}
