package io.matrixone.core.bulk;

import java.time.Duration;

/**
 * Where a bulk insert stands after a batch the server has accepted. Reported after every batch, in order, from
 * the thread that runs the insert; the last report has {@code done == true} and the final counts.
 *
 * @param rows    rows the server has accepted so far (for {@link BulkMethod#STAGED}: rows staged; they reach the
 *                table with the last statement, before the final report)
 * @param batches batches (statements) sent so far
 * @param elapsed time since the insert started
 * @param done    whether this is the final report
 */
public record BulkProgress(long rows, long batches, Duration elapsed, boolean done) {

    /** Rows per second so far (0 before any time has passed). */
    public double rowsPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : rows * 1e9 / nanos;
    }
}
