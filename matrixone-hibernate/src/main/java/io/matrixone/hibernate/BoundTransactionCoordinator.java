package io.matrixone.hibernate;

import jakarta.persistence.RollbackException;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.jpa.spi.JpaCompliance;
import org.hibernate.resource.transaction.spi.IsolationDelegate;
import org.hibernate.resource.transaction.spi.SynchronizationRegistry;
import org.hibernate.resource.transaction.spi.TransactionCoordinator;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorOwner;
import org.hibernate.resource.transaction.spi.TransactionObserver;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hibernate's view of a MatrixOne transaction: active from the moment the session is opened until the SDK
 * discards the session, but never begun, committed or rolled back by Hibernate.
 *
 * <p>Reporting the transaction as active matters: Hibernate only auto-flushes before a query, takes pessimistic
 * locks and allows writes when it believes a transaction is in progress. Every way ORM code can reach the
 * transaction ({@code Session.getTransaction()}, {@code unwrap(Session.class)}, {@code inTransaction(..)}, JPA's
 * {@code EntityTransaction}) ends in {@link Driver}, which refuses to begin, commit or roll back.
 *
 * <p>{@code setRollbackOnly()} dooms the MatrixOne transaction: the SDK's next flush (before a raw statement
 * or before COMMIT) fails, so the transaction rolls back. Not thread-safe, like the session it belongs to.
 */
final class BoundTransactionCoordinator implements TransactionCoordinator {
    private static final Logger log = LoggerFactory.getLogger(BoundTransactionCoordinator.class);

    private static final SynchronizationRegistry REFUSING_SYNCHRONIZATIONS = synchronization -> {
        throw Ownership.synchronizationRefused();
    };

    private final TransactionCoordinatorBuilder builder;
    private final TransactionCoordinatorOwner owner;
    /** Hibernate's standard coordinator for this session, used only for work isolated from the transaction. */
    private final TransactionCoordinator isolation;
    private final Driver driver = new Driver();
    private final List<TransactionObserver> observers = new ArrayList<>(2);
    private TransactionStatus status = TransactionStatus.ACTIVE;
    private int timeOut = -1;

    BoundTransactionCoordinator(TransactionCoordinatorBuilder builder, TransactionCoordinatorOwner owner,
                                TransactionCoordinator isolation) {
        this.builder = builder;
        this.owner = owner;
        this.isolation = isolation;
    }

    /**
     * Tells the session that its transaction has begun (interceptors, cache timestamps). Called once the session
     * is fully built: Hibernate builds the coordinator from inside the session's constructor.
     */
    void begun() {
        owner.startTransactionBoundary();
        owner.afterTransactionBegin();
        for (TransactionObserver observer : List.copyOf(observers)) {
            observer.afterBegin();
        }
    }

    /** Whether ORM code marked the transaction rollback-only. */
    boolean isRollbackOnly() {
        return status == TransactionStatus.MARKED_ROLLBACK;
    }

    /** Fails when ORM code marked the transaction rollback-only, so the SDK does not commit it. */
    void checkNotRollbackOnly() {
        if (isRollbackOnly()) {
            throw new RollbackException("The ORM session marked the MatrixOne transaction rollback-only"
                    + " (setRollbackOnly() or a failed ORM operation): it must roll back");
        }
    }

    /**
     * The MatrixOne transaction is over. From now on Hibernate sees no transaction, so that closing the session
     * closes it at once (the JPA bootstrap would otherwise defer the close to a completion that never comes).
     */
    void ended() {
        status = TransactionStatus.NOT_ACTIVE;
    }

    @Override
    public TransactionCoordinatorBuilder getTransactionCoordinatorBuilder() {
        return builder;
    }

    @Override
    public TransactionDriver getTransactionDriverControl() {
        return driver;
    }

    @Override
    public SynchronizationRegistry getLocalSynchronizations() {
        return REFUSING_SYNCHRONIZATIONS;
    }

    @Override
    public JpaCompliance getJpaCompliance() {
        return owner.getJdbcSessionOwner().getJdbcSessionContext().getJpaCompliance();
    }

    @Override
    public void explicitJoin() {
        // the session is joined to the MatrixOne transaction from the start
    }

    @Override
    public boolean isJoined() {
        return driver.isActive();
    }

    @Override
    public void pulse() {
        // nothing to synchronise with: the transaction's state changes only through the SDK
    }

    @Override
    public boolean isActive() {
        return owner.isActive();
    }

    @Override
    public IsolationDelegate createIsolationDelegate() {
        // isolated work (e.g. table-based id generators) runs on a connection of its own, outside the transaction
        return isolation.createIsolationDelegate();
    }

    @Override
    public void addObserver(TransactionObserver observer) {
        observers.add(observer);
    }

    @Override
    public void removeObserver(TransactionObserver observer) {
        observers.remove(observer);
    }

    @Override
    public void setTimeOut(int seconds) {
        this.timeOut = seconds;
    }

    @Override
    public int getTimeOut() {
        return timeOut;
    }

    /** The driver behind {@code org.hibernate.Transaction}: reports the MatrixOne transaction, never ends it. */
    private final class Driver implements TransactionDriver {
        @Override
        public void begin() {
            throw Ownership.refused("Beginning a Hibernate transaction");
        }

        @Override
        public void commit() {
            throw Ownership.refused("Transaction.commit()");
        }

        @Override
        public void rollback() {
            markRollbackOnly();
            throw Ownership.refusedRollback("Transaction.rollback()");
        }

        @Override
        public TransactionStatus getStatus() {
            return status;
        }

        @Override
        public void markRollbackOnly() {
            if (status == TransactionStatus.ACTIVE) {
                log.debug("ORM code marked the MatrixOne transaction rollback-only");
                status = TransactionStatus.MARKED_ROLLBACK;
            }
        }
    }
}
