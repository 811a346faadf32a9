package io.matrixone.hibernate;

import jakarta.transaction.Synchronization;

import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;

/**
 * The {@code Transaction} a bound session hands out: it reports the MatrixOne transaction and lets ORM code mark it
 * rollback-only, but refuses to begin, commit or roll back with a message that names the owner. (Hibernate's own
 * transaction object would refuse too, through {@link BoundTransactionCoordinator}, but its {@code begin()} says
 * only "already active".)
 */
final class BoundTransaction implements Transaction {
    private final Transaction delegate;

    BoundTransaction(Transaction delegate) {
        this.delegate = delegate;
    }

    @Override
    public void begin() {
        throw Ownership.refused("Session.getTransaction().begin()");
    }

    @Override
    public void commit() {
        throw Ownership.refused("Session.getTransaction().commit()");
    }

    @Override
    public void rollback() {
        delegate.markRollbackOnly();
        throw Ownership.refusedRollback("Session.getTransaction().rollback()");
    }

    @Override
    public void setRollbackOnly() {
        delegate.setRollbackOnly();
    }

    @Override
    public void markRollbackOnly() {
        delegate.markRollbackOnly();
    }

    @Override
    public boolean getRollbackOnly() {
        return delegate.getRollbackOnly();
    }

    @Override
    public boolean isActive() {
        return delegate.isActive();
    }

    @Override
    public TransactionStatus getStatus() {
        return delegate.getStatus();
    }

    @Override
    public void registerSynchronization(Synchronization synchronization) {
        throw Ownership.synchronizationRefused();
    }

    @Override
    public void setTimeout(int seconds) {
        delegate.setTimeout(seconds);
    }

    @Override
    public void setTimeout(Integer seconds) {
        delegate.setTimeout(seconds);
    }

    @Override
    public Integer getTimeout() {
        return delegate.getTimeout();
    }

    @Override
    public String toString() {
        return "MatrixOne-owned transaction [" + getStatus() + "]";
    }
}
