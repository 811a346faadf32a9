package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collector;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading a 1M-row result ({@code id, name}) row by row, one shot per iteration, in a JVM limited to
 * {@value #HEAP} of heap: materialising the result would not fit. MatrixOne has no cursor fetch; the sync side
 * streams with Connector/J's row-at-a-time mode (fetch size {@code Integer.MIN_VALUE}), the async side decodes
 * each row into a collector as it arrives. Peak heap growth per method is recorded by {@link HeapPeak}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx" + StreamingBenchmark.HEAP})
public class StreamingBenchmark {
    static final String HEAP = "96m";
    static final int ROWS = 1_000_000;
    /** MariaDB's sequence engine; CAST because {@code seq} is BIGINT UNSIGNED, which would read as BigInteger. */
    static final String SQL = "SELECT CAST(seq AS SIGNED) AS id, CONCAT('name-', seq) AS name FROM seq_1_to_" + ROWS;

    @Param({"mariadb"})
    public String target;

    private Servers servers;
    private MatrixOneClient sdk;
    private HikariDataSource hikari;
    private Vertx vertx;
    private AsyncMatrixOneClient sdkAsync;
    private SqlClient vertxClient;

    @Setup(Level.Trial)
    public void setUp() {
        servers = Servers.start(target);
        sdk = servers.sdkClient(2);
        hikari = servers.rawHikari(2);
        vertx = Vertx.vertx();
        sdkAsync = servers.sdkAsync(4, vertx);
        vertxClient = servers.rawVertx(vertx, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sdkAsync.close();
        vertxClient.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        hikari.close();
        sdk.close();
        servers.close();
    }

    private static long check(long n) {
        if (n != ROWS) {
            throw new IllegalStateException("read " + n + " rows");
        }
        return n;
    }

    @Benchmark
    public long sdkStream() {
        try (HeapPeak heap = new HeapPeak()) {
            AtomicLong sum = new AtomicLong();
            long n = sdk.stream(SQL, List.of(), row -> sum.addAndGet(row.getLong(0) + row.getString(1).length()));
            HeapPeak.record("sdkStream", heap.growth());
            return check(n) + sum.get();
        }
    }

    @Benchmark
    public long rawJdbcStream() throws SQLException {
        try (HeapPeak heap = new HeapPeak();
             Connection c = hikari.getConnection();
             PreparedStatement ps = c.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            long n = 0;
            long sum = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    sum += rs.getLong(1) + rs.getString(2).length();
                }
            }
            HeapPeak.record("rawJdbcStream", heap.growth());
            return check(n) + sum;
        }
    }

    @Benchmark
    public long sdkAsyncStream() {
        try (HeapPeak heap = new HeapPeak()) {
            AtomicLong sum = new AtomicLong();
            long n = sdkAsync.stream(SQL, List.of(), row -> sum.addAndGet(row.getLong(0) + row.getString(1).length()))
                    .toCompletableFuture().join();
            HeapPeak.record("sdkAsyncStream", heap.growth());
            return check(n) + sum.get();
        }
    }

    @Benchmark
    public long rawVertxStream() {
        try (HeapPeak heap = new HeapPeak()) {
            AtomicLong sum = new AtomicLong();
            Collector<io.vertx.sqlclient.Row, long[], Long> counting = Collector.of(() -> new long[1], (a, row) -> {
                a[0]++;
                sum.addAndGet(row.getLong(0) + row.getString(1).length());
            }, (a, b) -> a, a -> a[0]);
            long n = vertxClient.query(SQL).collecting(counting).execute().toCompletionStage().toCompletableFuture()
                    .join().value();
            HeapPeak.record("rawVertxStream", heap.growth());
            return check(n) + sum.get();
        }
    }
}
