package io.matrixone.async;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkMethod;
import io.matrixone.core.bulk.BulkProgress;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.result.Result;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorExtension.class)
class AsyncBulkInsertIT {
    private static final List<String> NASTY = Arrays.asList("plain", "tab\there", "new\nline", "back\\slash", "\\N",
            "'quotes' \"double\" `back`", "", "unicode 中文 😀", null);

    private static String table(AsyncMatrixOneClient client) {
        String t = "abulk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        await(client.execute("CREATE TABLE " + t + " (id BIGINT PRIMARY KEY, name VARCHAR(100), email VARCHAR(100) UNIQUE)"));
        return t;
    }

    @Test
    void insertsEveryRowWithOrderedProgressAndValuesIntact(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            String t = table(client);
            int n = 10_007;
            List<BulkProgress> reports = Collections.synchronizedList(new ArrayList<>());
            BulkResult r = await(client.bulkInsert(BulkInsert.into(t).columns("id", "name", "email")
                    .rows(IntStream.range(0, n).mapToObj(i -> new Object[] {i, NASTY.get(i % NASTY.size()), "u" + i + "@x"}))
                    .batchSize(500).onProgress(reports::add)));
            assertThat(r.method()).isEqualTo(BulkMethod.INSERT);
            assertThat(r.rows()).isEqualTo(n);
            assertThat(r.batches()).isEqualTo(21);
            assertThat(reports).hasSize(22);
            for (int i = 1; i < reports.size(); i++) {
                assertThat(reports.get(i).rows()).isGreaterThan(reports.get(i - 1).rows() - (i == 21 ? 1 : 0));
            }
            assertThat(reports.get(21).done()).isTrue();
            assertThat(reports.get(21).rows()).isEqualTo(n);
            Result back = await(client.query("SELECT id, name FROM " + t + " WHERE id < ? ORDER BY id", NASTY.size()));
            for (int i = 0; i < NASTY.size(); i++) {
                assertThat(back.rows().get(i).getString(1)).isEqualTo(NASTY.get(i));
            }
            assertThat(await(client.query("SELECT COUNT(*) FROM " + t)).scalarLong()).isEqualTo(n);
        }
    }

    @Test
    void aFailureRollsBackEverythingAndLoadDataIsRefused(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            String t = table(client);
            // a duplicate email in the 3rd batch: the batches before it are undone
            Throwable e = failure(client.bulkInsert(BulkInsert.into(t).columns("id", "name", "email")
                    .rows(IntStream.range(0, 1000).mapToObj(i -> List.of(i, "n", i == 250 ? "u0@x" : "u" + i + "@x")))
                    .batchSize(100)));
            assertThat(e).isNotNull();
            assertThat(await(client.query("SELECT COUNT(*) FROM " + t)).scalarLong()).isZero();
            Throwable refused = failure(client.bulkInsert(BulkInsert.into(t).columns("id").rows(List.of(List.of(1)))
                    .method(BulkMethod.LOAD_DATA)));
            assertThat(refused).isInstanceOf(UnsupportedOperationException.class);
            Throwable staged = failure(client.bulkInsert(BulkInsert.into(t).columns("id").rows(List.of(List.of(1)))
                    .method(BulkMethod.STAGED)));
            assertThat(staged).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("STAGED");
            assertThat(client.poolStats().toString()).isNotNull();
        }
    }

    @Test
    void theCallersRowsAndCallbackRunOffTheEventLoopAndTheStageCompletesOnTheTransactionsContext(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            String t = table(client);
            List<Boolean> readOnEventLoop = Collections.synchronizedList(new ArrayList<>());
            List<Boolean> reportedOnEventLoop = Collections.synchronizedList(new ArrayList<>());
            Iterable<List<Object>> rows = () -> IntStream.range(0, 2_000).<List<Object>>mapToObj(i -> {
                readOnEventLoop.add(io.vertx.core.Context.isOnEventLoopThread());
                return List.of(i, "n" + i, "u" + i + "@x");
            }).iterator();
            Boolean[] completedOnContext = new Boolean[1];
            long inserted = await(client.transaction(tx -> {
                io.vertx.core.Context txContext = io.vertx.core.Vertx.currentContext();
                return tx.bulkInsert(BulkInsert.into(t).columns("id", "name", "email").rows(rows).batchSize(300)
                                .onProgress(p -> reportedOnEventLoop.add(io.vertx.core.Context.isOnEventLoopThread())))
                        .thenApply(r -> {
                            completedOnContext[0] = io.vertx.core.Vertx.currentContext() == txContext;
                            return r.rows();
                        });
            }));
            assertThat(inserted).isEqualTo(2_000);
            assertThat(readOnEventLoop).hasSize(2_000).containsOnly(false);
            assertThat(reportedOnEventLoop).hasSize(8).containsOnly(false);
            assertThat(completedOnContext[0]).isTrue();
        }
    }

    @Test
    void aRowThatCannotBeReadFailsTheInsertAfterTheBatchesSentAnsweredAndClosesTheRows(Emulator mo) {
        AsyncMatrixOneClient client = Clients.client(mo);
        try (var closing = Closing.of(client)) {
            String t = table(client);
            boolean[] closed = new boolean[1];
            IllegalStateException broken = new IllegalStateException("row source broke at row 700");
            java.util.stream.Stream<List<Object>> rows = IntStream.range(0, 1_000).<List<Object>>mapToObj(i -> {
                if (i == 700) {
                    throw broken;
                }
                return List.of(i, "n", "u" + i + "@x");
            }).onClose(() -> closed[0] = true);
            Throwable e = failure(client.bulkInsert(BulkInsert.into(t).columns("id", "name", "email").rows(rows)
                    .batchSize(200)));
            assertThat(e).isSameAs(broken);
            assertThat(closed[0]).isTrue();
            assertThat(await(client.query("SELECT COUNT(*) FROM " + t)).scalarLong()).isZero();
            assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
        }
    }
}
