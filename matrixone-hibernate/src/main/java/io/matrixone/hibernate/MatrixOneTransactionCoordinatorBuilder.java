package io.matrixone.hibernate;

import java.sql.Connection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.hibernate.FlushMode;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.resource.jdbc.spi.LogicalConnectionImplementor;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;
import org.hibernate.resource.transaction.backend.jdbc.internal.JdbcResourceLocalTransactionCoordinatorBuilderImpl;
import org.hibernate.resource.transaction.spi.TransactionCoordinator;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorOwner;

/**
 * The transaction strategy ({@value org.hibernate.cfg.TransactionSettings#TRANSACTION_COORDINATOR_STRATEGY}) that
 * lets a {@code SessionFactory} open sessions bound to a MatrixOne transaction. {@link MatrixOneHibernate#configure}
 * installs it; name it yourself only when bootstrapping through JPA ({@code persistence.xml}):
 * <pre>{@code <property name="hibernate.transaction.coordinator_class"
 *           value="io.matrixone.hibernate.MatrixOneTransactionCoordinatorBuilder"/>}</pre>
 *
 * <p>Sessions the binding opens get a coordinator that reports the MatrixOne transaction as active and refuses
 * to begin, commit or roll back. Every other session of the factory (plain {@code openSession()} on a
 * {@code DataSource}) gets Hibernate's standard JDBC transactions, unchanged. Thread-safe; one instance per
 * factory.
 */
public final class MatrixOneTransactionCoordinatorBuilder implements TransactionCoordinatorBuilder {
    private final TransactionCoordinatorBuilder standard = JdbcResourceLocalTransactionCoordinatorBuilderImpl.INSTANCE;

    /** Connections a bound session is being opened on, right now; Hibernate builds the coordinator meanwhile. */
    private final Set<Connection> binding = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /** Used by Hibernate when the strategy is named by class. */
    public MatrixOneTransactionCoordinatorBuilder() {
    }

    @Override
    public TransactionCoordinator buildTransactionCoordinator(TransactionCoordinatorOwner owner, Options options) {
        TransactionCoordinator standardCoordinator = standard.buildTransactionCoordinator(owner, options);
        return isBeingBound(owner) ? new BoundTransactionCoordinator(this, owner, standardCoordinator)
                : standardCoordinator;
    }

    private boolean isBeingBound(TransactionCoordinatorOwner owner) {
        if (binding.isEmpty() || !(owner instanceof JdbcCoordinator jdbc)) {
            return false;
        }
        LogicalConnectionImplementor logical = jdbc.getLogicalConnection();
        // checked first: asking a pooled logical connection for its physical one would borrow a connection
        return logical.isPhysicallyConnected() && binding.contains(logical.getPhysicalConnection());
    }

    /**
     * Opens a session of {@code factory} on {@code connection} whose coordinator is a
     * {@link BoundTransactionCoordinator}. Flush mode AUTO: ORM queries see the session's own pending changes;
     * the SDK flushes before raw statements and COMMIT.
     */
    SessionImplementor openBound(SessionFactoryImplementor factory, Connection connection) {
        binding.add(connection);
        try {
            return factory.withOptions()
                    .connection(connection)
                    .flushMode(FlushMode.AUTO)
                    .openSession();
        } finally {
            binding.remove(connection);
        }
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
