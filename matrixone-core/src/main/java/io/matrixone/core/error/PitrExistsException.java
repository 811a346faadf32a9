package io.matrixone.core.error;

/** A PITR of that name, or one for that object, already exists. */
public class PitrExistsException extends ObjectExistsException {
    private static final long serialVersionUID = 1L;

    public PitrExistsException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
