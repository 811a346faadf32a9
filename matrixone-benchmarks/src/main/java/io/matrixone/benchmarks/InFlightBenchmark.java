package io.matrixone.benchmarks;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@value #IN_FLIGHT} point queries in flight at once, waited for together (the score counts queries). The runner
 * runs it at the loopback's own round trip and through a {@link LatencyProxy} adding 1 ms and 5 ms. Sides: the
 * SDK's async client (pool {@value #POOL}; MatrixOne allows no pipelining, so neither does the SDK), a raw Vert.x
 * pool of {@value #POOL} connections without pipelining, the SDK's sync client from {@value #IN_FLIGHT} threads
 * over a pool of {@value #POOL}, raw Vert.x pipelined on {@value #POOL} connections (MariaDB only: what pipelining
 * would give where the server allowed it) and the async client with a pool of {@value #IN_FLIGHT}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InFlightBenchmark {
    static final int IN_FLIGHT = 64;
    static final int POOL = 8;

    @State(Scope.Benchmark)
    public static class Async {
        Vertx vertx;
        AsyncMatrixOneClient pool8;
        AsyncMatrixOneClient pool64;
        Pool vertxPool;
        SqlClient pipelined;

        @Setup
        public void open() {
            vertx = Vertx.vertx();
        }

        AsyncMatrixOneClient pool8() {
            if (pool8 == null) {
                pool8 = Target.fromProperty().sdkAsync(POOL, vertx);
            }
            return pool8;
        }

        AsyncMatrixOneClient pool64() {
            if (pool64 == null) {
                pool64 = Target.fromProperty().sdkAsync(IN_FLIGHT, vertx);
            }
            return pool64;
        }

        Pool vertxPool() {
            if (vertxPool == null) {
                vertxPool = Target.fromProperty().rawVertxPool(vertx, POOL);
            }
            return vertxPool;
        }

        SqlClient pipelined() {
            if (pipelined == null) {
                pipelined = Target.fromProperty().rawVertxPipelined(vertx, POOL);
            }
            return pipelined;
        }

        @TearDown
        public void close() {
            for (AsyncMatrixOneClient c : new AsyncMatrixOneClient[] {pool8, pool64}) {
                if (c != null) {
                    c.close().toCompletableFuture().join();
                }
            }
            if (vertxPool != null) {
                Target.await(vertxPool.close());
            }
            if (pipelined != null) {
                Target.await(pipelined.close());
            }
            Target.await(vertx.close());
        }
    }

    @State(Scope.Benchmark)
    public static class SyncPool {
        MatrixOneClient client;
        ExecutorService threads;

        @Setup
        public void open() {
            client = Target.fromProperty().sdkClient(POOL);
            threads = Executors.newFixedThreadPool(IN_FLIGHT);
        }

        @TearDown
        public void close() throws InterruptedException {
            threads.shutdown();
            threads.awaitTermination(10, TimeUnit.SECONDS);
            client.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public void sdkAsync(Async s, Users.Ids ids) {
        sdk(s.pool8(), ids);
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public void sdkAsyncPool64(Async s, Users.Ids ids) {
        sdk(s.pool64(), ids);
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public void rawVertx(Async s, Users.Ids ids) {
        vertx(s.vertxPool(), ids);
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public void rawVertxPipelined(Async s, Users.Ids ids) {
        vertx(s.pipelined(), ids);
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public void sdkSyncPool(SyncPool s, Users.Ids ids) {
        all(() -> {
            long id = ids.next();
            return CompletableFuture.supplyAsync(() -> s.client.query(Users.POINT_SQL, id), s.threads);
        });
    }

    private static void sdk(AsyncMatrixOneClient client, Users.Ids ids) {
        all(() -> client.query(Users.POINT_SQL, ids.next()));
    }

    private static void vertx(SqlClient client, Users.Ids ids) {
        all(() -> client.preparedQuery(Users.POINT_SQL).execute(Tuple.of(ids.next())).toCompletionStage());
    }

    /** Starts {@value #IN_FLIGHT} queries, then waits for them all. */
    private static void all(Supplier<CompletionStage<?>> query) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            all[i] = query.get().toCompletableFuture();
        }
        CompletableFuture.allOf(all).join();
    }
}
