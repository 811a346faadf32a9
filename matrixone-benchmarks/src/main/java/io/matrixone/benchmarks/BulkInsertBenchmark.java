package io.matrixone.benchmarks;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkMethod;
import io.matrixone.core.bulk.BulkResult;
import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

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

/**
 * Inserting {@code rows} rows {@code (id BIGINT PK, name, email UNIQUE)} into an emptied table, one shot per
 * iteration; each method inserts in one transaction (or one statement). Scores are seconds per insert;
 * {@link RunBenchmarks} turns them into rows per second. Row by row inserts {@code rows / ROW_BY_ROW_DIVISOR}
 * rows only (it would take minutes otherwise); its rows per second are comparable.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BulkInsertBenchmark {
    static final String TABLE = "bench_bulk";
    static final int ROW_BY_ROW_DIVISOR = 50;
    static final int AUTOCOMMIT_DIVISOR = 200;

    @Param({"mariadb"})
    public String target;

    @Param({"1000000"})
    public long rows;

    private Servers servers;
    private MatrixOneClient sdk;
    private Vertx vertx;
    private AsyncMatrixOneClient sdkAsync;
    private Connection batchConn;
    private Connection rowConn;
    private Connection fileConn;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        servers = Servers.start(target);
        sdk = servers.sdkClient(2);
        vertx = Vertx.vertx();
        sdkAsync = servers.sdkAsync(4, vertx);
        Properties batch = new Properties();
        batch.setProperty("rewriteBatchedStatements", "true");
        batchConn = servers.direct(batch);
        Properties row = new Properties();
        row.setProperty("useServerPrepStmts", "true");
        row.setProperty("cachePrepStmts", "true");
        rowConn = servers.direct(row);
        // Benchmark only, against our own local server: the raw driver reads the named file.
        Properties local = new Properties();
        local.setProperty("allowLoadLocalInfile", "true");
        fileConn = servers.direct(local);
        file = Rows.writeFile(rows);
        try (Statement st = batchConn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + TABLE);
            st.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
                    + "email VARCHAR(128) NOT NULL UNIQUE)");
        }
    }

    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        try (Statement st = batchConn.createStatement()) {
            st.execute("TRUNCATE TABLE " + TABLE);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        batchConn.close();
        rowConn.close();
        fileConn.close();
        sdk.close();
        sdkAsync.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        servers.close();
        Files.deleteIfExists(file);
    }

    /** The SDK's fastest bulk path: LOAD DATA LOCAL from the SDK's own stream (AUTO means INSERT on MatrixOne). */
    @Benchmark
    public BulkResult sdkBulk() {
        BulkResult r = sdk.bulkInsert(BulkInsert.into(Servers.DB, TABLE).columns("id", "name", "email").rows(Rows.of(rows))
                .method(BulkMethod.LOAD_DATA));
        check(r.rows(), rows);
        return r;
    }

    /** The SDK's bulk path forced to multi-row INSERTs (what the async client and servers without local files get). */
    @Benchmark
    public BulkResult sdkBulkInsertMethod() {
        BulkResult r = sdk.bulkInsert(BulkInsert.into(Servers.DB, TABLE).columns("id", "name", "email")
                .rows(Rows.of(rows)).method(BulkMethod.INSERT));
        check(r.rows(), rows);
        return r;
    }

    /** The async client's bulk path: multi-row INSERTs of 1,000 rows, one at a time (Vert.x has no LOCAL INFILE). */
    @Benchmark
    public BulkResult sdkAsyncBulk() {
        BulkResult r = sdkAsync.bulkInsert(BulkInsert.into(Servers.DB, TABLE).columns("id", "name", "email")
                .rows(Rows.of(rows))).toCompletableFuture().join();
        check(r.rows(), rows);
        return r;
    }

    /** The server's own LOAD DATA LOCAL INFILE of the same rows from a file. */
    @Benchmark
    public long serverLoadDataFile() throws SQLException {
        try (Statement st = fileConn.createStatement()) {
            long n = st.executeLargeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE " + TABLE
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (id, name, email)");
            check(n, rows);
            return n;
        }
    }

    /** Raw Connector/J batch with rewriteBatchedStatements=true, 1,000 rows per executeBatch, one transaction. */
    @Benchmark
    public long rawJdbcBatch() throws SQLException {
        batchConn.setAutoCommit(false);
        try (PreparedStatement ps = batchConn.prepareStatement("INSERT INTO " + TABLE + " (id, name, email) VALUES (?, ?, ?)")) {
            for (long id = 1; id <= rows; id++) {
                ps.setLong(1, id);
                ps.setString(2, Rows.name(id));
                ps.setString(3, Rows.email(id));
                ps.addBatch();
                if (id % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            batchConn.commit();
        } finally {
            batchConn.setAutoCommit(true);
        }
        return rows;
    }

    /** Raw Connector/J, one INSERT per row (server-side prepared, cached), one transaction; rows / 50 rows. */
    @Benchmark
    public long rowByRow() throws SQLException {
        long n = rows / ROW_BY_ROW_DIVISOR;
        rowConn.setAutoCommit(false);
        try (PreparedStatement ps = rowConn.prepareStatement("INSERT INTO " + TABLE + " (id, name, email) VALUES (?, ?, ?)")) {
            for (long id = 1; id <= n; id++) {
                ps.setLong(1, id);
                ps.setString(2, Rows.name(id));
                ps.setString(3, Rows.email(id));
                ps.executeUpdate();
            }
            rowConn.commit();
        } finally {
            rowConn.setAutoCommit(true);
        }
        return n;
    }

    /**
     * Raw Connector/J, one INSERT per row in autocommit mode (each row its own transaction: what a naive loop
     * does); rows / 200 rows.
     */
    @Benchmark
    public long rowByRowAutocommit() throws SQLException {
        long n = rows / AUTOCOMMIT_DIVISOR;
        try (PreparedStatement ps = rowConn.prepareStatement("INSERT INTO " + TABLE + " (id, name, email) VALUES (?, ?, ?)")) {
            for (long id = 1; id <= n; id++) {
                ps.setLong(1, id);
                ps.setString(2, Rows.name(id));
                ps.setString(3, Rows.email(id));
                ps.executeUpdate();
            }
        }
        return n;
    }

    private static void check(long got, long expected) {
        if (got != expected) {
            throw new IllegalStateException("inserted " + got + " rows, expected " + expected);
        }
    }

    static long rowsOf(String method, long rows) {
        return switch (method) {
            case "rowByRow" -> rows / ROW_BY_ROW_DIVISOR;
            case "rowByRowAutocommit" -> rows / AUTOCOMMIT_DIVISOR;
            default -> rows;
        };
    }

}
