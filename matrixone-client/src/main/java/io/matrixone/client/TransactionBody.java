package io.matrixone.client;

/**
 * The body of {@link MatrixOneClient#transaction(TransactionBody)}: it receives the transaction and may throw
 * anything. A normal return commits; any throwable rolls back. The body may run more than once (on a
 * MatrixOne conflict the whole transaction is retried), so it must not have effects outside the transaction
 * that cannot be repeated. Use the {@link Transaction} it is handed, not a captured one.
 *
 * @param <T> the value the transaction returns
 */
@FunctionalInterface
public interface TransactionBody<T> {
    T run(Transaction tx) throws Exception;
}
