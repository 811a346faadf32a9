package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.result.Row;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collector;

/**
 * Reading a {@code rows}-row result {@code (id, name)} (table {@link #table}, made by the runner) row by row, one
 * read per single-shot operation, with the peak heap growth recorded. The pairs run in the runner's shared JVM;
 * the growth series runs {@code sdkStream} in forks with {@value #HEAP} of heap (a materialised million rows
 * would not fit). Sides: the SDK's {@code stream} (row views read in place)
 * vs Connector/J's row-at-a-time mode (fetch size {@code Integer.MIN_VALUE}; MatrixOne has no cursor fetch); the
 * SDK's {@code stream} keeping a detached copy of every row (what every row cost before row views); the SDK's
 * async {@code stream} vs Vert.x decoding into a collector.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class StreamingBenchmark {
    static final String HEAP = "96m";

    @Param("1000000")
    public long rows;

    Target target;
    String sql;
    MatrixOneClient sdk;
    HikariDataSource hikari;
    Vertx vertx;
    AsyncMatrixOneClient async;
    Pool pool;

    @Setup
    public void open() {
        target = Target.fromProperty();
        sql = "SELECT id, name FROM " + table(rows);
        sdk = target.sdkClient(2);
        hikari = target.rawHikari(2);
        vertx = Vertx.vertx();
        async = target.sdkAsync(2, vertx);
        pool = target.rawVertxPool(vertx, 2);
    }

    @TearDown
    public void close() {
        async.close().toCompletableFuture().join();
        Target.await(pool.close());
        Target.await(vertx.close());
        hikari.close();
        sdk.close();
    }

    @Benchmark
    public long sdkStream() {
        long[] sum = new long[1];
        long n = sdk.stream(sql, List.of(), row -> sum[0] += row.getLong(0) + row.getString(1).length());
        return check(n, sum[0]);
    }

    @Benchmark
    public long sdkStreamDetached() {
        long[] sum = new long[1];
        long n = sdk.stream(sql, List.of(), view -> {
            Row row = view.detach();
            sum[0] += row.getLong(0) + row.getString(1).length();
        });
        return check(n, sum[0]);
    }

    @Benchmark
    public long rawJdbcStream() throws SQLException {
        try (Connection c = hikari.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            long n = 0;
            long sum = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    sum += rs.getLong(1) + rs.getString(2).length();
                }
            }
            return check(n, sum);
        }
    }

    @Benchmark
    public long sdkAsyncStream() {
        long[] sum = new long[1];
        long n = async.stream(sql, List.of(), row -> sum[0] += row.getLong(0) + row.getString(1).length())
                .toCompletableFuture().join();
        return check(n, sum[0]);
    }

    @Benchmark
    public long rawVertxStream() {
        long[] sum = new long[1];
        Collector<io.vertx.sqlclient.Row, long[], Long> counting = Collector.of(() -> new long[1], (x, row) -> {
            x[0]++;
            sum[0] += row.getLong(0) + row.getString(1).length();
        }, (x, y) -> x, x -> x[0]);
        long n = Target.await(pool.query(sql).collecting(counting).execute()).value();
        return check(n, sum[0]);
    }

    private long check(long n, long sum) {
        if (n != rows || sum == 0) {
            throw new IllegalStateException("read " + n + " rows, expected " + rows);
        }
        return n;
    }

    static String table(long rows) {
        return "bench_stream_" + rows;
    }

    /** Creates the table of {@code rows} rows unless it is there with that many. */
    static void createTable(Target t, long rows) {
        String table = table(rows);
        try {
            if (t.count(table) == rows) {
                return;
            }
        } catch (RuntimeException missing) {
            // created below
        }
        String gen = t.kind.equals("mariadb")
                ? "SELECT seq, CONCAT('name-', seq) FROM seq_1_to_" + rows
                : "SELECT result, CONCAT('name-', result) FROM generate_series(1, " + rows + ") g";
        t.admin("DROP TABLE IF EXISTS " + table,
                "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL)",
                "INSERT INTO " + table + " " + gen);
    }
}
