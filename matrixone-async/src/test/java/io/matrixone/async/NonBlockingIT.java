package io.matrixone.async;

import io.matrixone.core.result.Result;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.btc.BlockedThreadEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Async means non-blocking", checked: the client's workloads run on a Vert.x whose blocked-thread checker
 * reports any event-loop task longer than {@value #MAX_EXECUTE_MILLIS} ms, and the test fails on any report.
 */
@ExtendWith(EmulatorExtension.class)
class NonBlockingIT {
    static final long MAX_EXECUTE_MILLIS = 100;

    private Vertx vertx;
    private final List<BlockedThreadEvent> blocked = new CopyOnWriteArrayList<>();
    /** Where each blocked event loop was when the checker saw it: the failure message names the culprit. */
    private final List<String> where = new CopyOnWriteArrayList<>();

    @BeforeEach
    void strictVertx() {
        vertx = Vertx.vertx(new VertxOptions()
                .setMaxEventLoopExecuteTime(MAX_EXECUTE_MILLIS).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
        ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(event -> {
            StackTraceElement[] stack = event.thread().getStackTrace();
            // Sampled after the report: a loop already back in its selector was slow, not blocked (on 2 busy cores
            // the OS deschedules a task for 100 ms now and then). A blocking call is still blocking when sampled.
            if (idleInSelector(stack) && event.duration() < TimeUnit.SECONDS.toNanos(1)) {
                return;
            }
            blocked.add(event);
            StringBuilder trace = new StringBuilder(event.thread().getName() + " for "
                    + TimeUnit.NANOSECONDS.toMillis(event.duration()) + " ms at");
            for (StackTraceElement frame : stack) {
                trace.append("\n    ").append(frame);
            }
            where.add(trace.toString());
        });
    }

    private static boolean idleInSelector(StackTraceElement[] stack) {
        for (int i = 0; i < Math.min(stack.length, 8); i++) {
            if (stack[i].getClassName().equals("io.netty.channel.nio.NioEventLoop") && stack[i].getMethodName().equals("select")) {
                return true;
            }
        }
        return false;
    }

    @AfterEach
    void close() {
        await(vertx.close().toCompletionStage());
    }

    @Test
    void theCheckerCatchesABlockedEventLoop() throws Exception {
        vertx.runOnContext(v -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // deliberately hog the event loop
            }
        });
        long deadline = System.currentTimeMillis() + 5000;
        while (blocked.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(blocked).isNotEmpty();
    }

    @Test
    void clientWorkloadsNeverBlockAnEventLoop(Emulator mo) {
        AsyncMatrixOneClient client = AsyncMatrixOneClient.create(Clients.options(mo).build(), vertx);
        try (var closing = Closing.of(client)) {
            await(client.serverVersion());
            await(client.execute("DROP TABLE IF EXISTS a_nb"));
            await(client.execute("CREATE TABLE a_nb (id INT PRIMARY KEY, v VARCHAR(20))"));

            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                all.add(client.query("SELECT ?", i).toCompletableFuture());
            }
            for (int i = 0; i < 200; i++) {
                int id = i;
                all.add(client.transaction(tx -> {
                    List<CompletableFuture<Result>> writes = new ArrayList<>();
                    writes.add(tx.execute("INSERT INTO a_nb VALUES (?, ?)", id, "v" + id).toCompletableFuture());
                    writes.add(tx.execute("UPDATE a_nb SET v = ? WHERE id = ?", "w" + id, id).toCompletableFuture());
                    tx.afterCommit("SELECT ?", id);
                    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                            .thenCompose(v -> tx.query("SELECT v FROM a_nb WHERE id = ?", id));
                }).toCompletableFuture());
            }
            List<List<?>> rows = new ArrayList<>();
            for (int i = 1000; i < 3000; i++) {
                rows.add(List.of(i, "b" + i));
            }
            all.add(client.executeBatch("INSERT INTO a_nb VALUES (?, ?)", rows).toCompletableFuture());
            await(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));

            AtomicLong streamed = new AtomicLong();
            await(client.stream("SELECT a.n FROM " + AsyncClientIT.DIGITS + " a, " + AsyncClientIT.DIGITS + " b, "
                    + AsyncClientIT.DIGITS + " c, " + AsyncClientIT.DIGITS + " d", List.of(), r -> streamed.incrementAndGet()));
            assertThat(streamed).hasValue(10_000);
            failure(client.transaction(tx -> tx.execute("SELECT * FROM a_missing_table")));
        }
        assertThat(where).as("event-loop tasks longer than %d ms", MAX_EXECUTE_MILLIS).isEmpty();
    }
}
