package io.matrixone.hibernate.reactive;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.async.AsyncTransaction;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.btc.BlockedThreadEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.matrixone.hibernate.reactive.Waits.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ORM work in async transactions never blocks an event loop: it runs on a Vert.x whose blocked-thread checker
 * reports any event-loop task longer than {@value #MAX_EXECUTE_MILLIS} ms, and the test fails on any report.
 */
@ExtendWith(EmulatorExtension.class)
class ReactiveNonBlockingIT {
    static final long MAX_EXECUTE_MILLIS = 100;
    static final int TRANSACTIONS = 60;

    @Test
    void ormTransactionsNeverBlockAnEventLoop(Emulator mo) throws Exception {
        List<BlockedThreadEvent> blocked = new CopyOnWriteArrayList<>();
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setMaxEventLoopExecuteTime(MAX_EXECUTE_MILLIS).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
        ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(blocked::add);
        AsyncMatrixOneClient client = AsyncMatrixOneClient.create(ReactiveTransactionIT.options(mo), vertx);
        MatrixOneReactiveSessionFactory orm = MatrixOneHibernateReactive.sessionFactory(client, vertx, User.class);
        try {
            await(client.execute("DROP TABLE IF EXISTS hr_users"));
            await(client.execute("CREATE TABLE hr_users (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                    + " email VARCHAR(200) NOT NULL UNIQUE)"));
            // Hibernate compiles each HQL query once, on first use: CPU work, not blocking, but it can take longer
            // than the threshold on a small machine. Warm up, let the checker settle, then measure.
            await(client.transaction(tx -> work(tx, orm, 0)));
            Thread.sleep(200);
            blocked.clear();

            List<CompletableFuture<Long>> all = new ArrayList<>();
            for (int i = 1; i <= TRANSACTIONS; i++) {
                long id = i;
                all.add(client.transaction(tx -> work(tx, orm, id)).toCompletableFuture());
            }
            await(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
            Thread.sleep(100); // a report of the last tasks arrives one check interval later

            assertThat(blocked).as("blocked event-loop reports").isEmpty();
            assertThat(await(client.query("SELECT COUNT(*) FROM hr_users")).scalarLong())
                    .isEqualTo(2L * (TRANSACTIONS + 1));
            assertThat(orm.openingSessions()).isZero();
        } finally {
            await(orm.closeAsync());
            await(client.close());
            await(vertx.close().toCompletionStage());
        }
    }

    /** An ORM write with the Stage API, one with Mutiny, a raw read, and an HQL read, chained. */
    private static CompletionStage<Long> work(AsyncTransaction tx, MatrixOneReactiveSessionFactory orm, long id) {
        return tx.orm(orm.stage())
                .thenCompose(session -> session.persist(new User(id * 2, "s" + id, "s" + id + "@x")))
                .thenCompose(v -> tx.orm(orm.mutiny()))
                .thenCompose(session -> session.persist(new User(id * 2 + 1, "m" + id, "m" + id + "@x"))
                        .subscribeAsCompletionStage())
                .thenCompose(v -> tx.query("SELECT COUNT(*) FROM hr_users WHERE id >= ?", id * 2))
                .thenCompose(r -> tx.orm(orm.stage()))
                .thenCompose(session -> session.createSelectionQuery("select count(u) from User u", Long.class)
                        .getSingleResult());
    }
}
