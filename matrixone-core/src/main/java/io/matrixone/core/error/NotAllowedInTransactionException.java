package io.matrixone.core.error;

/**
 * The statement cannot run inside an open transaction. Raised by the server (20101 "unclassified statement
 * appears in uncommitted transaction" or "administrative command is unsupported in transactions") or by
 * the SDK before sending it: {@code SET} (it commits the open transaction on MatrixOne up to 4.2.0),
 * transaction control statements, and snapshot-family SQL sent as raw text.
 */
public class NotAllowedInTransactionException extends StatementNotAllowedException {
    private static final long serialVersionUID = 1L;

    public NotAllowedInTransactionException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }

    /** Raised by the SDK itself, before anything was sent. */
    public NotAllowedInTransactionException(String message, String sql) {
        this(message, 0, null, sql, null);
    }
}
