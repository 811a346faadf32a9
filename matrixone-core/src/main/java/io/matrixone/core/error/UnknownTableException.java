package io.matrixone.core.error;

/** The table does not exist (error 1146, or MatrixOne's planner variant of 1064). */
public class UnknownTableException extends ObjectNotFoundException {
    private static final long serialVersionUID = 1L;

    public UnknownTableException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
