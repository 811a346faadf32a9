package io.matrixone.benchmarks;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.SnapshotSpec;
import io.vertx.core.Vertx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How cost grows with size, one JMH run per size (the runner's growth series; bulk insert and streaming reuse
 * {@link BulkInsertBenchmark#sdkBulk} and {@link StreamingBenchmark#sdkStream} with their {@code rows}):
 * {@code client.snapshots().list()} with {@code snapshots} snapshots on the server (the emulator), and
 * {@code transactions} async transactions (BEGIN, INSERT, COMMIT) started at once on one async client (pool 10).
 */
@OutputTimeUnit(TimeUnit.SECONDS)
public class GrowthBenchmark {
    static final String SNAPSHOT_TABLE = "bench_snap_t";
    static final String TX_TABLE = "bench_async_tx";
    private static final AtomicLong IDS = new AtomicLong();

    @State(Scope.Benchmark)
    public static class Snapshots {
        @Param("10")
        public int snapshots;
        MatrixOneClient client;

        @Setup
        public void open() {
            client = Target.fromProperty().sdkClient(2);
            // bench_snap_00000 ...: creates only what an earlier size did not
            java.util.Set<String> have = new java.util.HashSet<>();
            client.snapshots().list().forEach(x -> have.add(x.name()));
            for (int i = 0; i < snapshots; i++) {
                if (!have.contains(name(i))) {
                    client.snapshots().create(SnapshotSpec.table(name(i), Target.DB, SNAPSHOT_TABLE));
                }
            }
        }

        @TearDown
        public void close() {
            client.close();
        }
    }

    static String name(int i) {
        return String.format("bench_snap_%05d", i);
    }

    @State(Scope.Benchmark)
    public static class AsyncTx {
        @Param("1000")
        public int transactions;
        Vertx vertx;
        AsyncMatrixOneClient client;

        @Setup
        public void open() {
            vertx = Vertx.vertx();
            client = Target.fromProperty().sdkAsync(10, vertx);
        }

        @TearDown
        public void close() {
            client.close().toCompletableFuture().join();
            Target.await(vertx.close());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public int listSnapshots(Snapshots s) {
        int n = s.client.snapshots().list().size();
        if (n < s.snapshots) {
            throw new IllegalStateException("listed " + n + " of " + s.snapshots);
        }
        return n;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public void asyncTransactions(AsyncTx s) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[s.transactions];
        for (int i = 0; i < all.length; i++) {
            long id = IDS.incrementAndGet();
            all[i] = s.client.transaction(tx -> tx.execute("INSERT INTO " + TX_TABLE + " (id, name) VALUES (?, ?)", id,
                    "tx-" + id)).toCompletableFuture();
        }
        CompletableFuture.allOf(all).join();
    }
}
