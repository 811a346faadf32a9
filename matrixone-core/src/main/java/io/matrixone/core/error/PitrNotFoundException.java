package io.matrixone.core.error;

/** The named PITR does not exist. */
public class PitrNotFoundException extends ObjectNotFoundException {
    private static final long serialVersionUID = 1L;

    public PitrNotFoundException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
