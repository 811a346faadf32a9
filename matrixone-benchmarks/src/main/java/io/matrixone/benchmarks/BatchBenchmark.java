package io.matrixone.benchmarks;

import io.vertx.sqlclient.Tuple;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A batch of {@value #ROWS} rows for one INSERT, all or nothing, into table {@value #TABLE} (made by the runner,
 * emptied before every iteration): the SDK's {@code executeBatch} against what a user of the raw driver writes for
 * the same. Sync: Connector/J's batch on HikariCP with the SDK's driver settings (rewritten into one multi-row
 * INSERT, autocommit), as the SDK sends it. Async: Vert.x's {@code executeBatch} in {@code withTransaction} on a
 * pool without pipelining, as the SDK's pool, which is one statement per row; the SDK's async client sends the
 * same batch as one multi-row INSERT in its own transaction.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BatchBenchmark.ROWS)
public class BatchBenchmark {
    static final String TABLE = "bench_batch";
    static final int ROWS = 1_000;
    static final String SQL = "INSERT INTO " + TABLE + " (name, email) VALUES (?, ?)";
    private static final AtomicLong IDS = new AtomicLong();

    /** Empties the table before every iteration, so that every round writes into the same sizes. */
    @State(Scope.Benchmark)
    public static class Table {
        @Setup(Level.Iteration)
        public void empty() {
            Target.fromProperty().admin("TRUNCATE TABLE " + TABLE);
        }
    }

    static List<List<?>> rows() {
        long base = IDS.incrementAndGet() * ROWS;
        List<List<?>> rows = new ArrayList<>(ROWS);
        for (long k = base; k < base + ROWS; k++) {
            rows.add(List.of("user-" + k, "user-" + k + "@example.com"));
        }
        return rows;
    }

    @Benchmark
    public long[] sdkSync(ClientStates.Sdk s, Table t) {
        return s.client.executeBatch(SQL, rows());
    }

    @Benchmark
    public long[] rawJdbc(ClientStates.Jdbc j, Table t) throws SQLException {
        try (Connection c = j.pool.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            for (List<?> row : rows()) {
                ps.setString(1, (String) row.get(0));
                ps.setString(2, (String) row.get(1));
                ps.addBatch();
            }
            return ps.executeLargeBatch();
        }
    }

    @Benchmark
    public long[] sdkAsync(ClientStates.SdkAsync a, Table t) {
        return a.client.executeBatch(SQL, rows()).toCompletableFuture().join();
    }

    @Benchmark
    public int rawVertx(ClientStates.VertxPool v, Table t) {
        List<Tuple> tuples = new ArrayList<>(ROWS);
        for (List<?> row : rows()) {
            tuples.add(Tuple.of(row.get(0), row.get(1)));
        }
        return Target.await(v.pool.withTransaction(c -> c.preparedQuery(SQL).executeBatch(tuples))).rowCount();
    }
}
