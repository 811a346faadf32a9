package io.matrixone.core.error;

/**
 * The transaction lost a conflict and was rolled back by the server: write-write conflict (20619), "txn
 * need retry" (20628, 20631), CN rolling restart (20634), deadlock and lock-service errors (20701-20704,
 * 20706), lock wait timeouts (20709, 20710, 1205) or a MySQL-style deadlock (1213). Running the whole
 * transaction again may succeed; the lambda form of {@code transaction(...)} does that on its own.
 */
public class TransactionConflictException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    public TransactionConflictException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
