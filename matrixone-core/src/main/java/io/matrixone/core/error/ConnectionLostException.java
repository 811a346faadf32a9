package io.matrixone.core.error;

/** The connection broke; whether the last statement ran is unknown. A transaction that was open on it is not committed. */
public class ConnectionLostException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
