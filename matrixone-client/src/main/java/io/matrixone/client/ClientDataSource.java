package io.matrixone.client;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The client's pool as a {@link DataSource}, for frameworks that take one (JdbcTemplate, JPA, Flyway, MyBatis):
 * on a thread inside a transaction of the client it hands out that transaction's guarded connection (see
 * {@link TransactionContext#connection()}), otherwise a pooled connection in autocommit mode that {@code close()}
 * returns. So framework code and the SDK share one pool, and one connection inside a transaction.
 */
final class ClientDataSource implements DataSource {
    private final MatrixOneClient client;
    private final Supplier<Transaction> current;
    private volatile PrintWriter logWriter;

    ClientDataSource(MatrixOneClient client, Supplier<Transaction> current) {
        this.client = client;
        this.current = current;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Transaction tx = current.get();
        if (tx != null) {
            return tx.connection();
        }
        try {
            return client.pool().acquire();
        } catch (RuntimeException e) {
            throw new SQLException(e.getMessage(), "08001", e);
        }
    }

    /** Refused: every connection of the pool logs in as the client's configured user. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the MatrixOne client's pool logs in as its configured user only");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Ignored: the pool's acquire timeout ({@code ClientOptions.pool().acquireTimeout()}) applies. */
    @Override
    public void setLoginTimeout(int seconds) {
        // the pool's own timeout governs
    }

    @Override
    public int getLoginTimeout() {
        return (int) client.options().pool().acquireTimeout().toSeconds();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the SDK logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "DataSource[" + client + "]";
    }
}
