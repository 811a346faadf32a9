package io.matrixone.emulator.engine;

/** An error answer from the backing MariaDB, with its error number, SQLSTATE and message. */
public class BackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String sqlState;

    public BackendException(int errorCode, String sqlState, String message) {
        super(message);
        this.errorCode = errorCode;
        this.sqlState = sqlState;
    }

    public int errorCode() {
        return errorCode;
    }

    public String sqlState() {
        return sqlState;
    }
}
