package io.matrixone.async;

import java.util.concurrent.TimeUnit;

/**
 * Closes an async client at the end of a try-with-resources block in tests, waiting for it on the test thread (the
 * client's own {@code close()} returns a stage and is not {@code AutoCloseable}).
 */
public final class Closing implements AutoCloseable {
    private final AsyncMatrixOneClient client;

    private Closing(AsyncMatrixOneClient client) {
        this.client = client;
    }

    public static Closing of(AsyncMatrixOneClient client) {
        return new Closing(client);
    }

    @Override
    public void close() {
        try {
            client.close().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the client did not close within 60 s", e);
        }
    }
}
