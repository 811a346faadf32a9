package io.matrixone.async;

import io.matrixone.core.error.QueryInterruptedException;
import io.matrixone.core.result.Result;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmulatorExtension.class)
class AsyncLoadIT {

    @Test
    void fiveThousandConcurrentQueriesEachGetTheirOwnAnswer(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            int n = 5000;
            List<CompletableFuture<Result>> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                all.add(client.query("SELECT ?, CONCAT('row-', ?)", i, i).toCompletableFuture());
            }
            await(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                Result r = all.get(i).join();
                assertThat(r.one().getLong(0)).isEqualTo(i);
                assertThat(r.one().getString(1)).isEqualTo("row-" + i);
                seen.add(r.one().getLong(0));
            }
            assertThat(seen).hasSize(n);
            assertThat(client.poolStats().statementsInFlight()).isZero();
        }
    }

    @Test
    void thousandsOfConcurrentTransactionsShareThePool(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            await(client.execute("DROP TABLE IF EXISTS a_load"));
            await(client.execute("CREATE TABLE a_load (id INT PRIMARY KEY, v INT)"));
            int n = 1000;
            List<CompletableFuture<Long>> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int id = i;
                all.add(client.transaction(tx -> tx.execute("INSERT INTO a_load VALUES (?, ?)", id, id * 2)
                        .thenCompose(r -> tx.query("SELECT v FROM a_load WHERE id = ?", id))
                        .thenApply(Result::scalarLong)).toCompletableFuture());
            }
            await(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
            for (int i = 0; i < n; i++) {
                assertThat(all.get(i).join()).isEqualTo(i * 2L);
            }
            assertThat(await(client.query("SELECT COUNT(*) FROM a_load")).scalarLong()).isEqualTo(n);
            assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
        }
    }

    @Test
    void failingTransactionsLeakNoConnection(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            int n = 2000;
            AtomicInteger bodies = new AtomicInteger();
            List<CompletableFuture<Object>> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                all.add(client.transaction(tx -> {
                    bodies.incrementAndGet();
                    return tx.execute("SELECT * FROM a_table_that_does_not_exist").thenApply(r -> (Object) r);
                }).toCompletableFuture());
            }
            for (CompletableFuture<Object> f : all) {
                failure(f);
            }
            assertThat(bodies).hasValue(n); // not retryable: one attempt each
            assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
            assertThat(client.poolStats().openConnections()).isLessThanOrEqualTo(client.options().pool().maxSize());
            assertThat(await(client.query("SELECT 1")).scalarLong()).isEqualTo(1);
        }
    }

    @Test
    void timedOutRequestsLeaveNoConnectionBorrowed(Emulator mo) throws Exception {
        AsyncMatrixOneClient client = Clients.client(mo, o -> o.queryTimeout(Duration.ofMillis(200)));
        try (var closing = Closing.of(client)) {
            mo.faults().latency("SLEEP_MARK", Duration.ofMillis(500));
            List<CompletableFuture<Result>> slow = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                slow.add(client.query("SELECT 'SLEEP_MARK', ?", i).toCompletableFuture());
            }
            for (int i = 0; i < 4; i++) {
                int id = i;
                client.transaction(tx -> tx.query("SELECT 'SLEEP_MARK', ?", id));
            }
            for (CompletableFuture<Result> f : slow) {
                assertThat(failure(f)).isInstanceOf(QueryInterruptedException.class);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((client.poolStats().transactionConnectionsInUse() > 0 || client.poolStats().statementsInFlight() > 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50); // the test thread polls; the client itself never sleeps
            }
            assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
            assertThat(client.poolStats().statementsInFlight()).isZero();
            mo.faults().clear();
            assertThat(await(client.query("SELECT 1")).scalarLong()).isEqualTo(1);
        }
    }
}
