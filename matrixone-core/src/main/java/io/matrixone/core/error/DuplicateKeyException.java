package io.matrixone.core.error;

/** A unique or primary key would be duplicated (error 1062; MatrixOne sends SQLSTATE HY000, the sync client's driver reports 23000). */
public class DuplicateKeyException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
