package io.matrixone.examples.sync;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.PoolStats;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.LoggerFactory;

/**
 * Seed 001, "connection pool configuration" and "event handling". The pool is configured through
 * {@code ClientOptions} (HikariCP underneath) and observed with {@code poolStats()}.
 *
 * <p>The seed registers SQLAlchemy {@code before/after_cursor_execute} listeners. The SDK has no listener API
 * yet; what it offers is its statement log: logger {@code io.matrixone.sql} writes every statement (redacted:
 * literals and passwords never appear) with its duration at DEBUG, and slow ones at INFO
 * ({@code slowQueryThreshold}). Turn it on in {@code logback.xml}; here it is captured for the length of the
 * example.
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
        return "seed 001: pool settings and poolStats(); statement events through the io.matrixone.sql log";
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        MatrixOneClient client = ctx.client(options -> options
                .maxPoolSize(POOL_SIZE)                          // seed: pool_size
                .minIdle(1)
                .acquireTimeout(Duration.ofSeconds(10))          // how long a caller waits for a free connection
                .connectTimeout(Duration.ofSeconds(5))
                .idleTimeout(Duration.ofMinutes(5))              // seed: pool_recycle
                .maxLifetime(Duration.ofMinutes(10))
                .slowQueryThreshold(Duration.ofMillis(100)));    // statements slower than this are logged at INFO
        ctx.say("pool: max " + client.options().maxPoolSize() + " connections, acquire timeout "
                + client.options().acquireTimeout().toSeconds() + " s");

        ListAppender<ILoggingEvent> events = captureStatementLog(ctx);

        client.execute("CREATE TABLE events (id BIGINT AUTO_INCREMENT PRIMARY KEY, kind VARCHAR(20))");
        client.inTransaction(tx -> {
            tx.execute("INSERT INTO events (kind) VALUES (?)", "signup");
            ctx.expect(client.poolStats().active(), 1, "connections borrowed inside a transaction");
        });
        ctx.expect(client.poolStats().active(), 0, "connections borrowed after it");

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

        List<String> lines = events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        lines.stream().filter(l -> l.contains("INSERT INTO events")).findFirst()
                .ifPresent(l -> ctx.say("statement event: " + l));
        lines.stream().filter(l -> l.startsWith("Slow statement")).findFirst()
                .ifPresent(l -> ctx.say("slow-statement event: " + l));
        ctx.check(lines.stream().anyMatch(l -> l.contains("INSERT INTO events")),
                "every statement shows up in the io.matrixone.sql log (" + lines.size() + " events)");
        ctx.check(lines.stream().noneMatch(l -> l.contains("signup")), "bound values never appear in the log");
    }

    /** Logger io.matrixone.sql at DEBUG into a list, for this example only (restored at clean-up). */
    private static ListAppender<ILoggingEvent> captureStatementLog(ExampleContext ctx) {
        Logger sqlLog = (Logger) LoggerFactory.getLogger("io.matrixone.sql");
        Level level = sqlLog.getLevel();
        boolean additive = sqlLog.isAdditive();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        sqlLog.addAppender(events);
        sqlLog.setLevel(Level.DEBUG);
        sqlLog.setAdditive(false); // keep the runner's output readable
        ctx.onCleanup(() -> {
            sqlLog.detachAppender(events);
            sqlLog.setLevel(level);
            sqlLog.setAdditive(additive);
        });
        return events;
    }
}
