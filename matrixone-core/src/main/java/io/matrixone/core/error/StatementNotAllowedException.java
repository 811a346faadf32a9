package io.matrixone.core.error;

/**
 * The SDK refused a statement before sending it, because of where it was issued: {@code SET} or transaction
 * control on a pooled client, {@code LOAD DATA LOCAL INFILE} anywhere. Inside a transaction the refusal is a
 * {@link NotAllowedInTransactionException}, a subclass, which the server also raises for statements it refuses
 * there. Nothing was sent; the message says what to do instead. A server that asks for a client file in answer to
 * any statement gets nothing either; that refusal is this exception too, with error 2068.
 */
public class StatementNotAllowedException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    public StatementNotAllowedException(String message, int errorCode, String sqlState, String sql, Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
    }

    /** Raised by the SDK itself, before anything was sent; {@code sql} is already redacted. */
    public StatementNotAllowedException(String message, String sql) {
        this(message, 0, null, sql, null);
    }
}
