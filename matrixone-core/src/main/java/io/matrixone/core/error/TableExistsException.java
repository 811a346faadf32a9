package io.matrixone.core.error;

/** The table already exists (error 1050). */
public class TableExistsException extends ObjectExistsException {
    private static final long serialVersionUID = 1L;

    public TableExistsException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
