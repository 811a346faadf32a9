package io.matrixone.core.error;

/** Something the statement would create already exists (a snapshot, database, table, PITR ...). */
public class ObjectExistsException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    public ObjectExistsException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
