package io.matrixone.client.internal;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A transaction's connection as handed to an ORM: statements pass through, transaction control does not.
 *
 * <p>The MatrixOne transaction began with an explicit BEGIN and owns COMMIT and ROLLBACK, so {@code commit},
 * {@code rollback}, {@code setAutoCommit}, savepoints ({@code ROLLBACK TO SAVEPOINT} fails on MatrixOne),
 * {@code setTransactionIsolation} and {@code setReadOnly} (both send SET, which commits an open transaction on
 * MatrixOne up to 4.2.0) and {@code abort} throw; {@code close} does nothing. {@code getAutoCommit} answers
 * {@code false}: a transaction is open. Once the transaction has ended every method fails, so a session that
 * outlives it cannot touch a connection already back in the pool.
 *
 * <p>Statements created here are the driver's own; SQL such as {@code COMMIT} sent through them is not checked.
 */
public final class GuardedConnection implements Connection {
    private static final String OWNED = "the MatrixOne transaction owns this connection's transaction: use the "
            + "Transaction's commit()/rollback() (and no savepoints: MatrixOne cannot roll back to one)";
    private static final String SENDS_SET = " sends SET, which on MatrixOne up to 4.2.0 commits the open transaction";

    private final Connection delegate;
    private volatile boolean open = true;

    public GuardedConnection(Connection delegate) {
        this.delegate = delegate;
    }

    /** Called when the transaction ends: from now on every call fails. */
    public void invalidate() {
        open = false;
    }

    private Connection live() throws SQLException {
        if (!open) {
            throw new SQLException("the MatrixOne transaction of this connection has ended", "08003");
        }
        return delegate;
    }

    private static SQLException refused(String what) {
        return new SQLException(what + ": " + OWNED, "25000");
    }

    // --- refused: the transaction owns these --------------------------------------------------------------

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        live();
        throw refused("setAutoCommit");
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        live();
        return false;
    }

    @Override
    public void commit() throws SQLException {
        live();
        throw refused("commit");
    }

    @Override
    public void rollback() throws SQLException {
        live();
        throw refused("rollback");
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        live();
        throw refused("setSavepoint");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        live();
        throw refused("setSavepoint");
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        live();
        throw refused("rollback(Savepoint)");
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        live();
        throw refused("releaseSavepoint");
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        live();
        throw new SQLException("setTransactionIsolation" + SENDS_SET + "; " + OWNED, "25000");
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        live();
        throw new SQLException("setReadOnly" + SENDS_SET + "; " + OWNED, "25000");
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        live();
        throw refused("abort");
    }

    /** Does nothing: the transaction gives the connection back to the pool when it ends. */
    @Override
    public void close() {
        // the ORM session is done with it; the transaction is not
    }

    @Override
    public boolean isClosed() throws SQLException {
        return !open || delegate.isClosed();
    }

    // --- passed through -----------------------------------------------------------------------------------

    @Override
    public Statement createStatement() throws SQLException {
        return live().createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return live().prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return live().prepareCall(sql);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return live().nativeSQL(sql);
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return live().getMetaData();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return live().isReadOnly();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        live().setCatalog(catalog);
    }

    @Override
    public String getCatalog() throws SQLException {
        return live().getCatalog();
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return live().getTransactionIsolation();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return live().getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        live().clearWarnings();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return live().createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return live().prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return live().prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return live().getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        live().setTypeMap(map);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        live().setHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        return live().getHoldability();
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        return live().createStatement(type, concurrency, holdability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
        return live().prepareStatement(sql, type, concurrency, holdability);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        return live().prepareCall(sql, type, concurrency, holdability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return live().prepareStatement(sql, autoGeneratedKeys);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return live().prepareStatement(sql, columnIndexes);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return live().prepareStatement(sql, columnNames);
    }

    @Override
    public Clob createClob() throws SQLException {
        return live().createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return live().createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return live().createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return live().createSQLXML();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return open && delegate.isValid(timeout);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (open) {
            delegate.setClientInfo(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (open) {
            delegate.setClientInfo(properties);
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return live().getClientInfo(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return live().getClientInfo();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return live().createArrayOf(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return live().createStruct(typeName, attributes);
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        live().setSchema(schema);
    }

    @Override
    public String getSchema() throws SQLException {
        return live().getSchema();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        live().setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return live().getNetworkTimeout();
    }

    /**
     * Unwrapping to a {@link Connection} returns this guard, not the driver's connection, so the guard cannot be
     * bypassed that way; other interfaces are looked up on the driver's connection.
     */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (Connection.class.isAssignableFrom(iface)) {
            throw new SQLException("the transaction's connection cannot be unwrapped to " + iface.getName() + ": " + OWNED);
        }
        return live().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || !Connection.class.isAssignableFrom(iface) && live().isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "GuardedConnection[" + (open ? "open" : "transaction ended") + "]";
    }
}
