package io.matrixone.client;

/**
 * Opens an ORM session on a transaction's own connection, so that ORM writes, raw SQL and MatrixOne
 * operations share one database transaction. {@code matrixone-hibernate} implements it for Hibernate; a
 * {@link Transaction} calls it through {@link Transaction#orm(OrmBinding)}.
 *
 * <p>The transaction owns the connection and its transaction: a session must never begin, commit or roll
 * back on its own, nor close the connection.
 *
 * @param <S> the session type, e.g. {@code org.hibernate.Session}
 */
public interface OrmBinding<S> {

    /** Opens a session on {@code context.connection()}. Called at most once per transaction and binding. */
    S open(TransactionContext context);

    /** Sends the session's pending changes; called before each raw statement of the transaction and before COMMIT. */
    void flush(S session);

    /**
     * Discards the session once the transaction ended (committed, rolled back or failed). Must not touch the
     * connection's transaction. Called exactly once per opened session.
     */
    void close(S session);
}
