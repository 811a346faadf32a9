package io.matrixone.core.error;

/**
 * A publication of that name already exists in this account. MatrixOne reports it as a duplicate key of its own
 * catalog (1062 on {@code (account_id, pub_name)}), also for {@code CREATE PUBLICATION IF NOT EXISTS}.
 */
public class PublicationExistsException extends ObjectExistsException {
    private static final long serialVersionUID = 1L;

    public PublicationExistsException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
