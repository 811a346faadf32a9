package io.matrixone.core.error;

/** MatrixOne could not tell whether the commit happened (20638). Never retried: running the transaction again could apply it twice. */
public class CommitStatusUnknownException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    public CommitStatusUnknownException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
