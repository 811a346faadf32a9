package io.matrixone.client.internal;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.internal.sql.SqlRedactor;
import io.matrixone.core.event.StatementEvent;
import io.matrixone.core.internal.event.StatementListeners;
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
 *
 * <p>Listeners ({@link ClientOptions#listeners()}): each statement run here is reported before it is sent and once
 * it ended. Without listeners nothing is allocated for that: a final flag set at construction skips it all.
 * Transactions use the twin from {@link #inTransaction()}, after-commit steps the one from {@link #afterCommit()};
 * their events say so.
 */
public final class SqlRunner {
    private static final Logger log = LoggerFactory.getLogger("io.matrixone.sql");
    private static final long[] NO_COUNTS = new long[0];

    private final long slowNanos;
    private final int queryTimeoutSeconds;
    private final StatementListeners events;
    /** Whether any listener is registered; false means no event is ever created. */
    private final boolean notify;
    private final StatementEvent.Scope scope;
    /** The autocommit runner, which holds the twins: one per scope, sharing everything else. */
    private final SqlRunner root;
    private final SqlRunner transactional;
    private final SqlRunner afterCommit;

    public SqlRunner(ClientOptions options) {
        this.slowNanos = options.timeouts().slowQueryThreshold().isZero() ? Long.MAX_VALUE : options.timeouts().slowQueryThreshold().toNanos();
        long seconds = options.timeouts().query().toSeconds() + (options.timeouts().query().toNanosPart() > 0 ? 1 : 0);
        this.queryTimeoutSeconds = (int) Math.min(seconds, Integer.MAX_VALUE); // JDBC counts whole seconds
        this.events = new StatementListeners(options.listeners(), StatementEvent.Client.SYNC);
        this.notify = !events.isEmpty();
        this.scope = StatementEvent.Scope.AUTOCOMMIT;
        this.root = this;
        this.transactional = new SqlRunner(this, StatementEvent.Scope.TRANSACTION);
        this.afterCommit = new SqlRunner(this, StatementEvent.Scope.AFTER_COMMIT);
    }

    private SqlRunner(SqlRunner outside, StatementEvent.Scope scope) {
        this.slowNanos = outside.slowNanos;
        this.queryTimeoutSeconds = outside.queryTimeoutSeconds;
        this.events = outside.events;
        this.notify = outside.notify;
        this.scope = scope;
        this.root = outside;
        this.transactional = null; // asked of the root
        this.afterCommit = null;
    }

    /** The runner for a transaction's statements (BEGIN to COMMIT or ROLLBACK): the same, but its events say so. */
    public SqlRunner inTransaction() {
        return root.transactional;
    }

    /** The runner for after-commit steps and their undo (autocommit, right after COMMIT): its events say so. */
    public SqlRunner afterCommit() {
        return root.afterCommit;
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
        StatementEvent event = notify ? events.before(sql, 0, scope) : null;
        try (java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw failed(sql, start, e, event);
        } catch (RuntimeException e) {
            throw abandoned(start, e, event);
        }
        done(sql, start, -1, event);
    }

    private Result run(Connection c, String sql, Object[] params, List<?> paramList, boolean keys) {
        if ((params == null || params.length == 0) && (paramList == null || paramList.isEmpty())) {
            return runText(c, sql, keys);
        }
        long start = System.nanoTime();
        StatementEvent event = notify ? events.before(sql, params != null ? params.length : paramList.size(),
                scope) : null;
        Result result;
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
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    result = new ResultReader(rs).readAll();
                }
            } else {
                result = Result.update(Math.max(0, ps.getLargeUpdateCount()), keys ? generatedKeys(ps) : List.of());
            }
        } catch (SQLException e) {
            throw failed(sql, start, e, event);
        } catch (RuntimeException e) {
            throw abandoned(start, e, event);
        }
        done(sql, start, result, event);
        return result;
    }

    /**
     * A statement without parameters goes as plain text (COM_QUERY): nothing to bind, so a server-side prepare
     * would only add a round trip, and MatrixOne-only statements (CREATE SNAPSHOT, RESTORE ...) are not
     * necessarily preparable.
     */
    private Result runText(Connection c, String sql, boolean keys) {
        long start = System.nanoTime();
        StatementEvent event = notify ? events.before(sql, 0, scope) : null;
        Result result;
        try (java.sql.Statement st = c.createStatement()) {
            if (queryTimeoutSeconds > 0) {
                st.setQueryTimeout(queryTimeoutSeconds);
            }
            if (keys ? st.execute(sql, java.sql.Statement.RETURN_GENERATED_KEYS) : st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    result = new ResultReader(rs).readAll();
                }
            } else {
                result = Result.update(Math.max(0, st.getLargeUpdateCount()), keys ? generatedKeys(st) : List.of());
            }
        } catch (SQLException e) {
            throw failed(sql, start, e, event);
        } catch (RuntimeException e) {
            throw abandoned(start, e, event);
        }
        done(sql, start, result, event);
        return result;
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

    /**
     * Whether the driver sends this batch as one statement (see {@link BatchShape}): then it is all-or-nothing
     * without a transaction around it. Sends nothing; {@code false} if the connection cannot tell (a stale pooled
     * connection, say), so that the caller takes the transaction's way, which begins on a live one.
     */
    public boolean batchIsOneStatement(Connection c, String sql, List<? extends List<?>> rows) {
        try {
            return BatchShape.oneStatement(c, sql, rows);
        } catch (SQLException e) {
            log.debug("Cannot tell whether a batch is one statement; running it in a transaction", e);
            return false;
        }
    }

    /** One JDBC batch: one prepare, every row bound and added, one execution (a multi-row INSERT when possible). */
    public long[] batch(Connection c, String sql, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return NO_COUNTS;
        }
        long start = System.nanoTime();
        StatementEvent event = notify ? events.before(sql, rows.get(0).size(), scope) : null;
        long[] counts;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (List<?> row : rows) {
                Parameters.bind(ps, row);
                ps.addBatch();
            }
            if (queryTimeoutSeconds > 0) {
                ps.setQueryTimeout(queryTimeoutSeconds);
            }
            counts = ps.executeLargeBatch();
        } catch (SQLException e) {
            throw failed(sql, start, e, event);
        } catch (RuntimeException e) {
            throw abandoned(start, e, event);
        }
        long nanos = System.nanoTime() - start;
        logDone(sql, nanos, rows.size());
        if (event != null) {
            events.succeeded(event, nanos, StatementListeners.rowCount(counts));
        }
        return counts;
    }

    /**
     * Starts a streaming query: rows are read from the socket one at a time as the cursor advances (Connector/J's
     * streaming mode, fetch size {@code Integer.MIN_VALUE}); no COM_STMT_FETCH is involved, which MatrixOne lacks.
     * While it is open, the connection can run nothing else.
     */
    public RowCursor open(Connection c, String sql, List<?> params) {
        long start = System.nanoTime();
        StatementEvent event = notify ? events.before(sql, params == null ? 0 : params.size(), scope) : null;
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
            return new RowCursor(this, sql, start, ps, rs, event);
        } catch (SQLException e) {
            closeQuietly(ps);
            throw failed(sql, start, e, event);
        } catch (RuntimeException e) {
            closeQuietly(ps);
            throw abandoned(start, e, event);
        }
    }

    /**
     * Announces a statement run outside this runner's own methods (a bulk load on the driver's statement) to the
     * listeners; {@code null} when nobody listens. End it with {@link #done(String, long, long, StatementEvent)},
     * {@link #failed(String, long, SQLException, StatementEvent)} or {@link #abandoned}.
     */
    StatementEvent announce(String sql, int parameters) {
        return notify ? events.before(sql, parameters, scope) : null;
    }

    void done(String sql, long start, long rows) {
        logDone(sql, System.nanoTime() - start, rows);
    }

    /** Logs a statement that ended well and reports it to the listeners ({@code event} null: no listeners). */
    void done(String sql, long start, long rows, StatementEvent event) {
        long nanos = System.nanoTime() - start;
        logDone(sql, nanos, rows);
        if (event != null) {
            events.succeeded(event, nanos, rows);
        }
    }

    private void done(String sql, long start, Result result, StatementEvent event) {
        long nanos = System.nanoTime() - start;
        logDone(sql, nanos, result.size());
        if (event != null) {
            events.succeeded(event, nanos, StatementListeners.rowCount(result));
        }
    }

    private void logDone(String sql, long nanos, long rows) {
        if (nanos >= slowNanos) {
            if (log.isInfoEnabled()) {
                log.info("Slow statement ({} ms, {} rows): {}", nanos / 1_000_000, rows, SqlRedactor.redact(sql));
            }
        } else if (log.isDebugEnabled()) {
            log.debug("{} us: {}", nanos / 1_000, SqlRedactor.redact(sql));
        }
    }

    MatrixOneException failed(String sql, long start, SQLException e) {
        return failed(sql, start, e, null);
    }

    /** Translates, logs and reports a driver failure; returns the exception to throw. */
    MatrixOneException failed(String sql, long start, SQLException e, StatementEvent event) {
        MatrixOneException translated = SqlErrors.translate(e, sql);
        long nanos = System.nanoTime() - start;
        if (log.isDebugEnabled()) {
            log.debug("Failed after {} us: {}", nanos / 1_000, translated.getMessage());
        }
        if (event != null) {
            events.failed(event, nanos, translated);
        }
        return translated;
    }

    /** Reports a streamed query the caller stopped reading early (see {@link RowCursor}): it ended, without error. */
    void stopped(long start, long rows, StatementEvent event) {
        if (event != null) {
            events.succeeded(event, System.nanoTime() - start, rows);
        }
    }

    /** Reports a failure that is not the driver's (a parameter of an unsupported type); returns it unchanged. */
    RuntimeException abandoned(long start, RuntimeException e, StatementEvent event) {
        if (event != null) {
            events.failed(event, System.nanoTime() - start, e);
        }
        return e;
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
