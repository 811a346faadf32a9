package io.matrixone.spring.boot;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.async.AsyncPoolStats;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the async client answers {@code SELECT 1} within the timeout. The health endpoint calls it on a request
 * thread, never on an event loop, so waiting for the answer there is allowed.
 */
public final class AsyncMatrixOneHealthIndicator extends AbstractHealthIndicator {
    private final AsyncMatrixOneClient client;
    private final Duration timeout;

    public AsyncMatrixOneHealthIndicator(AsyncMatrixOneClient client, Duration timeout) {
        super("MatrixOne async health check failed");
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        client.query("SELECT 1").toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        AsyncPoolStats pool = client.poolStats();
        builder.up()
                .withDetail("version", client.serverVersion().toCompletableFuture()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).toString())
                .withDetail("pool.transactionConnections", pool.transactionConnectionsInUse())
                .withDetail("pool.openConnections", pool.openConnections())
                .withDetail("pool.statementsInFlight", pool.statementsInFlight());
    }
}
