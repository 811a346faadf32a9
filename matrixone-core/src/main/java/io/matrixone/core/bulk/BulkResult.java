package io.matrixone.core.bulk;

import java.time.Duration;

/**
 * What a bulk insert did.
 *
 * @param rows    rows inserted
 * @param batches statements that carried rows: LOAD DATA statements or multi-row INSERTs, and for
 *                {@link BulkMethod#STAGED} the final INSERT ... SELECT
 * @param elapsed wall-clock time of the whole insert
 * @param method  the mechanism actually used ({@link BulkMethod#LOAD_DATA}, {@link BulkMethod#STAGED} or
 *                {@link BulkMethod#INSERT})
 */
public record BulkResult(long rows, long batches, Duration elapsed, BulkMethod method) {

    /** Rows per second over the whole insert. */
    public double rowsPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : rows * 1e9 / nanos;
    }
}
