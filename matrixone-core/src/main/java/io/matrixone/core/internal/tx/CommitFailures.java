package io.matrixone.core.internal.tx;

import io.matrixone.core.error.CommitStatusUnknownException;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.QueryInterruptedException;

/**
 * What a failed COMMIT means for the caller. A COMMIT the server answered with an error did not commit. A COMMIT
 * whose answer never came (the connection was lost, or the client stopped waiting) may have committed: against a
 * server that dropped the connection right after COMMIT the rows were there every time. That outcome is unknown
 * and is reported as such: never retried (running the transaction again could apply it twice), and no
 * after-commit step runs.
 */
public final class CommitFailures {
    private CommitFailures() {
    }

    /** The exception to report for a COMMIT that failed with {@code error}. */
    public static RuntimeException classify(RuntimeException error) {
        if (error instanceof CommitStatusUnknownException || !(error instanceof MatrixOneException m)) {
            return error;
        }
        String why;
        if (m instanceof ConnectionLostException) {
            why = "the connection was lost";
        } else if (m instanceof QueryInterruptedException) {
            why = "it was interrupted or timed out";
        } else {
            return error;
        }
        return new CommitStatusUnknownException("COMMIT was sent but its answer was lost (" + why + "): the "
                + "transaction may or may not have committed. Check the data before running it again; no after-commit "
                + "step ran", m.errorCode(), m.sqlState(), "COMMIT", m);
    }
}
