package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.PoolStats;
import io.matrixone.core.event.StatementEvent;
import io.matrixone.core.event.StatementListener;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Seed 001, "connection pool configuration" and "event handling". The pool is configured through
 * {@code ClientOptions} (HikariCP underneath) and observed with {@code poolStats()}.
 *
 * <p>The seed registers SQLAlchemy {@code before/after_cursor_execute} listeners that print each statement. Here a
 * {@link StatementListener} registered in {@code ClientOptions} does the same: it is told before every statement
 * the client sends (BEGIN and COMMIT included) and after it, with its duration and row count or its error. What it
 * sees is redacted: string literals are masked and bound values are never passed, only their number. Statements
 * that Hibernate sends through a session bound with {@code tx.orm(..)} are not seen (Hibernate runs them itself).
 */
public final class PoolAndEvents implements Example {
    private static final int POOL_SIZE = 3;
    private static final int TASKS = 8;

    @Override
    public String name() {
        return "pool-and-events";
    }

    @Override
    public String description() {
        return "seed 001: pool settings and poolStats(); before/after statement listeners";
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        List<StatementEvent> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean print = new AtomicBoolean(true); // quiet while 8 threads query at once
        StatementListener printing = new StatementListener() {
            @Override
            public void beforeStatement(StatementEvent e) {          // seed: before_cursor_execute
                seen.add(e);
                if (print.get()) {
                    ctx.say("before: " + e.sql() + (e.inTransaction() ? "  [in transaction]" : ""));
                }
            }

            @Override
            public void afterStatement(StatementEvent e) {           // seed: after_cursor_execute
                seen.add(e);
                if (print.get()) {
                    ctx.say("after:  " + e.sql() + " -> " + (e.isSuccess()
                            ? "ok, " + (e.rowCount() < 0 ? "" : e.rowCount() + " rows, ") + e.duration().toMillis() + " ms"
                            : "failed: " + e.error().getClass().getSimpleName()));
                }
            }
        };
        MatrixOneClient client = ctx.client(options -> options
                .maxPoolSize(POOL_SIZE)                          // seed: pool_size
                .minIdle(1)
                .acquireTimeout(Duration.ofSeconds(10))          // how long a caller waits for a free connection
                .connectTimeout(Duration.ofSeconds(5))
                .idleTimeout(Duration.ofMinutes(5))              // seed: pool_recycle
                .maxLifetime(Duration.ofMinutes(10))
                .slowQueryThreshold(Duration.ofMillis(100))      // slower statements are logged at INFO (io.matrixone.sql)
                .listener(printing));                            // seed: event.listens_for(engine, ...)
        ctx.say("pool: max " + client.options().pool().maxSize() + " connections, acquire timeout "
                + client.options().pool().acquireTimeout().toSeconds() + " s");

        client.execute("CREATE TABLE events (id BIGINT AUTO_INCREMENT PRIMARY KEY, kind VARCHAR(20))");
        client.inTransaction(tx -> {
            tx.execute("INSERT INTO events (kind) VALUES (?)", "signup");
            ctx.expect(client.poolStats().active(), 1, "connections borrowed inside a transaction");
        });
        ctx.expect(client.poolStats().active(), 0, "connections borrowed after it");
        print.set(false);

        // More tasks than connections: the extra ones wait for a free connection instead of opening more.
        ExecutorService threads = Executors.newFixedThreadPool(TASKS);
        int peak = 0;
        int peakWaiting = 0;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                done.add(threads.submit(() -> client.query("SELECT SLEEP(0.3)")));
            }
            while (done.stream().anyMatch(f -> !f.isDone())) {
                PoolStats stats = client.poolStats();
                peak = Math.max(peak, stats.active());
                peakWaiting = Math.max(peakWaiting, stats.waiting());
                Thread.sleep(10);
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        ctx.say(TASKS + " concurrent queries: at most " + peak + " connections busy, up to " + peakWaiting
                + " callers waiting");
        ctx.check(peak <= POOL_SIZE, "the pool never exceeded " + POOL_SIZE + " connections");
        ctx.expect(client.poolStats().active(), 0, "connections borrowed afterwards");

        List<StatementEvent> events;
        synchronized (seen) {
            events = List.copyOf(seen);
        }
        ctx.check(events.stream().anyMatch(e -> e.sql().equals("INSERT INTO events (kind) VALUES (?)")
                && e.isSuccess() && e.inTransaction() && e.rowCount() == 1),
                "the listener saw the INSERT succeed inside the transaction (" + events.size() + " events)");
        ctx.expect(events.stream().filter(e -> e.sql().equals("SELECT SLEEP(0.3)") && e.isSuccess()).count(),
                (long) TASKS, "concurrent queries the listener saw end");
        ctx.check(events.stream().noneMatch(e -> e.toString().contains("signup")), "bound values never reach a listener");
    }
}
