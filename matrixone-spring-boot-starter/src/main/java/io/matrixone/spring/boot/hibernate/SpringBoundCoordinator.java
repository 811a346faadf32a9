package io.matrixone.spring.boot.hibernate;

import io.matrixone.client.Transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hibernate's view of the MatrixOne transaction of a Spring transaction: active while the SDK transaction is, never
 * begun, committed or rolled back by Hibernate. {@code setRollbackOnly()} from ORM code marks the SDK transaction
 * rollback-only. Hibernate's local synchronizations are run by Spring's at completion. Not thread-safe, like the
 * session it belongs to.
 */
final class SpringBoundCoordinator implements TransactionCoordinator {
    private static final String OWNED = "the MatrixOne transaction of the Spring transaction owns begin, commit and "
            + "rollback: end the @Transactional method (or throw to roll back) instead";

    private final TransactionCoordinatorBuilder builder;
    private final TransactionCoordinatorOwner owner;
    private final TransactionCoordinator isolation;
    private final Transaction tx;
    private final Driver driver = new Driver();
    private final List<TransactionObserver> observers = new ArrayList<>(2);
    private boolean markedRollback;
    private int timeOut = -1;

    SpringBoundCoordinator(TransactionCoordinatorBuilder builder, TransactionCoordinatorOwner owner,
                           TransactionCoordinator isolation, Transaction tx) {
        this.builder = builder;
        this.owner = owner;
        this.isolation = isolation;
        this.tx = tx;
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
        return SpringBoundCoordinator::register;
    }

    /** Hibernate's synchronization, run by Spring's transaction at completion. */
    private static void register(Synchronization sync) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCompletion() {
                sync.beforeCompletion();
            }

            @Override
            public void afterCompletion(int status) {
                sync.afterCompletion(status == STATUS_COMMITTED ? Status.STATUS_COMMITTED
                        : status == STATUS_ROLLED_BACK ? Status.STATUS_ROLLEDBACK : Status.STATUS_UNKNOWN);
            }
        });
    }

    @Override
    public JpaCompliance getJpaCompliance() {
        return owner.getJdbcSessionOwner().getJdbcSessionContext().getJpaCompliance();
    }

    @Override
    public void explicitJoin() {
        // joined from the start
    }

    @Override
    public boolean isJoined() {
        return driver.isActive();
    }

    @Override
    public void pulse() {
        // the state changes only through the SDK transaction
    }

    @Override
    public boolean isActive() {
        return owner.isActive();
    }

    @Override
    public IsolationDelegate createIsolationDelegate() {
        return isolation.createIsolationDelegate(); // isolated work gets a connection of its own
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

    /** Behind {@code org.hibernate.Transaction} and JPA's {@code EntityTransaction}: reports, never ends. */
    private final class Driver implements TransactionDriver {
        @Override
        public void begin() {
            throw new IllegalStateException("Beginning a Hibernate transaction is refused: " + OWNED);
        }

        @Override
        public void commit() {
            throw new IllegalStateException("Committing a Hibernate transaction is refused: " + OWNED);
        }

        @Override
        public void rollback() {
            markRollbackOnly();
            throw new IllegalStateException("Rolling back a Hibernate transaction is refused (the transaction is now "
                    + "rollback-only): " + OWNED);
        }

        @Override
        public TransactionStatus getStatus() {
            if (!tx.isActive()) {
                return TransactionStatus.NOT_ACTIVE; // ended: closing the session closes it at once
            }
            return markedRollback ? TransactionStatus.MARKED_ROLLBACK : TransactionStatus.ACTIVE;
        }

        @Override
        public void markRollbackOnly() {
            if (tx.isActive() && !markedRollback) {
                markedRollback = true;
                tx.setRollbackOnly();
            }
        }
    }
}
