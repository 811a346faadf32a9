package io.matrixone.core.error;

/** No publication of that name exists (MatrixOne: 20101 {@code publication 'p' does not exist}). */
public class PublicationNotFoundException extends ObjectNotFoundException {
    private static final long serialVersionUID = 1L;

    public PublicationNotFoundException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }
}
