package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The clients most benchmarks compare, as JMH states (pool {@value #POOL} each, against the runner's server): take
 * one as a {@code @Benchmark} method's parameter and JMH opens it before the run and closes it after. The raw
 * sides get the SDK's driver settings ({@link Target}), so that a pair measures the SDK's layer.
 */
public final class ClientStates {
    static final int POOL = 4;

    private ClientStates() {
    }

    /** The SDK's sync client. */
    @State(Scope.Benchmark)
    public static class Sdk {
        public MatrixOneClient client;

        @Setup
        public void open() {
            client = Target.fromProperty().sdkClient(POOL);
        }

        @TearDown
        public void close() {
            client.close();
        }
    }

    /** Raw Connector/J on HikariCP. */
    @State(Scope.Benchmark)
    public static class Jdbc {
        public HikariDataSource pool;

        @Setup
        public void open() {
            pool = Target.fromProperty().rawHikari(POOL);
        }

        @TearDown
        public void close() {
            pool.close();
        }
    }

    /** The SDK's async client on its own Vert.x. */
    @State(Scope.Benchmark)
    public static class SdkAsync {
        public Vertx vertx;
        public AsyncMatrixOneClient client;

        @Setup
        public void open() {
            vertx = Vertx.vertx();
            client = Target.fromProperty().sdkAsync(POOL, vertx);
        }

        @TearDown
        public void close() {
            client.close().toCompletableFuture().join();
            Target.await(vertx.close());
        }
    }

    /** A raw Vert.x pool, no pipelining (as the SDK). */
    @State(Scope.Benchmark)
    public static class VertxPool {
        public Vertx vertx;
        public Pool pool;

        @Setup
        public void open() {
            vertx = Vertx.vertx();
            pool = Target.fromProperty().rawVertxPool(vertx, POOL);
        }

        @TearDown
        public void close() {
            Target.await(pool.close());
            Target.await(vertx.close());
        }
    }
}
