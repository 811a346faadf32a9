package io.matrixone.benchmarks;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 64 point queries in flight at once, waited for together; the score counts queries. The SDK's async client
 * (maxPoolSize 8: two shared pipelined connections) vs the raw Vert.x client with two pipelined connections vs
 * the SDK's sync client driven by 64 threads over a pool of 8 connections.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InFlightBenchmark {
    static final int IN_FLIGHT = 64;

    @Param({"mariadb"})
    public String target;

    private Servers servers;
    private Vertx vertx;
    private AsyncMatrixOneClient sdkAsync;
    private SqlClient vertxClient;
    private MatrixOneClient sdk;
    private ExecutorService threads;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        servers = Servers.start(target);
        servers.createUsers();
        vertx = Vertx.vertx();
        sdkAsync = servers.sdkAsync(8, vertx);
        vertxClient = servers.rawVertx(vertx, 2);
        sdk = servers.sdkClient(8);
        threads = Executors.newFixedThreadPool(IN_FLIGHT);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        sdk.close();
        sdkAsync.close();
        vertxClient.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        servers.close();
    }

    private long id() {
        return next++ % Servers.USER_ROWS + 1;
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public Object sdkAsync() {
        CompletableFuture<?>[] all = new CompletableFuture<?>[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            all[i] = sdkAsync.query(PointQueryBenchmark.SQL, id()).toCompletableFuture();
        }
        return CompletableFuture.allOf(all).join();
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public Object rawVertx() {
        CompletableFuture<?>[] all = new CompletableFuture<?>[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            all[i] = vertxClient.preparedQuery(PointQueryBenchmark.SQL).execute(Tuple.of(id()))
                    .toCompletionStage().toCompletableFuture();
        }
        return CompletableFuture.allOf(all).join();
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public Object sdkSyncPool() {
        CompletableFuture<?>[] all = new CompletableFuture<?>[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            long id = id();
            all[i] = CompletableFuture.supplyAsync(() -> sdk.query(PointQueryBenchmark.SQL, id), threads);
        }
        return CompletableFuture.allOf(all).join();
    }
}
