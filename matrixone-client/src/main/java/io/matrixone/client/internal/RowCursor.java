package io.matrixone.client.internal;

import io.matrixone.core.event.StatementEvent;
import io.matrixone.core.result.Row;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streaming query in progress: one row in memory at a time. Closing it before the last row makes Connector/J
 * read and discard the rest; callers that can give the connection up abort it instead (see
 * {@link ConnectionPool#abortAndRelease}).
 *
 * <p>Listeners hear of the end once: at the last row, at a failure, or when the caller closes early (then it
 * counts as succeeded with the rows read so far).
 */
public final class RowCursor implements AutoCloseable {
    private final SqlRunner runner;
    private final String sql;
    private final long start;
    private final PreparedStatement ps;
    private final ResultSet rs;
    private final ResultReader reader;
    private long count;
    private boolean exhausted;
    /** Reading failed: the driver's streaming state is unknown, so the connection must not serve anyone else. */
    private boolean failed;
    private boolean closed;
    /** The BEFORE event while the end is not reported yet; {@code null} without listeners or once reported. */
    private StatementEvent event;

    RowCursor(SqlRunner runner, String sql, long start, PreparedStatement ps, ResultSet rs, StatementEvent event)
            throws SQLException {
        this.runner = runner;
        this.event = event;
        this.sql = sql;
        this.start = start;
        this.ps = ps;
        this.rs = rs;
        this.reader = new ResultReader(rs, this::broken);
    }

    /** The next row, detached, or {@code null} after the last one. */
    public Row next() {
        if (!advance()) {
            return null;
        }
        try {
            return reader.row();
        } catch (SQLException e) {
            throw broken(e);
        }
    }

    /**
     * The next row as a view that reads the driver's row in place and is valid until the cursor moves on (see
     * {@link Row}): no copy for a row the consumer reads and lets go. {@code null} after the last row.
     */
    public Row nextView() {
        return advance() ? reader.view() : null;
    }

    private boolean advance() {
        if (exhausted) {
            return false;
        }
        try {
            if (!rs.next()) {
                exhausted = true;
                reader.ended();
                runner.done(sql, start, count, event);
                event = null;
                return false;
            }
            count++;
            reader.advanced();
            return true;
        } catch (SQLException e) {
            throw broken(e);
        }
    }

    /**
     * The stream is broken (reading the next row, or a view reading its row, failed): nothing more will come, the
     * connection must not serve anyone else, and the statement is reported failed.
     */
    private RuntimeException broken(SQLException e) {
        exhausted = true;
        failed = true;
        reader.ended();
        StatementEvent pending = event;
        event = null;
        return runner.failed(sql, start, e, pending);
    }

    /**
     * The rows as a lazily read {@link Stream}; {@code onClose} runs when the stream is closed (it decides how the
     * connection is finished).
     */
    public Stream<Row> stream(Runnable onClose) {
        Spliterator<Row> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super Row> action) {
                Row row = next();
                if (row == null) {
                    return false;
                }
                action.accept(row);
                return true;
            }
        };
        return StreamSupport.stream(rows, false).onClose(onClose);
    }

    /** Rows read so far. */
    public long count() {
        return count;
    }

    /**
     * Whether the last row has been read, so closing costs nothing and the connection can serve another statement.
     * False after a failed read: Connector/J may still count the result as streaming (the next statement on that
     * connection would fail with "Streaming result set ... is still active"), so the caller discards it.
     */
    public boolean exhausted() {
        return exhausted && !failed;
    }

    /** Closes the result; if rows are left, the driver reads and discards them first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        reader.ended();
        StatementEvent pending = event;
        event = null;
        try {
            try {
                rs.close();
            } finally {
                ps.close();
            }
        } catch (SQLException e) {
            throw runner.failed(sql, start, e, pending);
        }
        runner.stopped(start, count, pending);
    }

    /**
     * Closes without throwing: after the connection was aborted (errors are expected), or after the last row.
     *
     * @return whether the result closed cleanly; if not, Connector/J may still count it as streaming and the
     *         connection must not serve another statement
     */
    public boolean closeQuietly() {
        runner.stopped(start, count, event); // the caller stopped; the abort's errors are not the statement's
        event = null;
        try {
            close();
            return true;
        } catch (RuntimeException ignored) {
            return false; // the connection is gone or unusable; nothing to report
        }
    }
}
