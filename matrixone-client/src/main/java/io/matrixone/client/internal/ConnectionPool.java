package io.matrixone.client.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.internal.sql.SessionSql;
import io.matrixone.core.error.MatrixOneException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HikariCP configured for MatrixOne, owned by one client. Borrowing translates pool failures through the error
 * classifier, returning a connection can evict it instead, and early-closed streams can abort it.
 *
 * <p>What HikariCP is not given, on purpose: a {@code connectionTestQuery} (liveness uses {@code isValid}, i.e.
 * COM_PING, which MatrixOne supports) and a {@code transactionIsolation} (it would send SET SESSION TRANSACTION on
 * every new connection: a no-op on MatrixOne <= 4.2.0). Connections stay in autocommit mode: transactions use
 * explicit BEGIN / COMMIT / ROLLBACK, so the pool never has to reset autocommit on return.
 */
public final class ConnectionPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionPool.class);

    /** HikariCP's own lower bounds; smaller values are raised rather than rejected. */
    private static final long MIN_ACQUIRE_MS = 250;
    private static final long MIN_LIFETIME_MS = 30_000;
    private static final long MIN_IDLE_TIMEOUT_MS = 10_000;

    private final HikariDataSource dataSource;
    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConnectionPool(HikariDataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    /**
     * Starts the pool and opens its first connection, so that a wrong address, password or TLS setting fails
     * here, with the server's own error, rather than on the first statement.
     */
    public static ConnectionPool start(ClientOptions options, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(new DriverDataSource(DriverSettings.jdbcUrl(options), DriverSettings.properties(options)));
        config.setPoolName(poolName);
        config.setMaximumPoolSize(options.pool().maxSize());
        config.setMinimumIdle(options.pool().minIdle());
        config.setConnectionTimeout(atLeast(options.pool().acquireTimeout(), MIN_ACQUIRE_MS));
        config.setMaxLifetime(options.pool().maxLifetime().isZero() ? 0 : atLeast(options.pool().maxLifetime(), MIN_LIFETIME_MS));
        config.setIdleTimeout(options.pool().idleTimeout().isZero() ? 0 : atLeast(options.pool().idleTimeout(), MIN_IDLE_TIMEOUT_MS));
        config.setAutoCommit(true);
        // session variables: one SET on every new connection, before the pool hands it out (never inside a
        // transaction, where MatrixOne up to 4.2.0 would commit)
        String sessionSql = SessionSql.set(options.session().variables());
        if (sessionSql != null) {
            config.setConnectionInitSql(sessionSql);
        }
        config.setInitializationFailTimeout(1); // fail fast, with the cause
        config.setRegisterMbeans(false);
        if (log.isDebugEnabled()) {
            log.debug("Starting pool {} for {}", poolName, options); // ClientOptions.toString masks the password
        }
        try {
            return new ConnectionPool(new HikariDataSource(config), poolName);
        } catch (HikariPool.PoolInitializationException e) {
            throw SqlErrors.translateAcquire(e.getCause() instanceof SQLException s ? s : new SQLException(e.getMessage(), "08001", e));
        }
    }

    /** A pooled connection in autocommit mode; the caller must {@link #release} it. */
    public Connection acquire() {
        if (closed.get()) {
            throw closedError(name);
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.translateAcquire(e);
        }
    }

    /**
     * Gives a connection back. With {@code evict} the pool closes it and opens another: used when its state is
     * unknown (a failed ROLLBACK could leave a transaction open on it). Never throws.
     */
    public void release(Connection connection, boolean evict) {
        if (evict) {
            dataSource.evictConnection(connection);
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            log.debug("Pool {}: closing a connection failed; it is discarded", name, e);
        }
    }

    /**
     * Closes the physical connection at once and evicts it: the way to abandon a result that is still streaming
     * without reading its remaining rows (Connector/J drains them on a normal close).
     */
    public void abortAndRelease(Connection connection) {
        try {
            Connection physical = connection.unwrap(Connection.class);
            physical.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            log.debug("Pool {}: aborting a connection failed; evicting it anyway", name, e);
        }
        release(connection, true);
    }

    public int active() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        return pool == null ? 0 : pool.getActiveConnections();
    }

    public int idle() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        return pool == null ? 0 : pool.getIdleConnections();
    }

    public int total() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        return pool == null ? 0 : pool.getTotalConnections();
    }

    public int waiting() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        return pool == null ? 0 : pool.getThreadsAwaitingConnection();
    }

    public String name() {
        return name;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Closes every connection; connections still borrowed are aborted. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            dataSource.close();
        }
    }

    private static long atLeast(Duration d, long minMillis) {
        return Math.max(d.toMillis(), minMillis);
    }

    /** Thrown for use after close; no SQL involved. */
    public static MatrixOneException closedError(String poolName) {
        return new MatrixOneException("the client is closed (pool " + poolName + ")");
    }
}
