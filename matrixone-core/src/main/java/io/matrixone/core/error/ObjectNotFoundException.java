package io.matrixone.core.error;

/** Something the statement names does not exist (a snapshot, database, table, PITR ...). */
public class ObjectNotFoundException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    public ObjectNotFoundException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
