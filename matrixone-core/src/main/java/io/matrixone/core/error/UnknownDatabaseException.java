package io.matrixone.core.error;

/** The database does not exist (error 1049). */
public class UnknownDatabaseException extends ObjectNotFoundException {
    private static final long serialVersionUID = 1L;

    public UnknownDatabaseException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
