package io.matrixone.client.internal;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkMethod;
import io.matrixone.core.bulk.BulkProgress;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.internal.sql.BulkSql;
import io.matrixone.core.internal.sql.LoadDataEncoder;
import io.matrixone.core.internal.error.ErrorClassifier;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.event.StatementEvent;
import io.matrixone.core.version.ServerVersion;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link BulkInsert} on a connection it is handed (a transaction's).
 *
 * <p><b>LOAD DATA, and why it is safe.</b> The fastest way into MatrixOne (and MySQL, MariaDB) is
 * {@code LOAD DATA LOCAL INFILE}: the server asks the client for "the file" and the client streams it. Connector/J
 * sends a caller's own stream ({@link JdbcStatement#setLocalInfileInputStream}) only while
 * {@code allowLoadLocalInfile} is true, and with it true a malicious server could ask for any local file on any
 * statement. So the SDK never opens connections with it: pooled connections carry only
 * {@code allowLoadLocalInfileInPath} pointing at an empty private directory ({@link DriverSettings#localInfileDir()}),
 * which lets the driver announce local-file support yet refuse every file request (nothing can be read from an
 * empty directory). For the duration of one bulk LOAD DATA statement, and only then, this class switches
 * {@code allowLoadLocalInfile} on for that connection with its own stream hooked: the driver then answers any file
 * request, whatever name the server asks for, with the SDK's stream and nothing else; the setting is restored in a
 * {@code finally}. The stream refuses to be read again once closed, so a second request gets nothing.
 *
 * <p><b>Which.</b> {@link BulkMethod#resolve} decides what {@code AUTO} means: STAGED on MatrixOne, whose LOAD DATA
 * does not enforce keys: the stream goes into a temporary table without keys and one INSERT ... SELECT moves the
 * rows, checking them (measured on 4.2.0, a million rows with two keys: LOAD 0.6 s, INSERT ... SELECT 4.4 s, COMMIT
 * 2.8 s, against 39 s as multi-row INSERTs).
 *
 * <p><b>INSERT.</b> Otherwise rows go as a JDBC batch of one-row INSERTs, which the driver rewrites into multi-row
 * INSERTs ({@code rewriteBatchedStatements}, set by {@link DriverSettings}).
 */
public final class BulkLoader {
    /** Errors that mean "no local loading here": MySQL/MariaDB 1148 and 3948, client 2068. */
    private static final Set<Integer> REFUSED = Set.of(1148, 3948, 2068);
    private static final Object[] NO_PARAMS = {};
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoader.class);

    private final SqlRunner runner;
    private final ServerVersion server;

    public BulkLoader(SqlRunner runner, ServerVersion server) {
        this.runner = runner.inTransaction(); // a bulk insert always runs inside a transaction: its events say so
        this.server = server;
    }

    public BulkResult run(Connection c, BulkInsert spec) {
        spec.validate();
        long start = System.nanoTime();
        Iterator<?> rows = spec.rowIterator();
        Counts counts = new Counts();
        try {
            BulkMethod chosen = spec.method().resolve(server);
            if (chosen == BulkMethod.STAGED && spec.method() == BulkMethod.AUTO) {
                // staging costs two statements more, which pays only past about one multi-row INSERT's worth
                List<Object> head = new ArrayList<>();
                while (head.size() <= BulkMethod.AUTO_INSERT_MAX_ROWS && rows.hasNext()) {
                    head.add(rows.next());
                }
                boolean small = head.size() <= BulkMethod.AUTO_INSERT_MAX_ROWS; // then the rows ended within the head
                chosen = small ? BulkMethod.INSERT : BulkMethod.STAGED;
                rows = small ? head.iterator() : concat(head.iterator(), rows);
            }
            BulkMethod used = chosen == BulkMethod.AUTO ? BulkMethod.LOAD_DATA : chosen;
            if (used.streams()) {
                try {
                    if (used == BulkMethod.STAGED) {
                        staged(c, spec, rows, start, counts);
                    } else {
                        loadData(c, spec, spec.loadDataSql(), rows, start, counts);
                    }
                } catch (LoadDataRefused refused) {
                    if (spec.method() != BulkMethod.AUTO) {
                        throw runner.failed(refused.sql, start, refused.cause);
                    }
                    used = BulkMethod.INSERT; // nothing was read from the rows yet
                } catch (StageRefused refused) {
                    used = BulkMethod.INSERT; // AUTO only; nothing was sent but the refused CREATE
                }
            }
            if (used == BulkMethod.INSERT) {
                insert(c, spec, rows, start, counts);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            spec.progress().accept(new BulkProgress(counts.rows, counts.batches, elapsed, true));
            return new BulkResult(counts.rows, counts.batches, elapsed, used);
        } finally {
            spec.closeRows();
        }
    }

    private static Iterator<Object> concat(Iterator<?> first, Iterator<?> then) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || then.hasNext();
            }

            @Override
            public Object next() {
                return first.hasNext() ? first.next() : then.next();
            }
        };
    }

    /**
     * LOAD DATA into a temporary table with the target's columns and no keys, then one INSERT ... SELECT, whose key
     * and constraint checks are the target's. The stage's name is random, so a stage left behind (a dropped
     * connection) never meets another insert's; it ends with its session.
     */
    private void staged(Connection c, BulkInsert spec, Iterator<?> rows, long start, Counts counts)
            throws LoadDataRefused, StageRefused {
        String db = spec.database();
        String stage = "mo_sdk_stage_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try {
            runner.control(c, BulkSql.createStage(db, stage, spec.table(), spec.columns()));
        } catch (MatrixOneException e) {
            if (spec.method() != BulkMethod.AUTO) {
                throw e;
            }
            // a user who may INSERT but not create a temporary table (MatrixOne 4.2.0: 20101 "do not have
            // privilege"): AUTO inserts instead; an error the INSERT would meet too is reported by the INSERT.
            // Nothing else was sent, and a refused statement leaves MatrixOne's transaction open.
            LOG.debug("bulk insert: no stage ({}); inserting instead", e.getMessage());
            throw new StageRefused();
        }
        boolean dropped = false;
        try {
            try {
                loadData(c, spec, BulkSql.loadDataLocal(db, stage, spec.columns()), rows, start, counts);
            } catch (MatrixOneException e) {
                if (spec.method() != BulkMethod.AUTO || counts.pulled > 0) {
                    throw e;
                }
                // refused before the server asked for a row (4.2.0 checks a user's privilege to load into the stage
                // too): the rows are untouched, so AUTO inserts them instead
                LOG.debug("bulk insert: cannot load into the stage ({}); inserting instead", e.getMessage());
                throw new StageRefused();
            }
            long staged = counts.rows;
            long moved = runner.query(c, BulkSql.insertFromStage(db, stage, spec.table(), spec.columns()), NO_PARAMS)
                    .affectedRows();
            if (moved != staged) {
                throw new IllegalStateException("bulk insert: " + staged + " rows staged but " + moved
                        + " inserted; the insert fails as a whole");
            }
            counts.batches++;
            runner.control(c, BulkSql.dropStage(db, stage));
            dropped = true;
        } finally {
            if (!dropped) {
                dropQuietly(c, BulkSql.dropStage(db, stage));
            }
        }
    }

    /** After a failure: the failure is what the caller hears about, and the session's end drops the stage anyway. */
    private static void dropQuietly(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("could not drop a bulk insert's stage ({}): {}", sql, e.toString());
        }
    }

    private static final class Counts {
        long rows;
        long batches;
        long pulled;
    }

    /** The stage could not be made and AUTO chose it: insert instead. */
    private static final class StageRefused extends Exception {
        private static final long serialVersionUID = 1L;

        StageRefused() {
            super(null, null, false, false);
        }
    }

    private static final class LoadDataRefused extends Exception {
        private static final long serialVersionUID = 1L;
        final transient SQLException cause;
        final String sql;

        LoadDataRefused(String sql, SQLException cause) {
            super(cause.getMessage(), null, false, false);
            this.sql = sql;
            this.cause = cause;
        }
    }

    private void loadData(Connection c, BulkInsert spec, String sql, Iterator<?> rows, long start, Counts counts)
            throws LoadDataRefused {
        int batchSize = spec.batchSize(BulkMethod.LOAD_DATA);
        RuntimeProperty<Boolean> allow;
        try {
            allow = c.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(PropertyKey.allowLoadLocalInfile);
        } catch (SQLException e) {
            throw new LoadDataRefused(sql, e); // not a Connector/J connection
        }
        boolean before = allow.getValue();
        StatementEvent event = runner.announce(sql, spec.columns().size());
        try (Statement st = c.createStatement()) {
            JdbcStatement hook = st.unwrap(JdbcStatement.class);
            do {
                RowStream in = new RowStream(spec, rows, batchSize, counts);
                long pulledBefore = counts.pulled;
                long accepted;
                allow.setValue(true);
                hook.setLocalInfileInputStream(in);
                try {
                    accepted = st.executeLargeUpdate(sql);
                } catch (SQLException e) {
                    if (counts.batches == 0 && counts.pulled == pulledBefore && refused(e)) {
                        throw new LoadDataRefused(sql, e);
                    }
                    throw e;
                } finally {
                    hook.setLocalInfileInputStream(null);
                    allow.setValue(before);
                    in.close();
                }
                if (in.failure != null) {
                    throw in.failure; // a bad row: the stream ended cleanly before it
                }
                checkAllAccepted(st, sql, in.taken, accepted);
                counts.rows += accepted;
                counts.batches++;
                spec.progress().accept(progress(counts, start));
            } while (rows.hasNext());
            runner.done(sql, start, counts.rows, event);
        } catch (SQLException e) {
            throw runner.failed(sql, start, e, event);
        } catch (LoadDataRefused refused) {
            runner.failed(sql, start, refused.cause, event); // reported; the caller may fall back to INSERT
            throw refused;
        } catch (RuntimeException e) {
            throw runner.abandoned(start, e, event);
        } finally {
            allow.setValue(before);
        }
    }

    /**
     * With LOCAL, MySQL and MariaDB treat LOAD DATA as LOAD DATA IGNORE (the server cannot stop the client's
     * stream half-way): a duplicate key or a bad value skips or truncates the row with a warning instead of failing.
     * A bulk insert is all or nothing like the INSERT path, so any warning, or any row not accepted, fails it.
     */
    private static void checkAllAccepted(Statement st, String sql, long sent, long accepted) throws SQLException {
        java.sql.SQLWarning w = st.getWarnings();
        if (w == null && accepted == sent) {
            return;
        }
        String detail = w == null ? "" : " (" + w.getMessage() + ")";
        throw ErrorClassifier.classify(w == null ? 0 : w.getErrorCode(), w == null ? "HY000" : w.getSQLState(),
                "bulk LOAD DATA: the server accepted " + accepted + " of " + sent + " rows and reported warnings" + detail
                        + "; LOAD DATA LOCAL skips duplicate keys and bad values with a warning, so the insert fails"
                        + " as a whole", sql, null);
    }

    private static boolean refused(SQLException e) {
        if (REFUSED.contains(e.getErrorCode())) {
            return true;
        }
        String m = e.getMessage();
        return m != null && m.toLowerCase(java.util.Locale.ROOT).contains("local infile");
    }

    private void insert(Connection c, BulkInsert spec, Iterator<?> rows, long start, Counts counts) {
        String sql = spec.insertRowSql();
        int batchSize = spec.batchSize(BulkMethod.INSERT);
        // A client-side prepared statement: Connector/J rewrites the batch into one multi-row INSERT in the text
        // protocol; a server-side one (the pool's default) re-prepares a statement per batch shape, measured 1.7x slower.
        StatementEvent event = runner.announce(sql, spec.columns().size());
        try (PreparedStatement ps = clientPrepare(c, sql)) {
            while (rows.hasNext()) {
                int n = 0;
                while (n < batchSize && rows.hasNext()) {
                    Object[] values = spec.values(rows.next(), counts.pulled++);
                    for (int i = 0; i < values.length; i++) {
                        Parameters.bind(ps, i + 1, values[i]);
                    }
                    ps.addBatch();
                    n++;
                }
                ps.executeLargeBatch();
                counts.rows += n;
                counts.batches++;
                spec.progress().accept(progress(counts, start));
            }
            runner.done(sql, start, counts.rows, event);
        } catch (SQLException e) {
            throw runner.failed(sql, start, e, event);
        } catch (RuntimeException e) {
            throw runner.abandoned(start, e, event);
        }
    }

    private static PreparedStatement clientPrepare(Connection c, String sql) throws SQLException {
        if (c.isWrapperFor(JdbcConnection.class)) {
            return c.unwrap(JdbcConnection.class).clientPrepareStatement(sql);
        }
        return c.prepareStatement(sql);
    }

    private static BulkProgress progress(Counts counts, long start) {
        return new BulkProgress(counts.rows, counts.batches, Duration.ofNanos(System.nanoTime() - start), false);
    }

    /**
     * Up to {@code limit} rows, encoded as the driver reads. Once closed it answers every read with an
     * {@link IOException}, so a server asking for "the file" a second time gets nothing.
     */
    private static final class RowStream extends InputStream {
        private final BulkInsert spec;
        private final Iterator<?> rows;
        private final int limit;
        private final Counts counts;
        private final LoadDataEncoder encoder = new LoadDataEncoder(64 * 1024);
        int taken;
        private int pos;
        private boolean closed;
        RuntimeException failure;

        RowStream(BulkInsert spec, Iterator<?> rows, int limit, Counts counts) {
            this.spec = spec;
            this.rows = rows;
            this.limit = limit;
            this.counts = counts;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("the bulk insert stream is closed");
            }
            if (len == 0) {
                return 0;
            }
            while (failure == null && encoder.length() - pos < len && taken < limit && rows.hasNext()) {
                int mark = encoder.length();
                try {
                    encoder.row(spec.values(rows.next(), counts.pulled++));
                    taken++;
                } catch (RuntimeException e) {
                    // End the stream cleanly before the bad row (an I/O error here would leave the connection
                    // mid-protocol); the loader throws the failure once the statement has returned.
                    encoder.truncate(mark);
                    failure = e;
                }
            }
            int available = encoder.length() - pos;
            if (available == 0) {
                return -1;
            }
            int n = Math.min(available, len);
            System.arraycopy(encoder.array(), pos, b, off, n);
            pos += n;
            if (pos == encoder.length()) {
                encoder.clear();
                pos = 0;
            } else if (pos > 1 << 20) {
                encoder.consume(pos);
                pos = 0;
            }
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
