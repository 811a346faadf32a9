package io.matrixone.benchmarks;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.benchmarks.harness.Meter;
import io.matrixone.benchmarks.harness.PairResult;
import io.matrixone.benchmarks.harness.Sample;
import io.matrixone.benchmarks.harness.Stats;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.model.SnapshotSpec;
import io.vertx.core.Vertx;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * How cost grows with size: one series per workload, one step per size, each step the median of a few runs (one
 * at the largest sizes). Besides wall time, the client's CPU time and allocation per item: those show whether the
 * SDK's own cost per item stays flat when the server's does not (a 10M-row table no longer fits MariaDB's default
 * buffer pool).
 */
final class Growth {

    /** One step of a series: {@code size} items, the median sample of its runs. */
    record Step(String series, long size, Sample sample, int runs) implements Serializable {
        double seconds() {
            return sample.wallNanos() / 1e9;
        }
    }

    private Growth() {
    }

    /** Bulk insert (the SDK's default, one transaction) of 10k ... {@code max} rows into an emptied table. */
    static List<Step> bulk(Target t, long max, Consumer<String> log) throws Exception {
        Bulk.createTable(t);
        List<Step> out = new ArrayList<>();
        try (MatrixOneClient sdk = t.sdkClient(2)) {
            insert(t, sdk, 10_000); // warm-up
            for (long n = 10_000; n <= max; n *= 10) {
                long rows = n;
                int runs = n >= 1_000_000 ? 1 : 3;
                List<Sample> samples = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    t.admin("TRUNCATE TABLE " + Bulk.TABLE);
                    Meter m = Meter.start();
                    samples.add(m.stop(insert(t, sdk, rows)));
                }
                Step s = new Step("bulk", n, median(samples), runs);
                log.accept(String.format("growth bulk %,d rows: %.2f s", n, s.seconds()));
                out.add(s);
            }
            t.admin("TRUNCATE TABLE " + Bulk.TABLE);
        }
        return out;
    }

    private static long insert(Target t, MatrixOneClient sdk, long rows) {
        return sdk.bulkInsert(BulkInsert.into(Target.DB, Bulk.TABLE).columns("id", "name", "email").rows(Rows.of(rows)))
                .rows();
    }

    /** Streaming: the 1M-row pair and a 10M-row read, both in a {@value Streaming#HEAP} fork. */
    static List<PairResult> stream(Target t, long rows, int rounds) throws Exception {
        return Streaming.runForked(t, rows, rounds, 1, "@" + rows);
    }

    /** {@code client.snapshots().list()} with 10, 100, ... {@code max} snapshots on the server. */
    static List<Step> snapshots(Target t, int max, Consumer<String> log) throws Exception {
        List<Step> out = new ArrayList<>();
        t.admin("CREATE TABLE IF NOT EXISTS bench_snap_t (id INT PRIMARY KEY)");
        int created = 0;
        try (MatrixOneClient sdk = t.sdkClient(2)) {
            dropBenchSnapshots(sdk);
            int base = sdk.snapshots().list().size();
            for (int n = 10; n <= max; n *= 10) {
                long t0 = System.nanoTime();
                for (; created < n; created++) {
                    sdk.snapshots().create(SnapshotSpec.table(String.format("bench_snap_%05d", created), Target.DB,
                            "bench_snap_t"));
                }
                log.accept(String.format("growth snapshots: %,d created in %.1f s", n, (System.nanoTime() - t0) / 1e9));
                for (int i = 0; i < 3; i++) { // warm-up
                    sdk.snapshots().list();
                }
                List<Sample> samples = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    Meter m = Meter.start();
                    int listed = sdk.snapshots().list().size();
                    samples.add(m.stop(listed));
                    if (listed < n + base) {
                        throw new IllegalStateException("listed " + listed + " of " + (n + base));
                    }
                }
                Step s = new Step("snapshots", n, median(samples), samples.size());
                log.accept(String.format("growth snapshots: list of %,d in %.1f ms", n, s.seconds() * 1000));
                out.add(s);
            }
        } finally {
            try (MatrixOneClient sdk = t.sdkClient(1)) {
                dropBenchSnapshots(sdk);
            }
            t.admin("DROP TABLE IF EXISTS bench_snap_t");
        }
        return out;
    }

    private static void dropBenchSnapshots(MatrixOneClient sdk) {
        sdk.snapshots().list().stream().map(s -> s.name()).filter(n -> n.startsWith("bench_snap_"))
                .forEach(n -> sdk.snapshots().dropIfExists(n));
    }

    /** {@code n} async transactions (BEGIN, INSERT, COMMIT) started at once on one async client (pool 10). */
    static List<Step> asyncTransactions(Target t, int max, Consumer<String> log) throws Exception {
        t.admin("DROP TABLE IF EXISTS bench_async_tx",
                "CREATE TABLE bench_async_tx (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL)");
        List<Step> out = new ArrayList<>();
        Vertx vertx = Vertx.vertx();
        long[] next = {0};
        try {
            AsyncMatrixOneClient async = t.sdkAsync(10, vertx);
            try {
                concurrent(async, 1000, next); // warm-up
                for (int n = 10; n <= max; n *= 10) {
                    List<Sample> samples = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        Meter m = Meter.start();
                        samples.add(m.stop(concurrent(async, n, next)));
                    }
                    Step s = new Step("async-tx", n, median(samples), samples.size());
                    log.accept(String.format("growth async tx: %,d at once in %.1f ms", n, s.seconds() * 1000));
                    out.add(s);
                }
            } finally {
                async.close().toCompletableFuture().join();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            t.admin("DROP TABLE IF EXISTS bench_async_tx");
        }
        return out;
    }

    private static long concurrent(AsyncMatrixOneClient async, int n, long[] next) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[n];
        for (int i = 0; i < n; i++) {
            long id = ++next[0];
            all[i] = async.transaction(tx -> tx.execute("INSERT INTO bench_async_tx (id, name) VALUES (?, ?)", id,
                    "tx-" + id)).toCompletableFuture();
        }
        CompletableFuture.allOf(all).join();
        return n;
    }

    /** The sample with the median wall time. */
    private static Sample median(List<Sample> samples) {
        double m = Stats.median(samples.stream().mapToDouble(Sample::wallNanos).toArray());
        return samples.stream().min((a, b) -> Double.compare(Math.abs(a.wallNanos() - m), Math.abs(b.wallNanos() - m)))
                .orElseThrow();
    }
}
