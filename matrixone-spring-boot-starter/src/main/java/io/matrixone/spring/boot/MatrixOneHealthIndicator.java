package io.matrixone.spring.boot;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.PoolStats;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the sync client can borrow a connection and run {@code SELECT 1}; the details name the server version
 * and the pool's numbers. DOWN with the SDK's exception (its message has no password) otherwise.
 */
public final class MatrixOneHealthIndicator extends AbstractHealthIndicator {
    private final MatrixOneClient client;

    public MatrixOneHealthIndicator(MatrixOneClient client) {
        super("MatrixOne health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.query("SELECT 1").scalarLong();
        PoolStats pool = client.poolStats();
        builder.up()
                .withDetail("version", client.serverVersion().toString())
                .withDetail("pool.active", pool.active())
                .withDetail("pool.idle", pool.idle())
                .withDetail("pool.total", pool.total())
                .withDetail("pool.pending", pool.waiting());
    }
}
