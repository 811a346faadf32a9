package io.matrixone.async;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** The ORM SPI, with a recording binding that writes through the borrowed connection as an ORM would. */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncOrmBindingIT {
    private AsyncMatrixOneClient client;

    @BeforeAll
    void start(Emulator mo) {
        client = Clients.client(mo);
        await(client.execute("DROP TABLE IF EXISTS a_orm"));
        await(client.execute("CREATE TABLE a_orm (seq BIGINT AUTO_INCREMENT PRIMARY KEY, who VARCHAR(20), v INT)"));
    }

    @BeforeEach
    void clean() {
        await(client.execute("DELETE FROM a_orm"));
    }

    @AfterAll
    void stop() {
        await(client.close());
    }

    /** A stand-in ORM session: pending inserts, written on flush. */
    static final class Session {
        final AsyncTransactionContext context;
        final List<Integer> pending = new ArrayList<>();

        Session(AsyncTransactionContext context) {
            this.context = context;
        }
    }

    static final class RecordingBinding implements AsyncOrmBinding<Session> {
        final List<String> events = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        @Override
        public CompletionStage<Session> open(AsyncTransactionContext context) {
            events.add("open");
            threads.add(Thread.currentThread().getName());
            assertThat(context.serverVersion().isMatrixOne()).isTrue();
            assertThat(context.vertx()).isNotNull();
            return CompletableFuture.completedFuture(new Session(context));
        }

        @Override
        public CompletionStage<Void> flush(Session session) {
            events.add("flush");
            threads.add(Thread.currentThread().getName());
            CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
            for (Integer v : session.pending) {
                chain = chain.thenCompose(x -> session.context.connection()
                        .preparedQuery("INSERT INTO a_orm(who, v) VALUES ('orm', ?)").execute(Tuple.of(v))
                        .<Void>mapEmpty().toCompletionStage());
            }
            session.pending.clear();
            return chain;
        }

        @Override
        public CompletionStage<Void> close(Session session) {
            events.add("close");
            threads.add(Thread.currentThread().getName());
            return session.context.connection().close().toCompletionStage(); // a no-op on the borrowed view
        }
    }

    @Test
    void ormWritesAreFlushedBeforeRawStatementsAndCommitTogether() {
        RecordingBinding orm = new RecordingBinding();
        await(client.transaction(tx -> tx.orm(orm)
                .thenCompose(s -> {
                    s.pending.add(1);
                    return tx.orm(orm).thenApply(again -> {
                        assertThat(again).isSameAs(s); // one session per binding per transaction
                        return s;
                    });
                })
                .thenCompose(s -> tx.execute("INSERT INTO a_orm(who, v) VALUES ('raw', 2)").thenApply(r -> s))
                .thenApply(s -> s.pending.add(3))));
        List<String> order = await(client.query("SELECT CONCAT(who, v) FROM a_orm ORDER BY seq")).column(0, String.class);
        assertThat(order).containsExactly("orm1", "raw2", "orm3"); // flushed before the raw insert and before COMMIT
        assertThat(orm.events).containsExactly("open", "flush", "flush", "close");
        assertThat(orm.threads).hasSize(1);
    }

    @Test
    void rollbackUndoesOrmWritesAndStillClosesTheSession() {
        RecordingBinding orm = new RecordingBinding();
        Throwable e = failure(client.transaction(tx -> tx.orm(orm)
                .thenCompose(s -> {
                    s.pending.add(7);
                    return tx.execute("SELECT 1");
                })
                .thenCompose(r -> CompletableFuture.failedFuture(new IllegalStateException("undo all")))));
        assertThat(e).hasMessage("undo all");
        assertThat(await(client.query("SELECT COUNT(*) FROM a_orm")).scalarLong()).isZero();
        assertThat(orm.events).containsExactly("open", "flush", "close");
    }

    @Test
    void theBorrowedConnectionCannotBeginNorCloseTheTransaction() {
        AsyncOrmBinding<AsyncTransactionContext> raw = new AsyncOrmBinding<>() {
            @Override
            public CompletionStage<AsyncTransactionContext> open(AsyncTransactionContext context) {
                return CompletableFuture.completedFuture(context);
            }

            @Override
            public CompletionStage<Void> flush(AsyncTransactionContext session) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<Void> close(AsyncTransactionContext session) {
                return CompletableFuture.completedFuture(null);
            }
        };
        AsyncTransaction tx = await(client.begin());
        AsyncTransactionContext ctx = await(tx.orm(raw));
        assertThat(ctx.connection().transaction()).isNull();
        assertThat(failure(ctx.connection().begin().toCompletionStage())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("owned by the MatrixOne SDK");
        await(ctx.connection().close().toCompletionStage());
        await(tx.execute("INSERT INTO a_orm(who, v) VALUES ('after-close', 1)")); // still the live connection
        await(tx.commit());
        assertThat(await(client.query("SELECT COUNT(*) FROM a_orm")).scalarLong()).isEqualTo(1);
    }
}
