package io.matrixone.hibernate;

import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionDelegatorBaseImpl;
import org.hibernate.engine.spi.SessionImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Hibernate session on a MatrixOne transaction's connection, as {@code tx.orm(..)} hands it out. It is a full
 * {@code Session} (Hibernate's own delegating base class), except that ORM code cannot begin, commit or roll back
 * a transaction on it and that {@code close()} is left to the SDK, which discards the session when the
 * transaction ends. The transaction rules themselves live in {@link BoundTransactionCoordinator}, so they also
 * hold for the unwrapped session.
 */
@SuppressWarnings("unchecked") // raw types inherited from Hibernate's delegator (createNativeQuery)
final class BoundSession extends SessionDelegatorBaseImpl {
    private static final Logger log = LoggerFactory.getLogger(BoundSession.class);

    private final BoundTransactionCoordinator coordinator;
    private final BoundTransaction transaction;

    BoundSession(SessionImplementor delegate, BoundTransactionCoordinator coordinator) {
        super(delegate);
        this.coordinator = coordinator;
        this.transaction = new BoundTransaction(delegate.getTransaction());
    }

    @Override
    public Transaction beginTransaction() {
        throw Ownership.refused("Session.beginTransaction()");
    }

    @Override
    public Transaction getTransaction() {
        return transaction;
    }

    /** Ignored: the SDK closes the session when the transaction ends, after its last flush. */
    @Override
    public void close() {
        log.debug("Session.close() ignored: the MatrixOne transaction closes its ORM session when it ends");
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : super.unwrap(type);
    }

    /**
     * Sends pending changes if there are any, on behalf of the SDK (before a raw statement, before COMMIT).
     *
     * @throws jakarta.persistence.RollbackException when ORM code marked the transaction rollback-only
     */
    void flushIfDirty() {
        if (!delegate.isOpen()) {
            return;
        }
        coordinator.checkNotRollbackOnly();
        if (delegate.isDirty()) {
            delegate.flush();
        }
    }

    /**
     * Forgets every entity and closes the session for good, once the transaction has ended. Closing a session on a
     * supplied connection releases its statements only: it neither commits, rolls back nor closes the connection.
     */
    void discard() {
        coordinator.ended();
        if (delegate.isOpen()) {
            delegate.clear();
            delegate.close();
        }
    }

    @Override
    public String toString() {
        return "MatrixOne-bound " + delegate;
    }
}
