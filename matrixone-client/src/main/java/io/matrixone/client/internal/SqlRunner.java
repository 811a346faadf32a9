package io.matrixone.client.internal;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.SqlRedactor;
import io.matrixone.core.result.Result;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs statements on a connection it is handed: binds parameters, applies the query timeout, reads the answer,
 * logs, and translates driver failures once. Holds no connection and no per-statement state, so one instance
 * serves a client and all its transactions.
 *
 * <p>Logging: each statement at DEBUG ({@code io.matrixone.sql}) with its SQL redacted, statements slower than
 * {@link ClientOptions#slowQueryThreshold()} at INFO. Parameter values are never logged.
 */
public final class SqlRunner {
    private static final Logger log = LoggerFactory.getLogger("io.matrixone.sql");
    private static final long[] NO_COUNTS = new long[0];

    private final long slowNanos;
    private final int queryTimeoutSeconds;

    public SqlRunner(ClientOptions options) {
        this.slowNanos = options.slowQueryThreshold().isZero() ? Long.MAX_VALUE : options.slowQueryThreshold().toNanos();
        long seconds = options.queryTimeout().toSeconds() + (options.queryTimeout().toNanosPart() > 0 ? 1 : 0);
        this.queryTimeoutSeconds = (int) Math.min(seconds, Integer.MAX_VALUE); // JDBC counts whole seconds
    }

    /** Runs any statement: its rows if it returns some, else its affected-row count. */
    public Result query(Connection c, String sql, Object[] params) {
        return run(c, sql, params, null, false);
    }

    /** Like {@link #query}, also collecting the keys an INSERT generated. */
    public Result update(Connection c, String sql, Object[] params) {
        return run(c, sql, params, null, true);
    }

    /** Runs a statement built by the dialect. */
    public Result run(Connection c, Statement statement) {
        return run(c, statement.sql(), null, statement.params(), false);
    }

    /** A fixed statement without parameters and without answer, such as BEGIN or COMMIT. */
    public void control(Connection c, String sql) {
        long start = System.nanoTime();
        try (java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
            done(sql, start, -1);
        } catch (SQLException e) {
            throw failed(sql, start, e);
        }
    }

    private Result run(Connection c, String sql, Object[] params, List<?> paramList, boolean keys) {
        if ((params == null || params.length == 0) && (paramList == null || paramList.isEmpty())) {
            return runText(c, sql, keys);
        }
        long start = System.nanoTime();
        try (PreparedStatement ps = keys ? c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)
                                         : c.prepareStatement(sql)) {
            if (params != null) {
                Parameters.bind(ps, params);
            } else if (paramList != null) {
                Parameters.bind(ps, paramList);
            }
            if (queryTimeoutSeconds > 0) {
                ps.setQueryTimeout(queryTimeoutSeconds);
            }
            Result result;
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    result = new ResultReader(rs).readAll();
                }
            } else {
                result = Result.update(Math.max(0, ps.getLargeUpdateCount()), keys ? generatedKeys(ps) : List.of());
            }
            done(sql, start, result.size());
            return result;
        } catch (SQLException e) {
            throw failed(sql, start, e);
        }
    }

    /**
     * A statement without parameters goes as plain text (COM_QUERY): nothing to bind, so a server-side prepare
     * would only add a round trip, and MatrixOne-only statements (CREATE SNAPSHOT, RESTORE ...) are not
     * necessarily preparable.
     */
    private Result runText(Connection c, String sql, boolean keys) {
        long start = System.nanoTime();
        try (java.sql.Statement st = c.createStatement()) {
            if (queryTimeoutSeconds > 0) {
                st.setQueryTimeout(queryTimeoutSeconds);
            }
            Result result;
            if (keys ? st.execute(sql, java.sql.Statement.RETURN_GENERATED_KEYS) : st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    result = new ResultReader(rs).readAll();
                }
            } else {
                result = Result.update(Math.max(0, st.getLargeUpdateCount()), keys ? generatedKeys(st) : List.of());
            }
            done(sql, start, result.size());
            return result;
        } catch (SQLException e) {
            throw failed(sql, start, e);
        }
    }

    private static List<Object> generatedKeys(java.sql.Statement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            List<Object> keys = null;
            while (rs.next()) {
                if (keys == null) {
                    keys = new ArrayList<>(2);
                }
                keys.add(rs.getLong(1));
            }
            return keys == null ? List.of() : keys;
        }
    }

    /** One JDBC batch: one prepare, every row bound and added, one execution (a multi-row INSERT when possible). */
    public long[] batch(Connection c, String sql, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return NO_COUNTS;
        }
        long start = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (List<?> row : rows) {
                Parameters.bind(ps, row);
                ps.addBatch();
            }
            if (queryTimeoutSeconds > 0) {
                ps.setQueryTimeout(queryTimeoutSeconds);
            }
            long[] counts = ps.executeLargeBatch();
            done(sql, start, rows.size());
            return counts;
        } catch (SQLException e) {
            throw failed(sql, start, e);
        }
    }

    /**
     * Starts a streaming query: rows are read from the socket one at a time as the cursor advances (Connector/J's
     * streaming mode, fetch size {@code Integer.MIN_VALUE}); no COM_STMT_FETCH is involved, which MatrixOne lacks.
     * While it is open, the connection can run nothing else.
     */
    public RowCursor open(Connection c, String sql, List<?> params) {
        long start = System.nanoTime();
        PreparedStatement ps = null;
        try {
            ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(Integer.MIN_VALUE);
            if (params != null) {
                Parameters.bind(ps, params);
            }
            if (queryTimeoutSeconds > 0) {
                ps.setQueryTimeout(queryTimeoutSeconds);
            }
            ResultSet rs = ps.executeQuery();
            return new RowCursor(this, sql, start, ps, rs);
        } catch (SQLException e) {
            closeQuietly(ps);
            throw failed(sql, start, e);
        } catch (RuntimeException e) {
            closeQuietly(ps);
            throw e;
        }
    }

    void done(String sql, long start, long rows) {
        long nanos = System.nanoTime() - start;
        if (nanos >= slowNanos) {
            if (log.isInfoEnabled()) {
                log.info("Slow statement ({} ms, {} rows): {}", nanos / 1_000_000, rows, SqlRedactor.redact(sql));
            }
        } else if (log.isDebugEnabled()) {
            log.debug("{} us: {}", nanos / 1_000, SqlRedactor.redact(sql));
        }
    }

    MatrixOneException failed(String sql, long start, SQLException e) {
        MatrixOneException translated = SqlErrors.translate(e, sql);
        if (log.isDebugEnabled()) {
            log.debug("Failed after {} us: {}", (System.nanoTime() - start) / 1_000, translated.getMessage());
        }
        return translated;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already failing; the first error is the one reported
            }
        }
    }
}
