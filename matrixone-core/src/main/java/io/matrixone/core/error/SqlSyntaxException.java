package io.matrixone.core.error;

/** The server could not parse the statement (error 1064 or 1149). */
public class SqlSyntaxException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    public SqlSyntaxException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
