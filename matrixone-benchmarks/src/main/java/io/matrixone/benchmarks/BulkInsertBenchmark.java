package io.matrixone.benchmarks;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkMethod;
import io.vertx.core.Vertx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Inserting {@code rows} rows {@code (id BIGINT PK, name, email UNIQUE)} into table {@value #TABLE} (made by the
 * runner, emptied untimed before every shot): one single-shot operation per iteration. The runner turns the time
 * into rows per second. Row by row inserts {@code rows / }{@value #ROW_BY_ROW_DIVISOR} rows (a million would take
 * minutes per shot); its rows per second are comparable.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class BulkInsertBenchmark {
    static final String TABLE = "bench_bulk";
    static final int ROW_BY_ROW_DIVISOR = 50;
    /** The TSV files of the rows, written once per JVM and size (the rounds share the JVM). */
    private static final Map<Long, Path> FILES = new HashMap<>();

    @Param("1000000")
    public long rows;

    Target target;
    MatrixOneClient sdk;
    Vertx vertx;
    AsyncMatrixOneClient async;
    Connection admin;
    Connection batchConn;
    Connection rowConn;
    Connection fileConn;
    Path file;

    @Setup
    public void open() throws SQLException {
        target = Target.fromProperty();
        sdk = target.sdkClient(2);
        admin = target.direct(new Properties());
        Properties batch = new Properties();
        batch.setProperty("rewriteBatchedStatements", "true");
        batchConn = target.direct(batch);
        Properties row = new Properties();
        row.setProperty("useServerPrepStmts", "true");
        row.setProperty("cachePrepStmts", "true");
        rowConn = target.direct(row);
    }

    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("TRUNCATE TABLE " + TABLE);
        }
    }

    @TearDown
    public void close() throws SQLException {
        if (async != null) {
            async.close().toCompletableFuture().join();
            Target.await(vertx.close());
        }
        for (Connection c : new Connection[] {admin, batchConn, rowConn, fileConn}) {
            if (c != null) {
                c.close();
            }
        }
        sdk.close();
    }

    @Benchmark
    public long sdkBulk() {
        return check(sdk.bulkInsert(insert(null)).rows());
    }

    @Benchmark
    public long sdkInsert() {
        return check(sdk.bulkInsert(insert(BulkMethod.INSERT)).rows());
    }

    @Benchmark
    public long sdkLoadData() {
        return check(sdk.bulkInsert(insert(BulkMethod.LOAD_DATA)).rows());
    }

    @Benchmark
    public long sdkAsyncBulk() {
        if (async == null) {
            vertx = Vertx.vertx();
            async = target.sdkAsync(2, vertx);
        }
        return check(async.bulkInsert(insert(null)).toCompletableFuture().join().rows());
    }

    /** The server's own LOAD DATA LOCAL INFILE of the same rows from a file (the client only sends the file). */
    @Benchmark
    public long serverLoadFile() throws SQLException, IOException {
        if (fileConn == null) {
            Properties local = new Properties();
            local.setProperty("allowLoadLocalInfile", "true"); // benchmark only: the raw driver reads the file we name
            fileConn = target.direct(local);
            synchronized (FILES) {
                file = FILES.get(rows);
                if (file == null) {
                    file = Rows.writeFile(rows);
                    FILES.put(rows, file);
                }
            }
        }
        try (Statement st = fileConn.createStatement()) {
            return check(st.executeLargeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE " + TABLE
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (id, name, email)"));
        }
    }

    /** Connector/J batches of 1,000 rows with {@code rewriteBatchedStatements=true}, one transaction. */
    @Benchmark
    public long jdbcBatch() throws SQLException {
        Connection c = batchConn;
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, name, email) VALUES (?, ?, ?)")) {
            for (long id = 1; id <= rows; id++) {
                Rows.bind(ps, id);
                ps.addBatch();
                if (id % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return rows;
    }

    /** One server-side prepared INSERT per row, all in one transaction; {@code rows / 50} rows. */
    @Benchmark
    public long rowByRow() throws SQLException {
        long n = rows / ROW_BY_ROW_DIVISOR;
        Connection c = rowConn;
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, name, email) VALUES (?, ?, ?)")) {
            for (long id = 1; id <= n; id++) {
                Rows.bind(ps, id);
                ps.executeUpdate();
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return n;
    }

    /** The server inserting the same rows from its own row generator: no client, no network. */
    @Benchmark
    public long serverInsertSelect() throws SQLException {
        String gen = target.kind.equals("mariadb")
                ? "SELECT seq, CONCAT('name-', seq), CONCAT('user-', seq, '@example.com') FROM seq_1_to_" + rows
                : "SELECT result, CONCAT('name-', result), CONCAT('user-', result, '@example.com') FROM generate_series(1, "
                        + rows + ") g";
        try (Statement st = admin.createStatement()) {
            return check(st.executeLargeUpdate("INSERT INTO " + TABLE + " (id, name, email) " + gen));
        }
    }

    private BulkInsert insert(BulkMethod method) {
        BulkInsert b = BulkInsert.into(Target.DB, TABLE).columns("id", "name", "email").rows(Rows.of(rows));
        return method == null ? b : b.method(method);
    }

    private long check(long got) {
        if (got != rows) {
            throw new IllegalStateException("inserted " + got + " rows, expected " + rows);
        }
        return got;
    }

    static void createTable(Target t) {
        t.admin("DROP TABLE IF EXISTS " + TABLE, "CREATE TABLE " + TABLE
                + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL UNIQUE)");
    }
}
