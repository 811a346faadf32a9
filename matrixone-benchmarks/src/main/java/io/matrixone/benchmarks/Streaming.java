package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.benchmarks.harness.Child;
import io.matrixone.benchmarks.harness.PairResult;
import io.matrixone.benchmarks.harness.RoundRunner;
import io.matrixone.benchmarks.harness.Side;
import io.matrixone.client.MatrixOneClient;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collector;

/**
 * Reading an {@code n}-row result {@code (id, name)} row by row, one read per round and side, in a JVM forked with
 * {@value #HEAP} of heap (a materialised million rows would not fit): the SDK's {@code stream} vs Connector/J's
 * row-at-a-time mode (fetch size {@code Integer.MIN_VALUE}; MatrixOne has no cursor fetch), the SDK's async
 * {@code stream} vs Vert.x decoding into a collector. Peak heap growth is recorded per read.
 */
final class Streaming {
    static final String HEAP = "96m";

    private Streaming() {
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

    /** Runs the streaming pairs in a fork with a small heap and reads back its results. */
    @SuppressWarnings("unchecked")
    static List<PairResult> runForked(Target t, long rows, int rounds, int warmup, String idSuffix) throws Exception {
        createTable(t, rows);
        Path out = Files.createTempFile("matrixone-bench-stream-", ".bin");
        try {
            Child.runJava("stream-fork", List.of("-Xmx" + HEAP, "-XX:+UseG1GC"), RunBenchmarks.class.getName(),
                    List.of("--stream-fork", t.kind, t.host, Integer.toString(t.port), t.user, t.password,
                            Long.toString(rows), Integer.toString(rounds), Integer.toString(warmup), idSuffix,
                            out.toString()));
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(out))) {
                return (List<PairResult>) in.readObject();
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The fork's side: runs the pairs against the given server and writes the results to {@code out}. */
    static void fork(String[] a) throws Exception {
        Target t = Target.external(a[1], a[2], Integer.parseInt(a[3]), a[4], a[5]);
        long rows = Long.parseLong(a[6]);
        int rounds = Integer.parseInt(a[7]);
        int warmup = Integer.parseInt(a[8]);
        String suffix = a[9];
        RoundRunner runner = new RoundRunner(System.out::println);
        List<PairResult> results = run(t, rows, rounds, warmup, suffix, runner);
        try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(Path.of(a[10])))) {
            o.writeObject(new ArrayList<>(results));
        }
    }

    static List<PairResult> run(Target t, long rows, int rounds, int warmup, String suffix, RoundRunner runner)
            throws Exception {
        String sql = "SELECT id, name FROM " + table(rows);
        List<PairResult> out = new ArrayList<>();
        Vertx vertx = Vertx.vertx();
        try (MatrixOneClient sdk = t.sdkClient(2); HikariDataSource hikari = t.rawHikari(2)) {
            AsyncMatrixOneClient async = t.sdkAsync(2, vertx);
            Pool pool = t.rawVertxPool(vertx, 2);
            try {
                Side sdkStream = Side.localWithPeak("SDK stream", () -> {
                    AtomicLong sum = new AtomicLong();
                    long n = sdk.stream(sql, List.of(), row -> sum.addAndGet(row.getLong(0) + row.getString(1).length()));
                    return check(n, rows, sum.get());
                }, null);
                Side jdbcStream = Side.localWithPeak("Connector/J streaming ResultSet", () -> {
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
                        return check(n, rows, sum);
                    }
                }, null);
                Side asyncStream = Side.localWithPeak("SDK async stream", () -> {
                    AtomicLong sum = new AtomicLong();
                    long n = async.stream(sql, List.of(), row -> sum.addAndGet(row.getLong(0) + row.getString(1).length()))
                            .toCompletableFuture().join();
                    return check(n, rows, sum.get());
                }, null);
                Side vertxStream = Side.localWithPeak("Vert.x query, collecting", () -> {
                    AtomicLong sum = new AtomicLong();
                    Collector<io.vertx.sqlclient.Row, long[], Long> counting = Collector.of(() -> new long[1], (x, row) -> {
                        x[0]++;
                        sum.addAndGet(row.getLong(0) + row.getString(1).length());
                    }, (x, y) -> x, x -> x[0]);
                    long n = pool.query(sql).collecting(counting).execute().toCompletionStage().toCompletableFuture()
                            .join().value();
                    return check(n, rows, sum.get());
                }, null);
                io.matrixone.benchmarks.harness.Budget shot = io.matrixone.benchmarks.harness.Budget.shot(warmup);
                out.add(runner.run("stream-sync" + suffix, "Stream " + rows + " rows", sdkStream, jdbcStream, shot, rounds));
                out.add(runner.run("stream-async" + suffix, "Stream " + rows + " rows", asyncStream, vertxStream, shot,
                        rounds));
            } finally {
                async.close().toCompletableFuture().join();
                pool.close().toCompletionStage().toCompletableFuture().join();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        return out;
    }

    private static long check(long n, long rows, long sum) {
        if (n != rows || sum == 0) {
            throw new IllegalStateException("read " + n + " rows, expected " + rows);
        }
        return n;
    }

}
