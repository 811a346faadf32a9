package io.matrixone.hibernate.reactive;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.engine.jdbc.spi.SqlStatementLogger;
import org.hibernate.reactive.pool.impl.SqlClientPool;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.service.spi.Stoppable;

/**
 * Hibernate Reactive's connection pool for a {@link MatrixOneReactiveSessionFactory}, installed as the
 * {@code hibernate.vertx.pool.class} instance.
 *
 * <p>Plain sessions ({@code openSession()}) get connections from the factory's own Vert.x pool. A session for a
 * MatrixOne transaction is opened with a <em>key</em> in Hibernate Reactive's tenant-id slot: the binding registers
 * the transaction's connection under a fresh key ({@link #bind}), opens the session with it, and Hibernate Reactive
 * asks {@link #getTenantPool} for that key while opening, and never again. So the binding removes the key as soon as
 * the session is open or failed to open ({@link #unbind}); the map holds only sessions being opened right now.
 * Keys are unique per factory (a counter), and the map belongs to the factory: concurrent transactions, even on
 * several event loops, never see each other's connection.
 */
final class MatrixOneSqlClientPool extends SqlClientPool implements ServiceRegistryAwareService, Stoppable {
    private static final String KEY_PREFIX = "matrixone-tx-";

    private final Pool pool;
    private final Map<String, SqlConnection> bound = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile ServiceRegistryImplementor services;
    private volatile SqlStatementLogger statementLogger;
    private volatile SqlExceptionHelper exceptionHelper;

    /** @param pool the pool of plain sessions; this class closes it when Hibernate stops its services */
    MatrixOneSqlClientPool(Pool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** Registers a transaction's connection for the session about to be opened; returns its key. */
    String bind(SqlConnection connection) {
        String key = KEY_PREFIX + keys.incrementAndGet();
        bound.put(key, new SessionConnection(connection));
        return key;
    }

    /** Forgets a key; idempotent. */
    void unbind(String key) {
        bound.remove(key);
    }

    /** Keys registered right now (sessions being opened); for tests and diagnostics. */
    int boundCount() {
        return bound.size();
    }

    @Override
    protected Pool getTenantPool(String key) {
        SqlConnection connection = bound.get(key);
        if (connection == null) {
            // Only the bindings open sessions with a key; anything else is a misuse of this factory.
            throw new IllegalStateException("no MatrixOne transaction is bound to session key '" + key + "': open"
                    + " sessions of this factory with tx.orm(factory.stage()) or tx.orm(factory.mutiny()), or plain"
                    + " sessions without a tenant id");
        }
        return new BoundConnectionPool(connection);
    }

    @Override
    protected Pool getPool() {
        return pool;
    }

    @Override
    public void injectServices(ServiceRegistryImplementor registry) {
        this.services = registry;
    }

    @Override
    protected SqlStatementLogger getSqlStatementLogger() {
        SqlStatementLogger logger = statementLogger;
        if (logger == null) {
            logger = services.requireService(JdbcServices.class).getSqlStatementLogger();
            statementLogger = logger;
        }
        return logger;
    }

    @Override
    public SqlExceptionHelper getSqlExceptionHelper() {
        SqlExceptionHelper helper = exceptionHelper;
        if (helper == null) {
            helper = services.requireService(JdbcServices.class).getSqlExceptionHelper();
            exceptionHelper = helper;
        }
        return helper;
    }

    /** Closes the plain-session pool without waiting; {@link #getCloseFuture()} completes when it is closed. */
    @Override
    public void stop() {
        bound.clear();
        pool.close().onComplete(ar -> closed.complete(null));
    }

    @Override
    public CompletionStage<Void> getCloseFuture() {
        return closed;
    }
}
