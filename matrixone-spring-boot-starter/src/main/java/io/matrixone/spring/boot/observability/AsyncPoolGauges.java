package io.matrixone.spring.boot.observability;

import io.matrixone.async.AsyncMatrixOneClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The async client's pool gauges; a class of its own so the sync-only application never loads the async types. */
public final class AsyncPoolGauges {
    private AsyncPoolGauges() {
    }

    /** Gauges {@code matrixone.async.pool.*}, bound by Boot to every registry. */
    public static MeterBinder of(AsyncMatrixOneClient client) {
        return registry -> {
            Gauge.builder("matrixone.async.pool.transaction.connections", client,
                    c -> c.poolStats().transactionConnectionsInUse())
                    .description("Connections held by open async transactions").register(registry);
            Gauge.builder("matrixone.async.pool.open.connections", client, c -> c.poolStats().openConnections())
                    .description("Connections the async client has open").register(registry);
            Gauge.builder("matrixone.async.pool.statements.in.flight", client, c -> c.poolStats().statementsInFlight())
                    .description("Async statements sent and not yet answered").register(registry);
        };
    }
}
