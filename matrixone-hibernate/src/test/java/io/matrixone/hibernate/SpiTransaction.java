package io.matrixone.hibernate;

import io.matrixone.client.OrmBinding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.hibernate.Session;

/**
 * A minimal stand-in for the SDK's transaction, written against the SPI only: BEGIN on a connection left in
 * autocommit mode, the binding's session on a guarded view of it, a flush before every raw statement and before
 * COMMIT, and the session discarded once the transaction ended.
 */
final class SpiTransaction implements AutoCloseable {
    private final Connection raw;
    private final GuardedConnection guard;
    private final OrmBinding<Session> binding;
    private final long connectionId;
    private Session session;
    private boolean ended;

    SpiTransaction(Connection raw, OrmBinding<Session> binding) throws SQLException {
        this.raw = raw;
        this.guard = GuardedConnection.over(raw);
        this.binding = binding;
        this.connectionId = queryLongNoFlush("SELECT CONNECTION_ID()");
        try (Statement st = raw.createStatement()) {
            st.execute("BEGIN");
        }
    }

    /** The session, opened on first use as {@code tx.orm(binding)} does. */
    Session orm() {
        if (session == null) {
            session = binding.open(new TestContext(guard.connection()));
        }
        return session;
    }

    int execute(String sql, Object... params) throws SQLException {
        flush();
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        }
    }

    long queryLong(String sql, Object... params) throws SQLException {
        flush();
        return queryLongNoFlush(sql, params);
    }

    void commit() throws SQLException {
        flush();
        end("COMMIT");
    }

    void rollback() throws SQLException {
        end("ROLLBACK");
    }

    /** The server's id of the transaction's connection, as the emulator's statement log records it. */
    long connectionId() {
        return connectionId;
    }

    GuardedConnection guard() {
        return guard;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!ended) {
                rollback();
            }
        } finally {
            raw.close();
        }
    }

    private void flush() {
        if (session != null && !ended) {
            binding.flush(session);
        }
    }

    private void end(String sql) throws SQLException {
        ended = true;
        try (Statement st = raw.createStatement()) {
            st.execute(sql);
        } finally {
            if (session != null) {
                binding.close(session);
            }
        }
    }

    private long queryLongNoFlush(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = raw.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
