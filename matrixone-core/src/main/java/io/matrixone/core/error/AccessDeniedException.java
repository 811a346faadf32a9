package io.matrixone.core.error;

/** Login refused or privilege missing (1045, 1044, 1142, or 20101 "do not have privilege"). */
public class AccessDeniedException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
