package io.matrixone.hibernate.reactive;

import io.matrixone.async.AsyncOrmBinding;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Hibernate Reactive session factory set up for MatrixOne, with the two bindings that put its sessions on a
 * MatrixOne async transaction's own connection: {@link #stage()} and {@link #mutiny()}.
 *
 * <pre>{@code
 * MatrixOneReactiveSessionFactory orm = MatrixOneHibernateReactive.sessionFactory(client, vertx, User.class);
 * client.transaction(tx -> tx.orm(orm.stage())
 *         .thenCompose(session -> session.persist(new User(1, "ann", "ann@example.com"))
 *                 .thenCompose(v -> tx.execute("INSERT INTO audit(msg) VALUES (?)", "user 1")))); // flushed first
 * }</pre>
 *
 * <p>A session from {@code tx.orm(..)} belongs to the transaction: it cannot begin, commit or roll back
 * ({@code withTransaction(..)} fails, {@code currentTransaction()} stays {@code null}), the SDK flushes it before each
 * raw statement and before COMMIT, and closes it when the transaction ends. Do not keep it afterwards. See
 * {@link MatrixOneHibernateReactive} for all the rules.
 *
 * <p>{@link #stageSessionFactory()} and {@link #mutinySessionFactory()} also open plain sessions on the factory's
 * own connections, outside MatrixOne transactions (e.g. reads); those manage their own transactions.
 *
 * <p>Thread-safe. Close it once no transaction uses it any more.
 */
public final class MatrixOneReactiveSessionFactory implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MatrixOneReactiveSessionFactory.class);

    private final SessionFactory factory;
    private final StandardServiceRegistry registry;
    private final MatrixOneSqlClientPool pool;
    private final Vertx ownedVertx;
    private final Stage.SessionFactory stageFactory;
    private final Mutiny.SessionFactory mutinyFactory;
    private final StageBinding stage;
    private final MutinyBinding mutiny;
    private final AtomicReference<CompletableFuture<Void>> closing = new AtomicReference<>();

    MatrixOneReactiveSessionFactory(SessionFactory factory, StandardServiceRegistry registry,
                                    MatrixOneSqlClientPool pool, Vertx ownedVertx) {
        this.factory = factory;
        this.registry = registry;
        this.pool = pool;
        this.ownedVertx = ownedVertx;
        this.stageFactory = factory.unwrap(Stage.SessionFactory.class);
        this.mutinyFactory = factory.unwrap(Mutiny.SessionFactory.class);
        this.stage = new StageBinding(stageFactory, pool);
        this.mutiny = new MutinyBinding(mutinyFactory, pool);
    }

    /**
     * The binding for {@code tx.orm(factory.stage())}: a {@link Stage.Session} on the transaction's connection,
     * one per transaction (the same binding instance every time, so repeated {@code tx.orm(..)} calls in one
     * transaction return the same session).
     */
    public AsyncOrmBinding<Stage.Session> stage() {
        return stage;
    }

    /** The binding for {@code tx.orm(factory.mutiny())}: a {@link Mutiny.Session}; see {@link #stage()}. */
    public AsyncOrmBinding<Mutiny.Session> mutiny() {
        return mutiny;
    }

    /** The Stage API factory, e.g. for plain sessions on the factory's own connections. */
    public Stage.SessionFactory stageSessionFactory() {
        return stageFactory;
    }

    /** The Mutiny API factory, e.g. for plain sessions on the factory's own connections. */
    public Mutiny.SessionFactory mutinySessionFactory() {
        return mutinyFactory;
    }

    /** The Hibernate ORM factory underneath; not public: its blocking sessions have no connection to use. */
    SessionFactory hibernateFactory() {
        return factory;
    }

    /** Keys of sessions being opened right now; zero when no {@code tx.orm(..)} is in progress. */
    int openingSessions() {
        return pool.boundCount();
    }

    /**
     * Closes the Hibernate factory, then the factory's own connections and, if the factory created it, its Vert.x.
     * Idempotent. Closing Hibernate's factory is synchronous CPU work: call this from an application thread, not an
     * event loop.
     */
    public CompletionStage<Void> closeAsync() {
        CompletableFuture<Void> started = closing.get();
        if (started != null) {
            return started;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!closing.compareAndSet(null, done)) {
            return closing.get();
        }
        try {
            if (factory.isOpen()) {
                factory.close();
            }
        } catch (RuntimeException e) {
            log.warn("closing the Hibernate Reactive session factory failed: {}", e.toString());
        }
        StandardServiceRegistryBuilder.destroy(registry); // stops the pool, which closes its Vert.x connections
        pool.getCloseFuture()
                .thenCompose(v -> ownedVertx == null ? CompletableFuture.<Void>completedFuture(null)
                        : ownedVertx.close().toCompletionStage())
                .whenComplete((v, e) -> {
                    if (e != null) {
                        log.warn("closing the connections of the Hibernate Reactive session factory failed: {}",
                                e.toString());
                    }
                    done.complete(null);
                });
        return done;
    }

    /** Starts {@link #closeAsync()} and returns without waiting for the connections to close. */
    @Override
    public void close() {
        closeAsync();
    }

    @Override
    public String toString() {
        return "MatrixOneReactiveSessionFactory[" + factory + "]";
    }
}
