package io.matrixone.hibernate;

import io.matrixone.client.OrmBinding;
import io.matrixone.client.TransactionContext;

import java.util.Objects;

import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * A Hibernate {@link SessionFactory} set up for MatrixOne, which is also its own {@link OrmBinding}: inside a
 * MatrixOne transaction, {@code Session session = tx.orm(factory)} opens a session on the transaction's connection.
 *
 * <pre>{@code
 * MatrixOneSessionFactory orm = MatrixOneHibernate.builder().entities(User.class).build();
 * client.transaction(tx -> {
 *     Session session = tx.orm(orm);
 *     User ann = session.find(User.class, 1L);
 *     ann.setEmail("ann@new.example");                 // flushed before the next raw statement and before COMMIT
 *     tx.execute("UPDATE users SET name = 'Ann' WHERE id = 1");
 *     session.refresh(ann);                             // raw SQL changed a loaded row: reload it
 *     return ann.getName();
 * });
 * }</pre>
 *
 * <p>The session it hands out belongs to the transaction: do not begin, commit or roll back on it (that fails
 * loudly, see {@link MatrixOneHibernate}), do not keep it after the transaction (the SDK closes it; after a
 * rollback its entities are stale), and leave {@code close()} to the SDK ({@code close()} on it is ignored).
 *
 * <p>{@link #close()} closes the factory. Thread-safe, like the factory.
 */
public final class MatrixOneSessionFactory implements OrmBinding<Session>, AutoCloseable {
    private final SessionFactory factory;
    private final OrmBinding<Session> binding;

    MatrixOneSessionFactory(SessionFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.binding = SessionBinding.of(factory);
    }

    /** The underlying factory, e.g. for plain sessions outside MatrixOne transactions. */
    public SessionFactory sessionFactory() {
        return factory;
    }

    /** Called by the transaction ({@code tx.orm(this)}), not by application code. */
    @Override
    public Session open(TransactionContext context) {
        return binding.open(context);
    }

    /** Called by the transaction before each raw statement and before COMMIT, not by application code. */
    @Override
    public void flush(Session session) {
        binding.flush(session);
    }

    /** Called by the transaction once it has ended, not by application code. */
    @Override
    public void close(Session session) {
        binding.close(session);
    }

    /** Closes the factory. Idempotent. */
    @Override
    public void close() {
        if (factory.isOpen()) {
            factory.close();
        }
    }

    @Override
    public String toString() {
        return "MatrixOneSessionFactory[" + factory + "]";
    }
}
