package io.matrixone.spring.boot.hibernate;

import io.matrixone.client.Transaction;

import java.util.function.Supplier;

import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;
import org.hibernate.resource.transaction.backend.jdbc.internal.JdbcResourceLocalTransactionCoordinatorBuilderImpl;
import org.hibernate.resource.transaction.spi.TransactionCoordinator;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorOwner;

/**
 * Hibernate's transaction strategy for Boot's JPA under {@code MatrixOneTransactionManager}: a session opened
 * inside a MatrixOne transaction (an {@code EntityManager} Spring creates for a {@code @Transactional} method) gets
 * a coordinator that reports that transaction as active and never begins, commits or rolls back; every other
 * session gets Hibernate's standard JDBC transactions, so an {@code EntityManager} opened outside and used inside
 * a transaction fails loudly on flush ("no transaction is in progress") rather than writing in autocommit mode.
 *
 * <p>Reporting the transaction as active is what makes Hibernate flush before its queries and accept writes
 * without {@code hibernate.allow_update_outside_transaction}.
 */
public final class SpringTransactionCoordinatorBuilder implements TransactionCoordinatorBuilder {
    private static final long serialVersionUID = 1L;

    private final transient TransactionCoordinatorBuilder standard = JdbcResourceLocalTransactionCoordinatorBuilderImpl.INSTANCE;
    private final transient Supplier<Transaction> current;

    /** {@code current} gives the MatrixOne transaction of the thread's Spring transaction, or {@code null}. */
    public SpringTransactionCoordinatorBuilder(Supplier<Transaction> current) {
        this.current = current;
    }

    @Override
    public TransactionCoordinator buildTransactionCoordinator(TransactionCoordinatorOwner owner, Options options) {
        TransactionCoordinator standardCoordinator = standard.buildTransactionCoordinator(owner, options);
        Transaction tx = current.get();
        return tx == null ? standardCoordinator : new SpringBoundCoordinator(this, owner, standardCoordinator, tx);
    }

    @Override
    public boolean isJta() {
        return false;
    }

    @Override
    public PhysicalConnectionHandlingMode getDefaultConnectionHandlingMode() {
        return standard.getDefaultConnectionHandlingMode();
    }
}
