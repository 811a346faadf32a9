package io.matrixone.spring.boot.observability;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.event.StatementEvent;
import io.matrixone.core.event.StatementListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Micrometer meters from the statement listeners, with redacted SQL never in a tag:
 * <ul>
 *   <li>{@code matrixone.statements} (timer): every statement a client sends, tagged {@code client} (sync, async),
 *       {@code kind} ({@link StatementKind}: SELECT, INSERT, CREATE SNAPSHOT, COMMIT ...), {@code outcome}
 *       (success, failure), {@code error} (the SDK's exception type, or none) and {@code scope} (autocommit,
 *       transaction, after_commit: {@link StatementEvent.Scope});</li>
 *   <li>{@code matrixone.after.commit.statements} (counter): statements run right after COMMIT of any transaction
 *       of either client ({@code client.transaction(..)}, {@code @Transactional}, the async client's), i.e. its
 *       after-commit steps and, when a step failed, their undo statements, tagged {@code client}, {@code kind} and
 *       {@code outcome};</li>
 *   <li>pool gauges: {@code matrixone.pool.active}, {@code .idle}, {@code .total}, {@code .pending} (sync client)
 *       and {@code matrixone.async.pool.transaction.connections}, {@code .open.connections},
 *       {@code .statements.in.flight} (async client).</li>
 * </ul>
 * One instance per application context, registered on both clients.
 */
public final class MatrixOneMetrics implements StatementListener {
    private final Supplier<MeterRegistry> registries;
    /** The registry, once looked up (the client may start before the registry exists); a miss is final. */
    private volatile MeterRegistry registry;
    private volatile boolean looked;

    /** {@code registries} gives the application's registry, or {@code null} when there is none. */
    public MatrixOneMetrics(Supplier<MeterRegistry> registries) {
        this.registries = registries;
    }

    private MeterRegistry registry() {
        if (!looked) {
            registry = registries.get();
            looked = true;
        }
        return registry;
    }

    @Override
    public void afterStatement(StatementEvent e) {
        MeterRegistry registry = registry();
        if (registry == null) {
            return;
        }
        String kind = StatementKind.of(e.sql());
        String outcome = e.isSuccess() ? "success" : "failure";
        String client = e.client().name().toLowerCase(Locale.ROOT);
        Timer.builder("matrixone.statements")
                .description("Statements sent by the MatrixOne clients")
                .tags("client", client, "kind", kind, "outcome", outcome,
                        "error", e.error() == null ? "none" : e.error().getClass().getSimpleName(),
                        "scope", e.scope().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .record(e.duration());
        if (e.scope() == StatementEvent.Scope.AFTER_COMMIT) {
            Counter.builder("matrixone.after.commit.statements")
                    .description("Statements run right after COMMIT: after-commit steps and their undo statements")
                    .tags("client", client, "kind", kind, "outcome", outcome)
                    .register(registry)
                    .increment();
        }
    }

    /** The pool gauges of the sync client, bound by Boot to every registry. */
    public static MeterBinder poolGauges(MatrixOneClient client) {
        return registry -> {
            Gauge.builder("matrixone.pool.active", client, c -> c.poolStats().active())
                    .description("Connections in use").register(registry);
            Gauge.builder("matrixone.pool.idle", client, c -> c.poolStats().idle())
                    .description("Connections idle in the pool").register(registry);
            Gauge.builder("matrixone.pool.total", client, c -> c.poolStats().total())
                    .description("Connections open").register(registry);
            Gauge.builder("matrixone.pool.pending", client, c -> c.poolStats().waiting())
                    .description("Threads waiting for a connection").register(registry);
        };
    }
}
