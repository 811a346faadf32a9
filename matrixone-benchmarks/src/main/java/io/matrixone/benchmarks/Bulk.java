package io.matrixone.benchmarks;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.benchmarks.harness.Op;
import io.matrixone.benchmarks.harness.PairResult;
import io.matrixone.benchmarks.harness.RoundRunner;
import io.matrixone.benchmarks.harness.Side;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Inserting {@code rows} rows {@code (id BIGINT PK, name, email UNIQUE)} into an emptied table, one insert per
 * round and side (the table is emptied, untimed, before each). Scores are rows per second. Row by row inserts a
 * fiftieth of the rows (a million would take minutes per round); its rows per second are comparable.
 */
final class Bulk {
    static final String TABLE = "bench_bulk";
    static final int ROW_BY_ROW_DIVISOR = 50;

    private final Target t;
    private final long rows;

    Bulk(Target t, long rows) {
        this.t = t;
        this.rows = rows;
    }

    static void createTable(Target t) {
        t.admin("DROP TABLE IF EXISTS " + TABLE, "CREATE TABLE " + TABLE
                + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL UNIQUE)");
    }

    static List<PairResult> run(Target t, Plan plan, RoundRunner runner, int rounds, boolean serverBound)
            throws Exception {
        return new Bulk(t, plan.bulkRows()).pairs(plan, runner, rounds, serverBound);
    }

    private List<PairResult> pairs(Plan plan, RoundRunner runner, int rounds, boolean serverBound) throws Exception {
        createTable(t);
        List<PairResult> out = new ArrayList<>();
        Vertx vertx = Vertx.vertx();
        Path file = Rows.writeFile(rows);
        Properties batch = new Properties();
        batch.setProperty("rewriteBatchedStatements", "true");
        Properties row = new Properties();
        row.setProperty("useServerPrepStmts", "true");
        row.setProperty("cachePrepStmts", "true");
        Properties local = new Properties();
        local.setProperty("allowLoadLocalInfile", "true"); // benchmark only: the raw driver reads the file we name
        try (MatrixOneClient sdk = t.sdkClient(2);
             Connection batchConn = t.direct(batch);
             Connection rowConn = t.direct(row);
             Connection fileConn = t.direct(local)) {
            AsyncMatrixOneClient async = t.sdkAsync(2, vertx);
            Op empty = () -> {
                try (Statement st = batchConn.createStatement()) {
                    st.execute("TRUNCATE TABLE " + TABLE);
                }
                return 0;
            };
            Side sdkAuto = Side.local("SDK bulkInsert (AUTO: multi-row INSERT)", () -> sdkBulk(sdk, null), empty);
            Side sdkLoad = Side.local("SDK bulkInsert (LOAD_DATA stream)", () -> sdkBulk(sdk, BulkMethod.LOAD_DATA), empty);
            Side serverFile = Side.local("LOAD DATA LOCAL INFILE of a file", () -> loadFile(fileConn, file), empty);
            Side rowByRow = Side.local("row-by-row prepared INSERT, one transaction (rows/" + ROW_BY_ROW_DIVISOR + ")",
                    () -> rowByRow(rowConn, rows / ROW_BY_ROW_DIVISOR), empty);
            Side jdbcBatch = Side.local("JDBC batch, rewriteBatchedStatements", () -> jdbcBatch(batchConn), empty);
            Side sdkAsync = Side.local("SDK async bulkInsert (multi-row INSERT)", () -> {
                BulkResult r = async.bulkInsert(insert(null)).toCompletableFuture().join();
                return check(r.rows(), rows);
            }, empty);
            try {
                out.add(runner.run("bulk-file", "Bulk insert", sdkLoad, serverFile, plan.shot(), rounds));
                out.add(runner.run("bulk-rowbyrow", "Bulk insert", sdkAuto, rowByRow, plan.shot(), rounds));
                out.add(runner.run("bulk-load-rowbyrow", "Bulk insert", sdkLoad, rowByRow, plan.shot(), rounds));
                if (serverBound) {
                    Side insertSelect = Side.local("server alone: INSERT ... SELECT", () -> insertSelect(batchConn), empty);
                    out.add(runner.run("bulk-server", "Bulk insert", sdkAuto, insertSelect, plan.shot(), rounds));
                }
                out.add(runner.run("bulk-jdbc", "Bulk insert", sdkAuto, jdbcBatch, plan.shot(), rounds));
                out.add(runner.run("bulk-async", "Bulk insert", sdkAsync, jdbcBatch, plan.shot(), rounds));
            } finally {
                async.close().toCompletableFuture().join();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            Files.deleteIfExists(file);
        }
        return out;
    }

    private BulkInsert insert(BulkMethod method) {
        BulkInsert b = BulkInsert.into(Target.DB, TABLE).columns("id", "name", "email").rows(Rows.of(rows));
        return method == null ? b : b.method(method);
    }

    long sdkBulk(MatrixOneClient sdk, BulkMethod method) {
        return check(sdk.bulkInsert(insert(method)).rows(), rows);
    }

    private long loadFile(Connection c, Path file) throws SQLException {
        try (Statement st = c.createStatement()) {
            long n = st.executeLargeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE " + TABLE
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (id, name, email)");
            return check(n, rows);
        }
    }

    private long jdbcBatch(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, name, email) VALUES (?, ?, ?)")) {
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
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return rows;
    }

    static long rowByRow(Connection c, long n) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, name, email) VALUES (?, ?, ?)")) {
            for (long id = 1; id <= n; id++) {
                ps.setLong(1, id);
                ps.setString(2, Rows.name(id));
                ps.setString(3, Rows.email(id));
                ps.executeUpdate();
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return n;
    }

    /** The server inserting the same rows from its own row generator: no client, no network. */
    private long insertSelect(Connection c) throws SQLException {
        String gen = t.kind.equals("mariadb")
                ? "SELECT seq, CONCAT('name-', seq), CONCAT('user-', seq, '@example.com') FROM seq_1_to_" + rows
                : "SELECT result, CONCAT('name-', result), CONCAT('user-', result, '@example.com') FROM generate_series(1, "
                        + rows + ") g";
        try (Statement st = c.createStatement()) {
            return check(st.executeLargeUpdate("INSERT INTO " + TABLE + " (id, name, email) " + gen), rows);
        }
    }

    private static long check(long got, long expected) {
        if (got != expected) {
            throw new IllegalStateException("inserted " + got + " rows, expected " + expected);
        }
        return got;
    }
}
