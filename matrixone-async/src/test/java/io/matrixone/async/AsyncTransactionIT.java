package io.matrixone.async;

import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.CommitStatusUnknownException;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.NotAllowedInTransactionException;
import io.matrixone.core.error.StatementNotAllowedException;
import io.matrixone.core.result.Result;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncTransactionIT {
    private AsyncMatrixOneClient client;
    private Emulator mo;

    @BeforeAll
    void start(Emulator emulator) {
        mo = emulator;
        client = Clients.client(mo);
        await(client.execute("DROP TABLE IF EXISTS a_tx"));
        await(client.execute("CREATE TABLE a_tx (seq BIGINT AUTO_INCREMENT PRIMARY KEY, tag VARCHAR(64), v INT)"));
        await(client.execute("DROP TABLE IF EXISTS a_log"));
        await(client.execute("CREATE TABLE a_log (v VARCHAR(64))"));
    }

    @BeforeEach
    void clean() {
        await(client.execute("DELETE FROM a_tx"));
        await(client.execute("DELETE FROM a_log"));
        mo.faultsIfInjectable().ifPresent(f -> f.clear());
    }

    @org.junit.jupiter.api.AfterEach
    void noConnectionLeftBorrowed() {
        assertThat(client.poolStats().transactionConnectionsInUse()).as("connections still held by transactions").isZero();
    }

    @AfterAll
    void stop() {
        await(client.close());
    }

    private long count(String tag) {
        return await(client.query("SELECT COUNT(*) FROM a_tx WHERE tag = ?", tag)).scalarLong();
    }

    // ------------------------------------------------------------------ visibility, commit, rollback

    @Test
    void writesAreVisibleInsideTheTransactionAndOutsideOnlyAfterCommit() {
        AsyncTransaction tx = await(client.begin());
        await(tx.execute("INSERT INTO a_tx(tag, v) VALUES ('vis', 1)"));
        assertThat(await(tx.query("SELECT COUNT(*) FROM a_tx WHERE tag = 'vis'")).scalarLong()).isEqualTo(1);
        assertThat(count("vis")).isZero();
        await(tx.commit());
        assertThat(count("vis")).isEqualTo(1);
        assertThat(tx.isActive()).isFalse();
        assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
    }

    @Test
    void aFailedBodyRollsBack() {
        Throwable e = failure(client.transaction(tx -> tx.execute("INSERT INTO a_tx(tag, v) VALUES ('rb', 1)")
                .thenCompose(r -> CompletableFuture.failedFuture(new IllegalStateException("boom")))));
        assertThat(e).hasMessage("boom");
        assertThat(count("rb")).isZero();
    }

    @Test
    void aThrowingBodyRollsBack() {
        Throwable e = failure(client.transaction(tx -> {
            tx.execute("INSERT INTO a_tx(tag, v) VALUES ('throw', 1)");
            throw new IllegalArgumentException("thrown");
        }));
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(count("throw")).isZero();
    }

    @Test
    void anErrorThrownByTheBodyStillRollsBackAndReleasesTheConnection() {
        Throwable e = failure(client.transaction(tx -> {
            tx.execute("INSERT INTO a_tx(tag, v) VALUES ('error', 1)");
            throw new AssertionError("an Error, not an Exception");
        }));
        assertThat(e).isInstanceOf(AssertionError.class);
        assertThat(count("error")).isZero();
    }

    @Test
    void aCompletedBodyCommitsAndReturnsItsValue() {
        long n = await(client.transaction(tx -> tx.execute("INSERT INTO a_tx(tag, v) VALUES ('ok', 1), ('ok', 2)")
                .thenCompose(r -> tx.query("SELECT SUM(v) FROM a_tx WHERE tag = 'ok'"))
                .thenApply(Result::scalarLong)));
        assertThat(n).isEqualTo(3);
        assertThat(count("ok")).isEqualTo(2);
    }

    @Test
    void closeWithoutCommitRollsBackAndIsIdempotent() {
        AsyncTransaction tx = await(client.begin());
        await(tx.execute("INSERT INTO a_tx(tag, v) VALUES ('close', 1)"));
        await(tx.close());
        await(tx.close());
        assertThat(count("close")).isZero();
        assertThat(failure(tx.execute("SELECT 1"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rolled back");
        assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
    }

    @Test
    void beginsWithAnExplicitBegin() {
        mo.statements().clear();
        await(client.transaction(tx -> tx.execute("INSERT INTO a_tx(tag, v) VALUES ('begin', 1)")));
        List<StatementLog.Entry> mine = sessionOf("INSERT INTO a_tx(tag, v) VALUES ('begin', 1)");
        List<String> texts = mine.stream().filter(StatementLog.Entry::isText).map(StatementLog.Entry::sql).toList();
        assertThat(texts).containsSubsequence("BEGIN", "INSERT INTO a_tx(tag, v) VALUES ('begin', 1)", "COMMIT");
    }

    @Test
    void nestedTransactionJoinsTheOuterOne() {
        Throwable e = failure(client.transaction(outer -> outer.transaction(inner -> {
            assertThat(inner.isJoined()).isTrue();
            return inner.execute("INSERT INTO a_tx(tag, v) VALUES ('nested', 1)");
        }).thenCompose(r -> CompletableFuture.failedFuture(new IllegalStateException("outer fails")))));
        assertThat(e).hasMessage("outer fails");
        assertThat(count("nested")).isZero();
    }

    @Test
    void aFailedJoinedTransactionMakesTheOuterOneRollBackEvenIfTheFailureIsCaught() {
        Throwable e = failure(client.transaction(outer -> outer.execute("INSERT INTO a_tx(tag, v) VALUES ('joined', 1)")
                .thenCompose(r -> outer.transaction(inner -> {
                    assertThat(inner.isJoined()).isTrue();
                    return inner.execute("INSERT INTO a_tx(tag, v) VALUES ('joined', 2)")
                            .thenCompose(x -> CompletableFuture.<Result>failedFuture(new IllegalStateException("inner")));
                }))
                .exceptionally(err -> null))); // the outer body swallows the failure ...
        assertThat(e).hasMessageContaining("rolled back instead of committed"); // ... but cannot commit
        assertThat(count("joined")).isZero();
    }

    @Test
    void aJoinedHandlesCommitDoesNothingAndTheOuterCommits() {
        await(client.transaction(outer -> outer.transaction(inner -> inner.execute("INSERT INTO a_tx(tag, v) VALUES ('jc', 1)")
                .thenCompose(r -> inner.commit()))
                .thenCompose(v -> {
                    assertThat(outer.isActive()).isTrue();
                    return outer.query("SELECT COUNT(*) FROM a_tx WHERE tag = 'jc'");
                })));
        assertThat(count("jc")).isEqualTo(1);
    }

    @Test
    void setRollbackOnlyMakesCommitRollBack() {
        AsyncTransaction tx = await(client.begin());
        await(tx.execute("INSERT INTO a_tx(tag, v) VALUES ('rbo', 1)"));
        tx.setRollbackOnly();
        assertThat(failure(tx.commit())).hasMessageContaining("setRollbackOnly");
        assertThat(count("rbo")).isZero();
        assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
    }

    @Test
    void rollbackAfterCommitFailsButCloseDoesNot() {
        AsyncTransaction tx = await(client.begin());
        await(tx.commit());
        assertThat(failure(tx.rollback())).isInstanceOf(IllegalStateException.class);
        await(tx.close());
        assertThat(failure(tx.commit())).isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------------ refused raw SQL

    @Test
    void refusedRawStatementsFailAndAreNeverSent() {
        mo.statements().clear();
        AsyncTransaction tx = await(client.begin());
        List<String> refused = List.of("SET @x = 1", "SET autocommit = 1", "BEGIN", "COMMIT", "START TRANSACTION",
                "SAVEPOINT s1", "CREATE SNAPSHOT a_refused FOR ACCOUNT", "DROP SNAPSHOT a_refused",
                "RESTORE ACCOUNT sys{SNAPSHOT = 'a_refused'}", "CREATE USER u1 IDENTIFIED BY 'secret'", "GRANT ALL ON *.* TO u1");
        for (String sql : refused) {
            assertThat(failure(tx.execute(sql))).as(sql).isInstanceOf(NotAllowedInTransactionException.class);
        }
        await(tx.execute("INSERT INTO a_tx(tag, v) VALUES ('still-open', 1)"));
        await(tx.commit());
        assertThat(count("still-open")).isEqualTo(1);
        List<String> seen = mo.statements().sqls();
        for (String sql : refused) {
            assertThat(seen.stream().filter(sql::equals).count()).as(sql)
                    .isEqualTo(sql.equals("BEGIN") || sql.equals("COMMIT") ? 1 : 0); // only the SDK's own
        }
        assertThat(mo.statements().countSql("SET @x")).isZero();
    }

    // ------------------------------------------------------------------ ordering and context

    @Test
    void hundredConcurrentExecutesRunInCallOrderEachWithItsOwnResult() {
        int n = 100;
        List<Long> keys = await(client.transaction(tx -> {
            List<CompletableFuture<Result>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(tx.execute("INSERT INTO a_tx(tag, v) VALUES ('order', ?)", i).toCompletableFuture());
            }
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .thenApply(v -> all.stream().map(f -> f.join().generatedKey()).toList());
        }));
        assertThat(keys).hasSize(n).isSorted().doesNotHaveDuplicates();
        List<Integer> values = await(client.query("SELECT v FROM a_tx WHERE tag = 'order' ORDER BY seq")).column(0, Integer.class);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(i);
        }
        assertThat(values).isEqualTo(expected);
        List<Long> seqs = await(client.query("SELECT seq FROM a_tx WHERE tag = 'order' ORDER BY v")).column(0, Long.class);
        assertThat(seqs).isEqualTo(keys); // statement i got the key of row i
    }

    @Test
    void concurrentExecutesFromAnotherThreadKeepTheirOrder() throws Exception {
        AsyncTransaction tx = await(client.begin());
        List<CompletableFuture<Result>> all = new ArrayList<>();
        Thread t = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                all.add(tx.execute("INSERT INTO a_tx(tag, v) VALUES ('thread', ?)", i).toCompletableFuture());
            }
        });
        t.start();
        t.join();
        await(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
        await(tx.commit());
        List<Integer> values = await(client.query("SELECT v FROM a_tx WHERE tag = 'thread' ORDER BY seq")).column(0, Integer.class);
        assertThat(values).isSorted().hasSize(50);
    }

    @Test
    void theWholeTransactionRunsOnOneVertxThread() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        await(client.transaction(tx -> {
            threads.add(Thread.currentThread().getName());
            return tx.execute("INSERT INTO a_tx(tag, v) VALUES ('ctx', 1)")
                    .thenCompose(r -> {
                        threads.add(Thread.currentThread().getName());
                        return tx.query("SELECT COUNT(*) FROM a_tx");
                    })
                    .thenCompose(r -> {
                        threads.add(Thread.currentThread().getName());
                        return tx.execute("UPDATE a_tx SET v = 2 WHERE tag = 'ctx'");
                    })
                    .thenApply(r -> threads.add(Thread.currentThread().getName()));
        }));
        assertThat(threads).hasSize(1);
        assertThat(threads.iterator().next()).startsWith("vert.x-eventloop-thread");
    }

    // ------------------------------------------------------------------ after-commit steps

    @Test
    void snapshotQueuedInsideTheTransactionIsTakenAtCommitAndHoldsItsWrites() {
        String snap = "a_snap_" + System.nanoTime();
        AtomicReference<CompletionStage<Result>> step = new AtomicReference<>();
        mo.statements().clear();
        await(client.transaction(tx -> tx.execute("INSERT INTO a_tx(tag, v) VALUES ('snap', 1)")
                .thenApply(r -> {
                    step.set(tx.afterCommit("CREATE SNAPSHOT " + snap + " FOR DATABASE test"));
                    return r;
                })));
        await(step.get()); // completes once COMMIT and the step ran
        List<String> sqls = mo.statements().sqls();
        int commit = sqls.lastIndexOf("COMMIT");
        int create = sqls.indexOf("CREATE SNAPSHOT " + snap + " FOR DATABASE test");
        assertThat(create).isGreaterThan(commit).isPositive();
        assertThat(await(client.query("SELECT COUNT(*) FROM a_tx {SNAPSHOT = '" + snap + "'} WHERE tag = 'snap'"))
                .scalarLong()).isEqualTo(1);
        await(client.execute("DROP SNAPSHOT " + snap));
    }

    @Test
    void operationsMatrixOneRefusesAreQueuedAndACloneOfAQueuedSnapshotWaitsForIt() {
        String snap = "a_snap_op_" + System.nanoTime();
        String clone = "a_clone_" + System.nanoTime();
        Operation<Void> create = Operation.run(Statement.afterCommit("CREATE SNAPSHOT " + snap + " FOR DATABASE test")
                .withUndo(Statement.of("DROP SNAPSHOT IF EXISTS " + snap)).creatingSnapshot(snap));
        Operation<Void> cloneIt = Operation.run(Statement.of("CREATE DATABASE " + clone + " CLONE test {SNAPSHOT = '"
                + snap + "'}").readingSnapshot(snap));
        mo.statements().clear();
        AtomicReference<CompletionStage<Void>> cloned = new AtomicReference<>();
        await(client.transaction(tx -> {
            assertThatThrownBy(() -> tx.run(create).toCompletableFuture().join())
                    .hasCauseInstanceOf(NotAllowedInTransactionException.class); // run() never queues
            tx.submit(create);
            assertThatThrownBy(() -> tx.run(cloneIt).toCompletableFuture().join())
                    .hasCauseInstanceOf(NotAllowedInTransactionException.class);
            cloned.set(tx.submit(cloneIt)); // reads the queued snapshot: queued after it, not run now
            return tx.execute("INSERT INTO a_tx(tag, v) VALUES ('op', 1)");
        }));
        await(cloned.get());
        List<String> sqls = mo.statements().sqls();
        int commit = sqls.lastIndexOf("COMMIT");
        int created = sqls.indexOf("CREATE SNAPSHOT " + snap + " FOR DATABASE test");
        int clonedAt = sqls.indexOf("CREATE DATABASE " + clone + " CLONE test {SNAPSHOT = '" + snap + "'}");
        assertThat(commit).isLessThan(created);
        assertThat(created).isLessThan(clonedAt);
        assertThat(await(client.query("SELECT COUNT(*) FROM " + clone + ".a_tx WHERE tag = 'op'")).scalarLong()).isEqualTo(1);
        await(client.execute("DROP DATABASE " + clone));
        await(client.execute("DROP SNAPSHOT " + snap));
    }

    @Test
    void afterCommitStepsNeverRunOnRollback() {
        mo.statements().clear();
        AtomicReference<CompletionStage<Result>> step = new AtomicReference<>();
        failure(client.transaction(tx -> {
            step.set(tx.afterCommit("INSERT INTO a_log(v) VALUES ('never')"));
            return CompletableFuture.failedFuture(new IllegalStateException("roll back"));
        }));
        assertThat(failure(step.get())).isInstanceOf(CancellationException.class);
        assertThat(mo.statements().containsSql("'never'")).isFalse();
        assertThat(await(client.query("SELECT COUNT(*) FROM a_log")).scalarLong()).isZero();
    }

    @Test
    void aFailingStepUndoesEarlierStepsAndFailsWithOneException() {
        Operation<Void> one = Operation.run(Statement.afterCommit("INSERT INTO a_log(v) VALUES ('one')")
                .withUndo(Statement.of("DELETE FROM a_log WHERE v = 'one'")));
        Operation<Void> two = Operation.run(Statement.afterCommit("INSERT INTO a_log(v) VALUES ('two')"));
        Operation<Void> three = Operation.run(Statement.afterCommit("INSERT INTO a_log(v) VALUES ('three')"));
        mo.faults().failNext("'two'", 20101, "internal error: injected");
        AtomicReference<CompletionStage<Void>> third = new AtomicReference<>();
        Throwable e = failure(client.transaction(tx -> {
            tx.submit(one);
            tx.submit(two);
            third.set(tx.submit(three));
            return tx.execute("INSERT INTO a_tx(tag, v) VALUES ('committed', 1)");
        }));
        assertThat(e).isInstanceOf(AfterCommitStepException.class);
        AfterCommitStepException step = (AfterCommitStepException) e;
        assertThat(step.failedStep()).isEqualTo(2);
        assertThat(step.stepCount()).isEqualTo(3);
        assertThat(step.undone()).hasSize(1);
        assertThat(step.getMessage()).contains("was committed");
        assertThat(count("committed")).isEqualTo(1); // the data stays committed
        assertThat(await(client.query("SELECT COUNT(*) FROM a_log")).scalarLong()).isZero(); // 'one' undone, 'three' not run
        assertThat(failure(third.get())).isInstanceOf(CancellationException.class);
    }

    @Test
    void aBodyMayReturnAValueMadeAfterCommitButWaitingForItInsideIsAnError() {
        // returned (directly or derived with the step's own stage methods): commit first, then the value
        long affected = await(client.transaction(tx -> tx.afterCommit("INSERT INTO a_log(v) VALUES ('late')")
                .thenApply(Result::affectedRows)));
        assertThat(affected).isEqualTo(1);
        Result returned = await(client.transaction(tx -> tx.afterCommit("INSERT INTO a_log(v) VALUES ('late')")));
        assertThat(returned.affectedRows()).isEqualTo(1);

        // waited for inside the body: an error, not a hang, and the transaction rolls back
        Throwable joined = failure(client.transaction(tx -> tx.execute("SELECT 1").thenApply(r ->
                tx.afterCommit("INSERT INTO a_log(v) VALUES ('wait')").toCompletableFuture().join())));
        assertThat(joined).isInstanceOf(IllegalStateException.class).hasMessageContaining("completes after COMMIT");
        Throwable composed = failure(client.transaction(tx -> tx.execute("SELECT 1")
                .thenCompose(r -> tx.afterCommit("INSERT INTO a_log(v) VALUES ('wait')"))));
        assertThat(composed).isInstanceOf(IllegalStateException.class).hasMessageContaining("completes after COMMIT");

        assertThat(await(client.query("SELECT v, COUNT(*) FROM a_log GROUP BY v")).list(r -> r.getString(0) + "="
                + r.getLong(1))).containsExactly("late=2");
        assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
    }

    @Test
    void aQueuedStepCanBeUsedOnceTheTransactionCommitted() {
        CompletionStage<CompletionStage<Result>> handed = client.transaction(tx ->
                CompletableFuture.completedFuture(tx.afterCommit("INSERT INTO a_log(v) VALUES ('later')")));
        Result r = await(handed.thenCompose(step -> step));
        assertThat(r.affectedRows()).isEqualTo(1);

        AsyncTransaction tx = await(client.begin());
        CompletionStage<Result> step = tx.afterCommit("INSERT INTO a_log(v) VALUES ('explicit')");
        await(tx.commit().thenCompose(v -> step));
        assertThat(await(client.query("SELECT COUNT(*) FROM a_log")).scalarLong()).isEqualTo(2);
    }

    @Test
    void rawSnapshotStatementIsRefusedButItsAfterCommitFormIsAccepted() {
        AsyncTransaction tx = await(client.begin());
        assertThatThrownBy(() -> await(tx.execute("CREATE SNAPSHOT x FOR ACCOUNT")))
                .isInstanceOf(NotAllowedInTransactionException.class).hasMessageContaining("afterCommit");
        assertThat(failure(tx.afterCommit("SET @x = 1"))).isInstanceOf(StatementNotAllowedException.class);
        await(tx.rollback());
    }

    // ------------------------------------------------------------------ retry

    @Test
    void retriesTheWholeBodyOnAConflict() {
        mo.faults().failNext("INSERT INTO a_tx\\(tag, v\\) VALUES \\('retry'", 20619, "txn need retry in rc mode");
        AtomicInteger attempts = new AtomicInteger();
        await(client.transaction(tx -> {
            attempts.incrementAndGet();
            return tx.execute("INSERT INTO a_tx(tag, v) VALUES ('retry', 1)");
        }));
        assertThat(attempts).hasValue(2);
        assertThat(count("retry")).isEqualTo(1);
    }

    @Test
    void neverRetriesWhenTheCommitStatusIsUnknown() {
        mo.faults().failNext("^COMMIT", 20638, "commit status unknown");
        AtomicInteger attempts = new AtomicInteger();
        Throwable e = failure(client.transaction(tx -> {
            attempts.incrementAndGet();
            return tx.execute("INSERT INTO a_tx(tag, v) VALUES ('unknown', 1)");
        }));
        assertThat(e).isInstanceOf(CommitStatusUnknownException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void explicitFormDoesNotRetry() {
        mo.faults().failNext("'explicit-conflict'", 20619, "txn need retry");
        AsyncTransaction tx = await(client.begin());
        Throwable e = failure(tx.execute("INSERT INTO a_tx(tag, v) VALUES ('explicit-conflict', 1)"));
        assertThat(e).isInstanceOf(io.matrixone.core.error.MatrixOneException.class);
        assertThat(((io.matrixone.core.error.MatrixOneException) e).isRetryable()).isTrue();
        await(tx.rollback());
    }

    // ------------------------------------------------------------------ broken connections

    @Test
    void aDroppedConnectionCommitsNothingAndTheClientKeepsWorking() {
        mo.faults().dropAfter("'dropped'");
        Throwable e = failure(client.transaction(tx -> tx.execute("INSERT INTO a_tx(tag, v) VALUES ('before', 1)")
                .thenCompose(r -> tx.execute("INSERT INTO a_tx(tag, v) VALUES ('dropped', 1)"))));
        assertThat(e).isInstanceOf(ConnectionLostException.class);
        assertThat(count("before")).isZero();
        assertThat(count("dropped")).isZero();
        await(client.transaction(tx -> tx.execute("INSERT INTO a_tx(tag, v) VALUES ('after', 1)")));
        assertThat(count("after")).isEqualTo(1);
        assertThat(client.poolStats().transactionConnectionsInUse()).isZero();
    }

    @Test
    void aTimedOutStatementMakesTheTransactionRollBackAndLeaksNothing() {
        AsyncMatrixOneClient slow = Clients.client(mo, o -> o.queryTimeout(Duration.ofMillis(300)));
        try (var closing = Closing.of(slow)) {
            mo.faults().latency("'slow'", Duration.ofMillis(1200));
            AsyncTransaction tx = await(slow.begin());
            Throwable e = failure(tx.execute("INSERT INTO a_tx(tag, v) VALUES ('slow', 1)"));
            assertThat(e).isInstanceOf(io.matrixone.core.error.QueryInterruptedException.class);
            Throwable c = failure(tx.commit());
            assertThat(c).hasMessageContaining("rolled back instead of committed");
            assertThat(count("slow")).isZero();
            assertThat(slow.poolStats().transactionConnectionsInUse()).isZero();
        }
    }

    private List<StatementLog.Entry> sessionOf(String sql) {
        long session = mo.statements().all().stream().filter(en -> en.sql().equals(sql)).findFirst()
                .orElseThrow().sessionId();
        return mo.statements().forSession(session);
    }
}
