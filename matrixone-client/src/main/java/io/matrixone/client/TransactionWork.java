package io.matrixone.client;

/** A {@link TransactionBody} without a value, for {@link MatrixOneClient#inTransaction(TransactionWork)}. */
@FunctionalInterface
public interface TransactionWork {
    void run(Transaction tx) throws Exception;
}
