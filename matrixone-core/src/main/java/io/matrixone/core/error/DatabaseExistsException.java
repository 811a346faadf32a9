package io.matrixone.core.error;

/** The database already exists (error 1007). */
public class DatabaseExistsException extends ObjectExistsException {
    private static final long serialVersionUID = 1L;

    public DatabaseExistsException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
