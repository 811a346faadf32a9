package io.matrixone.client;

/**
 * A transaction body threw a checked exception; the transaction was rolled back and the exception is the
 * {@linkplain #getCause() cause}. Runtime exceptions and errors from a body are rethrown unchanged instead.
 */
public class TransactionBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransactionBodyException(Throwable cause) {
        super("the transaction body threw " + cause + "; the transaction was rolled back", cause);
    }
}
