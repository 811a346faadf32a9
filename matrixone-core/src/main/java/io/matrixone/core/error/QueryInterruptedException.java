package io.matrixone.core.error;

/** The statement was killed or ran past its time limit (1317, 3024, or the client's query timeout). */
public class QueryInterruptedException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    public QueryInterruptedException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
