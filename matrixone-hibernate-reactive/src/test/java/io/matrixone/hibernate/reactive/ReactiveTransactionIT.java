package io.matrixone.hibernate.reactive;

import io.matrixone.async.Closing;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.matrixone.hibernate.reactive.Waits.await;
import static io.matrixone.hibernate.reactive.Waits.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate Reactive sessions in MatrixOne async transactions, over the wire through the emulator: ORM and raw
 * writes share the transaction's connection, commit and roll back together, and the session cannot end it.
 */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReactiveTransactionIT {
    private static final String COUNT_HQL = "select count(u) from User u";

    private Emulator mo;
    private Vertx vertx;
    private AsyncMatrixOneClient client;
    private MatrixOneReactiveSessionFactory orm;

    @BeforeAll
    void start(Emulator emulator) {
        mo = emulator;
        vertx = Vertx.vertx();
        client = AsyncMatrixOneClient.create(options(mo), vertx);
        await(client.execute("DROP TABLE IF EXISTS hr_users"));
        await(client.execute("CREATE TABLE hr_users (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                + " email VARCHAR(200) NOT NULL UNIQUE)"));
        orm = MatrixOneHibernateReactive.sessionFactory(client, vertx, User.class);
    }

    static ClientOptions options(Emulator mo) {
        return ClientOptions.builder().host(mo.host()).port(mo.port()).user(mo.user()).password(mo.password())
                .database(mo.database()).maxPoolSize(8).build();
    }

    @BeforeEach
    void clean() {
        await(client.execute("DELETE FROM hr_users"));
        mo.statementsIfRecorded().ifPresent(log -> log.clear());
    }

    @AfterAll
    void stop() {
        await(orm.closeAsync());
        await(client.close());
        await(vertx.close().toCompletionStage());
    }

    @Test
    void aFactoryBuiltFromTheClientAloneSharesTheClientsVertxAndJoinsItsTransactions() {
        AsyncMatrixOneClient own = AsyncMatrixOneClient.create(options(mo));
        try (var closing = Closing.of(own);
             MatrixOneReactiveSessionFactory factory = MatrixOneHibernateReactive.sessionFactory(own, User.class)) {
            await(own.transaction(tx -> tx.orm(factory.stage())
                    .thenCompose(s -> s.persist(new User(77L, "shared", "shared@example.com")).thenCompose(v -> s.flush()))
                    .thenCompose(v -> tx.query("SELECT name FROM hr_users WHERE id = 77")))
                    .thenAccept(r -> assertThat(r.scalar(String.class)).isEqualTo("shared")));
            assertThat(await(client.query("SELECT COUNT(*) FROM hr_users WHERE id = 77")).scalarLong()).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ Stage

    @Test
    void stageOrmAndRawWritesSeeEachOtherInsideAndNobodyElseSeesThemBeforeCommit() {
        AtomicLong connection = new AtomicLong();
        AtomicLong ormSees = new AtomicLong();
        AtomicReference<String> rawSees = new AtomicReference<>();
        AtomicReference<String> ormFindsRaw = new AtomicReference<>();
        AtomicLong outsideSees = new AtomicLong(-1);
        AtomicReference<Stage.Session> kept = new AtomicReference<>();

        await(client.transaction(tx -> {
            Executor back = Waits.currentContext();
            return tx.orm(orm.stage()).thenCompose(session -> {
                kept.set(session);
                return session.persist(new User(1, "ann", "ann@example.com"))
                        .thenCompose(v -> session.flush())
                        .thenCompose(v -> tx.execute("INSERT INTO hr_users (id, name, email) VALUES (?, ?, ?)",
                                2, "bob", "bob@example.com"))
                        .thenCompose(r -> tx.query("SELECT CONNECTION_ID()"))
                        .thenAccept(r -> connection.set(r.scalarLong()))
                        .thenCompose(v -> session.createSelectionQuery(COUNT_HQL, Long.class).getSingleResult())
                        .thenAccept(ormSees::set)
                        .thenCompose(v -> session.find(User.class, 2L))
                        .thenAccept(u -> ormFindsRaw.set(u.getName()))
                        .thenCompose(v -> tx.query("SELECT name FROM hr_users WHERE id = 1"))
                        .thenAccept(r -> rawSees.set(r.scalar(String.class)))
                        // another connection: the client's shared one; come back to the tx's context after it
                        .thenCompose(v -> client.query("SELECT COUNT(*) FROM hr_users").thenApplyAsync(r -> r, back))
                        .thenAccept(r -> outsideSees.set(r.scalarLong()));
            });
        }));

        assertThat(ormSees.get()).as("HQL sees the ORM row and the raw row").isEqualTo(2);
        assertThat(ormFindsRaw.get()).as("the session finds the raw row").isEqualTo("bob");
        assertThat(rawSees.get()).as("raw SQL sees the ORM row").isEqualTo("ann");
        assertThat(outsideSees.get()).as("another connection before commit").isZero();
        assertThat(countFromOutside()).as("after commit").isEqualTo(2);
        assertThat(transactionControl(connection.get())).as("closing the session sent nothing")
                .containsExactly("BEGIN", "COMMIT");
        assertThat(kept.get().isOpen()).as("the session is discarded after the transaction").isFalse();
        assertThat(orm.openingSessions()).isZero();
    }

    @Test
    void aFailingStageRollsBackTheOrmAndTheRawWrite() {
        AtomicLong connection = new AtomicLong();
        Throwable e = failure(client.transaction(tx -> tx.orm(orm.stage()).thenCompose(session ->
                session.persist(new User(1, "ann", "ann@example.com"))
                        .thenCompose(v -> session.flush())
                        .thenCompose(v -> tx.execute("INSERT INTO hr_users (id, name, email) VALUES (2, 'bob', 'b@x')"))
                        .thenCompose(r -> tx.query("SELECT CONNECTION_ID()"))
                        .thenAccept(r -> connection.set(r.scalarLong()))
                        .thenCompose(v -> CompletableFuture.<Void>failedFuture(new IllegalStateException("body failed"))))));

        assertThat(e).hasMessage("body failed");
        assertThat(countFromOutside()).isZero();
        assertThat(transactionControl(connection.get())).containsExactly("BEGIN", "ROLLBACK");
    }

    @Test
    void pendingOrmChangesAreFlushedBeforeRawStatementsAndBeforeCommit() {
        AtomicLong rawSees = new AtomicLong();
        await(client.transaction(tx -> tx.orm(orm.stage()).thenCompose(session ->
                session.persist(new User(1, "ann", "ann@example.com"))          // no explicit flush
                        .thenCompose(v -> tx.query("SELECT COUNT(*) FROM hr_users"))
                        .thenAccept(r -> rawSees.set(r.scalarLong()))
                        .thenCompose(v -> session.persist(new User(2, "bob", "bob@example.com"))))));  // flushed at COMMIT

        assertThat(rawSees.get()).isEqualTo(1);
        assertThat(countFromOutside()).isEqualTo(2);
    }

    @Test
    void oneSessionPerTransactionAndBinding() {
        List<Stage.Session> sessions = await(client.transaction(tx -> tx.orm(orm.stage())
                .thenCompose(first -> tx.orm(orm.stage()).thenApply(second -> List.of(first, second)))));
        assertThat(sessions.get(0)).isSameAs(sessions.get(1));
        assertThat(orm.stage()).isSameAs(orm.stage());
    }

    @Test
    void stageWithTransactionFailsLoudlyAndCommitsNothing() {
        AtomicLong connection = new AtomicLong();
        AtomicReference<Object> current = new AtomicReference<>("unset");
        AtomicReference<Boolean> workRan = new AtomicReference<>(false);
        Throwable e = failure(client.transaction(tx -> tx.query("SELECT CONNECTION_ID()")
                .thenAccept(r -> connection.set(r.scalarLong()))
                .thenCompose(v -> tx.orm(orm.stage()))
                .thenCompose(session -> session.persist(new User(1, "ann", "ann@example.com"))
                        .thenApply(v -> {
                            current.set(session.currentTransaction());
                            return v;
                        })
                        .thenCompose(v -> session.withTransaction(t -> {
                            workRan.set(true);
                            return session.persist(new User(2, "bob", "bob@example.com"));
                        })))));

        assertThat(e).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withTransaction(..) is not allowed")
                .hasMessageContaining("MatrixOne transaction, which owns BEGIN, COMMIT and ROLLBACK");
        assertThat(workRan.get()).as("the work of withTransaction never runs").isFalse();
        assertThat(current.get()).as("currentTransaction() of a bound session").isNull();
        assertThat(countFromOutside()).isZero();
        assertThat(transactionControl(connection.get())).containsExactly("BEGIN", "ROLLBACK");
    }

    @Test
    void aSwallowedWithTransactionRefusalLeavesTheMatrixOneTransactionInCharge() {
        // Swallowing the refusal keeps the MatrixOne transaction in charge: its work never ran, the rest commits.
        await(client.transaction(tx -> tx.orm(orm.stage()).thenCompose(session ->
                session.persist(new User(1, "ann", "ann@example.com"))
                        .thenCompose(v -> session.withTransaction(t -> session.persist(new User(2, "bob", "b@x"))))
                        .exceptionally(err -> null))));
        assertThat(countFromOutside()).isEqualTo(1);
    }

    @Test
    void theApplicationClosingItsSessionEarlyLeavesTheTransactionAndItsConnectionAlone() {
        AtomicLong connection = new AtomicLong();
        await(client.transaction(tx -> tx.orm(orm.stage()).thenCompose(session ->
                session.persist(new User(1, "ann", "ann@example.com"))
                        .thenCompose(v -> session.flush())
                        .thenCompose(v -> session.close())           // sends nothing; later flushes skip it
                        .thenCompose(v -> tx.execute("INSERT INTO hr_users (id, name, email) VALUES (2, 'bob', 'b@x')"))
                        .thenCompose(r -> tx.query("SELECT CONNECTION_ID()"))
                        .thenAccept(r -> connection.set(r.scalarLong())))));
        assertThat(countFromOutside()).isEqualTo(2);
        assertThat(transactionControl(connection.get())).containsExactly("BEGIN", "COMMIT");
    }

    // ------------------------------------------------------------------ Mutiny

    @Test
    void mutinyOrmAndRawWritesCommitTogether() {
        AtomicLong connection = new AtomicLong();
        AtomicLong ormSees = new AtomicLong();
        AtomicLong outsideSees = new AtomicLong(-1);
        await(client.transaction(tx -> {
            Executor back = Waits.currentContext();
            return tx.orm(orm.mutiny()).thenCompose(session ->
                    session.persist(new User(1, "ann", "ann@example.com")).call(session::flush)
                            .subscribeAsCompletionStage()
                            .thenCompose(v -> tx.execute("INSERT INTO hr_users (id, name, email) VALUES (2, 'bob', 'b@x')"))
                            .thenCompose(r -> tx.query("SELECT CONNECTION_ID()"))
                            .thenAccept(r -> connection.set(r.scalarLong()))
                            .thenCompose(v -> session.createSelectionQuery(COUNT_HQL, Long.class).getSingleResult()
                                    .subscribeAsCompletionStage())
                            .thenAccept(ormSees::set)
                            .thenCompose(v -> client.query("SELECT COUNT(*) FROM hr_users").thenApplyAsync(r -> r, back))
                            .thenAccept(r -> outsideSees.set(r.scalarLong())));
        }));

        assertThat(ormSees.get()).isEqualTo(2);
        assertThat(outsideSees.get()).isZero();
        assertThat(countFromOutside()).isEqualTo(2);
        assertThat(transactionControl(connection.get())).containsExactly("BEGIN", "COMMIT");
    }

    @Test
    void mutinyFailingStageRollsBackTheOrmAndTheRawWrite() {
        Throwable e = failure(client.transaction(tx -> tx.orm(orm.mutiny()).thenCompose(session ->
                session.persist(new User(1, "ann", "ann@example.com")).call(session::flush)
                        .subscribeAsCompletionStage()
                        .thenCompose(v -> tx.execute("INSERT INTO hr_users (id, name, email) VALUES (2, 'bob', 'b@x')"))
                        .thenCompose(r -> CompletableFuture.<Void>failedFuture(new IllegalStateException("body failed"))))));
        assertThat(e).hasMessage("body failed");
        assertThat(countFromOutside()).isZero();
    }

    @Test
    void mutinyWithTransactionFailsLoudlyAndCommitsNothing() {
        AtomicReference<Boolean> workRan = new AtomicReference<>(false);
        Throwable e = failure(client.transaction(tx -> tx.orm(orm.mutiny()).thenCompose(session ->
                session.persist(new User(1, "ann", "ann@example.com"))
                        .chain(() -> session.withTransaction((Mutiny.Transaction t) -> {
                            workRan.set(true);
                            return session.persist(new User(2, "bob", "b@x"));
                        }))
                        .subscribeAsCompletionStage())));
        assertThat(e).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withTransaction(..) is not allowed")
                .hasMessageContaining("MatrixOne transaction");
        assertThat(workRan.get()).isFalse();
        assertThat(countFromOutside()).isZero();
    }

    @Test
    void stageAndMutinySessionsShareOneTransaction() {
        await(client.transaction(tx -> tx.orm(orm.stage())
                .thenCompose(stage -> stage.persist(new User(1, "ann", "ann@example.com")))
                .thenCompose(v -> tx.orm(orm.mutiny()))
                .thenCompose(mutiny -> mutiny.persist(new User(2, "bob", "b@x")).subscribeAsCompletionStage())));
        assertThat(countFromOutside()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ after-commit steps

    @Test
    void aSnapshotRequestedInTheTransactionIsTakenAfterCommitAndHoldsTheOrmRow() {
        String snapshot = "hr_snap_" + System.nanoTime();
        await(client.transaction(tx -> {
            tx.afterCommit("CREATE SNAPSHOT " + snapshot + " FOR DATABASE " + mo.database());
            return tx.orm(orm.stage()).thenCompose(session -> session.persist(new User(1, "ann", "ann@example.com")));
        }));
        await(client.execute("DELETE FROM hr_users"));

        String name = await(client.query("SELECT name FROM " + mo.database() + ".hr_users {SNAPSHOT = '" + snapshot
                + "'} WHERE id = 1")).scalar(String.class);
        assertThat(name).as("the snapshot holds the ORM row").isEqualTo("ann");
        await(client.execute("DROP SNAPSHOT " + snapshot));
    }

    @Test
    void noSnapshotIsTakenWhenTheTransactionRollsBack() {
        String snapshot = "hr_snap_" + System.nanoTime();
        Throwable e = failure(client.transaction(tx -> {
            tx.afterCommit("CREATE SNAPSHOT " + snapshot + " FOR DATABASE " + mo.database());
            return tx.orm(orm.stage())
                    .thenCompose(session -> session.persist(new User(1, "ann", "ann@example.com")))
                    .thenCompose(v -> CompletableFuture.<Void>failedFuture(new IllegalStateException("body failed")));
        }));
        assertThat(e).hasMessage("body failed");
        assertThat(await(client.query("SELECT COUNT(*) FROM mo_catalog.mo_snapshots WHERE sname = ?", snapshot))
                .scalarLong()).isZero();
        assertThat(countFromOutside()).isZero();
    }

    // ------------------------------------------------------------------ isolation and plain sessions

    @Test
    void concurrentTransactionsHaveTheirOwnSessionsAndDoNotSeeEachOthersRows() {
        Barrier flushed = new Barrier();
        Barrier listed = new Barrier();
        CompletionStage<List<Long>> a = client.transaction(tx -> writeThenList(tx, 11, flushed.a, flushed.b, listed.a, listed.b));
        CompletionStage<List<Long>> b = client.transaction(tx -> writeThenList(tx, 12, flushed.b, flushed.a, listed.b, listed.a));

        assertThat(await(a)).as("transaction A sees only its own row").containsExactly(11L);
        assertThat(await(b)).as("transaction B sees only its own row").containsExactly(12L);
        assertThat(countFromOutside()).isEqualTo(2);
        assertThat(orm.openingSessions()).isZero();
    }

    /** Two signals, one per transaction. */
    private static final class Barrier {
        final CompletableFuture<Void> a = new CompletableFuture<>();
        final CompletableFuture<Void> b = new CompletableFuture<>();
    }

    /**
     * Persists and flushes, waits until the other transaction flushed too, lists the ids its session sees, and
     * waits until the other one listed too before its body completes (so neither commits before both listed).
     */
    private CompletionStage<List<Long>> writeThenList(io.matrixone.async.AsyncTransaction tx, long id,
                                                      CompletableFuture<Void> flushed, CompletableFuture<Void> otherFlushed,
                                                      CompletableFuture<Void> listed, CompletableFuture<Void> otherListed) {
        Executor back = Waits.currentContext();
        return tx.orm(orm.stage()).thenCompose(session -> session.persist(new User(id, "u" + id, id + "@x"))
                .thenCompose(v -> session.flush())
                .thenRun(() -> flushed.complete(null))
                .thenCompose(v -> otherFlushed.thenApplyAsync(x -> x, back))   // resume on this transaction's context
                .thenCompose(v -> session.createSelectionQuery("select u.id from User u order by u.id", Long.class)
                        .getResultList())
                .thenCompose(ids -> {
                    listed.complete(null);
                    return otherListed.thenApplyAsync(x -> ids, back);
                }));
    }

    @Test
    void plainSessionsOfTheFactoryReadCommittedRowsOnTheirOwnConnections() {
        await(client.transaction(tx -> tx.orm(orm.stage())
                .thenCompose(session -> session.persist(new User(1, "ann", "ann@example.com")))));
        User ann = await(orm.stageSessionFactory().withSession(session -> session.find(User.class, 1L)));
        assertThat(ann.getName()).isEqualTo("ann");
        Long count = await(orm.mutinySessionFactory().withSession(session ->
                session.createSelectionQuery(COUNT_HQL, Long.class).getSingleResult()).subscribeAsCompletionStage());
        assertThat(count).isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private long countFromOutside() {
        return await(client.query("SELECT COUNT(*) FROM hr_users")).scalarLong();
    }

    /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT and autocommit changes on one connection, from its last BEGIN on. */
    private List<String> transactionControl(long connectionId) {
        List<String> control = mo.statements().forSession(connectionId).stream()
                .map(StatementLog.Entry::sql)
                .map(sql -> sql.trim().toUpperCase(Locale.ROOT))
                .filter(sql -> sql.startsWith("BEGIN") || sql.startsWith("COMMIT") || sql.startsWith("ROLLBACK")
                        || sql.startsWith("START TRANSACTION") || sql.startsWith("SAVEPOINT")
                        || sql.contains("AUTOCOMMIT"))
                .toList();
        return control.subList(Math.max(0, control.lastIndexOf("BEGIN")), control.size());
    }
}
