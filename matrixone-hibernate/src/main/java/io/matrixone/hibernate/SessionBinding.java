package io.matrixone.hibernate;

import io.matrixone.client.OrmBinding;
import io.matrixone.client.TransactionContext;

import java.sql.Connection;
import java.util.Objects;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link OrmBinding} of one {@code SessionFactory}: opens, flushes and discards {@link BoundSession}s. */
final class SessionBinding implements OrmBinding<Session> {
    private static final Logger log = LoggerFactory.getLogger(SessionBinding.class);

    private final SessionFactoryImplementor factory;
    private final MatrixOneTransactionCoordinatorBuilder coordinators;

    private SessionBinding(SessionFactoryImplementor factory, MatrixOneTransactionCoordinatorBuilder coordinators) {
        this.factory = factory;
        this.coordinators = coordinators;
    }

    /**
     * The binding of {@code factory}, which must have been configured with {@link MatrixOneHibernate#configure} (or
     * its settings): without the MatrixOne transaction strategy Hibernate would drive the connection's transaction.
     */
    static SessionBinding of(org.hibernate.SessionFactory factory) {
        SessionFactoryImplementor implementor = Objects.requireNonNull(factory, "factory")
                .unwrap(SessionFactoryImplementor.class);
        TransactionCoordinatorBuilder strategy = implementor.getServiceRegistry()
                .requireService(TransactionCoordinatorBuilder.class);
        if (!(strategy instanceof MatrixOneTransactionCoordinatorBuilder coordinators)) {
            throw new IllegalArgumentException("This SessionFactory cannot be bound to MatrixOne transactions: its"
                    + " transaction strategy is " + strategy.getClass().getName() + ". Build it from a Configuration"
                    + " passed through MatrixOneHibernate.configure(..), or set hibernate.transaction.coordinator_class="
                    + MatrixOneTransactionCoordinatorBuilder.class.getName());
        }
        return new SessionBinding(implementor, coordinators);
    }

    @Override
    public Session open(TransactionContext context) {
        Connection connection = Objects.requireNonNull(context.connection(), "context.connection()");
        SessionImplementor session = coordinators.openBound(factory, connection);
        if (!(session.getTransactionCoordinator() instanceof BoundTransactionCoordinator coordinator)) {
            session.close();
            throw new IllegalStateException("Hibernate did not bind the session to the MatrixOne transaction"
                    + " (transaction coordinator " + session.getTransactionCoordinator() + ")");
        }
        coordinator.begun();
        log.debug("Opened an ORM session on the MatrixOne transaction's connection");
        return new BoundSession(session, coordinator);
    }

    @Override
    public void flush(Session session) {
        bound(session).flushIfDirty();
    }

    /**
     * Discards the session. A failure is logged, not thrown: the transaction has already ended, and releasing an
     * in-memory session must not turn its outcome into an exception.
     */
    @Override
    public void close(Session session) {
        BoundSession bound = bound(session);
        try {
            bound.discard();
        } catch (RuntimeException e) {
            log.warn("Could not close the ORM session of a finished MatrixOne transaction", e);
        }
    }

    private static BoundSession bound(Session session) {
        if (session instanceof BoundSession bound) {
            return bound;
        }
        throw new IllegalArgumentException("not a session opened by a MatrixOne binding: " + session);
    }

    @Override
    public String toString() {
        return "MatrixOne binding of " + factory;
    }
}
