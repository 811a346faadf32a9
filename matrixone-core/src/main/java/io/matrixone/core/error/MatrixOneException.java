package io.matrixone.core.error;

/**
 * Root of every exception the SDK throws for a database failure. Unchecked, and carries what a caller
 * needs to decide: the server's error number (MatrixOne answers SQLSTATE {@code HY000} for most errors, so
 * the number is what tells errors apart), the SQLSTATE, and the SQL with literals redacted.
 *
 * <p>Subclasses say what went wrong ({@link SnapshotNotFoundException}, {@link TransactionConflictException}
 * ...); {@code io.matrixone.core.internal.error.ErrorClassifier} is the one place that picks them.
 */
public class MatrixOneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String sqlState;
    private final String sql;

    /**
     * @param message   the server's message, or the SDK's when raised client-side
     * @param errorCode the server error number; 0 when raised client-side
     * @param sqlState  the SQLSTATE, or {@code null}
     * @param sql       the statement, already redacted (see {@code io.matrixone.core.internal.sql.SqlRedactor}), or {@code null}
     * @param cause     the driver's exception, or {@code null}
     */
    public MatrixOneException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.sqlState = sqlState;
        this.sql = sql;
    }

    public MatrixOneException(String message) {
        this(message, 0, null, null, null);
    }

    public MatrixOneException(String message, Throwable cause) {
        this(message, 0, null, null, cause);
    }

    /** The server's error number (e.g. 20101, 1062); 0 when the SDK raised the error itself. */
    public int errorCode() {
        return errorCode;
    }

    /**
     * The SQLSTATE as the driver reports it, or {@code null}. MatrixOne sends {@code HY000} for almost every error
     * (1045 comes as {@code 28000}); the async client passes that on, while the sync client's driver (Connector/J)
     * replaces it from its own table by error number (1062 becomes {@code 23000}, 1146 {@code 42S02}). Tell errors
     * apart by {@link #errorCode()} or by the exception type, which are the same on both clients.
     */
    public String sqlState() {
        return sqlState;
    }

    /** The failed statement with string literals masked, or {@code null}. Never contains a password. */
    public String sql() {
        return sql;
    }

    /** The server's message without the SDK's decorations. */
    public String serverMessage() {
        return super.getMessage();
    }

    /**
     * Whether running the whole transaction again may succeed. True only for MatrixOne's
     * "retry the whole transaction" codes; never for 20638 (commit status unknown).
     */
    public boolean isRetryable() {
        return false;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(String.valueOf(super.getMessage()));
        if (errorCode != 0 || sqlState != null) {
            sb.append(" [error ").append(errorCode);
            if (sqlState != null) {
                sb.append(", SQLSTATE ").append(sqlState);
            }
            sb.append(']');
        }
        if (sql != null) {
            sb.append(" in: ").append(sql);
        }
        return sb.toString();
    }
}
