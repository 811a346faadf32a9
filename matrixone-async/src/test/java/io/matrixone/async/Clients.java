package io.matrixone.async;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.emulator.Emulator;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Test helpers: options pointing at an emulator, and waiting for a stage from the test thread only. */
final class Clients {
    static final Duration WAIT = Duration.ofSeconds(60);

    private Clients() {
    }

    static ClientOptions.Builder options(Emulator mo) {
        return ClientOptions.builder().host(mo.host()).port(mo.port()).user(mo.user()).password(mo.password())
                .database(mo.database()).maxPoolSize(8);
    }

    static AsyncMatrixOneClient client(Emulator mo) {
        return AsyncMatrixOneClient.create(options(mo).build());
    }

    static AsyncMatrixOneClient client(Emulator mo, Consumer<ClientOptions.Builder> customizer) {
        ClientOptions.Builder b = options(mo);
        customizer.accept(b);
        return AsyncMatrixOneClient.create(b.build());
    }

    /** A plain Vert.x pool of one connection to the emulator, without the SDK (and its settings) in between. */
    static io.vertx.sqlclient.Pool rawVertx(io.vertx.core.Vertx vertx, Emulator mo, int pipeliningLimit) {
        return io.vertx.mysqlclient.MySQLBuilder.pool().with(new io.vertx.sqlclient.PoolOptions().setMaxSize(1)).using(vertx)
                .connectingTo(new io.vertx.mysqlclient.MySQLConnectOptions().setHost(mo.host()).setPort(mo.port())
                        .setUser(mo.user()).setPassword(mo.password()).setDatabase(mo.database())
                        .setPipeliningLimit(pipeliningLimit))
                .build();
    }

    /** Waits on the JUnit thread (never an event loop); fails the test instead of hanging. */
    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(c);
        } catch (Exception e) {
            throw new AssertionError("stage did not complete within " + WAIT, e);
        }
    }

    /** The failure of a stage that must fail. */
    static Throwable failure(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.CancellationException e) {
            return e; // get() throws it directly when the stage failed with one
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            return c;
        } catch (Exception e) {
            throw new AssertionError("stage did not complete within " + WAIT, e);
        }
        throw new AssertionError("the stage succeeded but was expected to fail");
    }
}
