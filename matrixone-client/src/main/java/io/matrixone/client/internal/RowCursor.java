package io.matrixone.client.internal;

import io.matrixone.core.result.Row;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A streaming query in progress: one row in memory at a time. Closing it before the last row makes Connector/J
 * read and discard the rest; callers that can give the connection up abort it instead (see
 * {@link ConnectionPool#abortAndRelease}).
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
    private boolean closed;

    RowCursor(SqlRunner runner, String sql, long start, PreparedStatement ps, ResultSet rs) throws SQLException {
        this.runner = runner;
        this.sql = sql;
        this.start = start;
        this.ps = ps;
        this.rs = rs;
        this.reader = new ResultReader(rs);
    }

    /** The next row, or {@code null} after the last one. */
    public Row next() {
        if (exhausted) {
            return null;
        }
        try {
            if (!rs.next()) {
                exhausted = true;
                runner.done(sql, start, count);
                return null;
            }
            count++;
            return reader.row();
        } catch (SQLException e) {
            exhausted = true; // the stream is broken; nothing more will come
            throw runner.failed(sql, start, e);
        }
    }

    /** Rows read so far. */
    public long count() {
        return count;
    }

    /** Whether the last row has been read (or the stream failed), so closing costs nothing. */
    public boolean exhausted() {
        return exhausted;
    }

    /** Closes the result; if rows are left, the driver reads and discards them first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            try {
                rs.close();
            } finally {
                ps.close();
            }
        } catch (SQLException e) {
            throw runner.failed(sql, start, e);
        }
    }

    /** Closes after the connection was aborted: errors are expected and ignored. */
    public void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // the connection is gone; nothing to report
        }
    }
}
