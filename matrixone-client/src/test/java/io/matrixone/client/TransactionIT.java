package io.matrixone.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.dialect.Statement;
import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.CommitStatusUnknownException;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.NotAllowedInTransactionException;
import io.matrixone.core.error.TransactionConflictException;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.result.Result;
import io.matrixone.core.retry.RetryPolicy;
import io.matrixone.core.tx.AfterCommit;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorExtension.class)
class TransactionIT {
    private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), true);

    private static long count(MatrixOneClient client, String table) {
        return client.query("SELECT COUNT(*) FROM " + table).scalarLong();
    }

    /**
     * The count another thread sees: on this thread, inside a transaction, the client's statements join the
     * transaction and would see its uncommitted rows.
     */
    private static long countElsewhere(MatrixOneClient client, String table) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> count(client, table)).join();
    }

    private static boolean snapshotExists(MatrixOneClient client, String name) {
        return client.query("SELECT COUNT(*) FROM mo_catalog.mo_snapshots WHERE sname = ?", name).scalarLong() == 1;
    }

    private static long sessionOf(Transaction tx) {
        return tx.query("SELECT CONNECTION_ID()").scalarLong();
    }

    /** The texts one session sent, in order. */
    private static List<String> sessionSql(Emulator mo, long session) {
        return mo.statements().forSession(session).stream().filter(StatementLog.Entry::isText)
                .map(StatementLog.Entry::sql).toList();
    }

    // ------------------------------------------------------------------------------------------------------
    // visibility, commit, rollback
    // ------------------------------------------------------------------------------------------------------

    @Test
    void uncommittedWritesAreVisibleInsideAndInvisibleOutsideUntilCommit(Emulator mo) throws SQLException {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "vis");
            try (Transaction tx = client.begin()) {
                tx.execute("INSERT INTO " + t + " (name) VALUES (?)", "inside");
                assertThat(tx.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(1);
                assertThat(countElsewhere(client, t)).isZero();    // another pooled connection
                assertThat(Clients.backendCount(mo, t)).isZero();  // straight to MariaDB
                tx.commit();
                assertThat(tx.isActive()).isFalse();
            }
            assertThat(count(client, t)).isEqualTo(1);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void transactionStartsWithAnExplicitBegin(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "begin");
            long session = client.transaction(tx -> {
                tx.execute("INSERT INTO " + t + " (name) VALUES ('x')");
                return sessionOf(tx);
            });
            List<String> sent = sessionSql(mo, session);
            int begin = sent.lastIndexOf("BEGIN");
            assertThat(begin).isNotNegative();
            assertThat(sent.subList(begin, sent.size())).last().isEqualTo("COMMIT");
            assertThat(sent.subList(begin, sent.size())).noneMatch(s -> s.toUpperCase().startsWith("SET "));
        }
    }

    @Test
    void rollbackUndoesEveryWrite(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "rb");
            try (Transaction tx = client.begin()) {
                tx.execute("INSERT INTO " + t + " (name) VALUES ('a')");
                tx.rollback();
                tx.rollback(); // idempotent
                assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("rolled back");
            }
            try (Transaction tx = client.begin()) {
                tx.execute("INSERT INTO " + t + " (name) VALUES ('b')");
            } // close without commit
            RuntimeException boom = new RuntimeException("boom");
            assertThatThrownBy(() -> client.inTransaction(tx -> {
                tx.execute("INSERT INTO " + t + " (name) VALUES ('c')");
                throw boom;
            })).isSameAs(boom);
            assertThat(count(client, t)).isZero();
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void lambdaCommitsAndReturnsTheBodyValue(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "lambda");
            long id = client.transaction(tx -> tx.execute("INSERT INTO " + t + " (name) VALUES (?)", "x").generatedKey());
            assertThat(client.query("SELECT name FROM " + t + " WHERE id = ?", id).scalar(String.class)).isEqualTo("x");
        }
    }

    @Test
    void checkedExceptionsAreWrappedOnceAndRuntimeOnesPassUnchanged(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            IOException io = new IOException("disk");
            assertThatThrownBy(() -> client.inTransaction(tx -> {
                throw io;
            })).isInstanceOf(TransactionBodyException.class).hasCause(io);
            Error err = new AssertionError("x");
            assertThatThrownBy(() -> client.inTransaction(tx -> {
                throw err;
            })).isSameAs(err);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // refusals before sending
    // ------------------------------------------------------------------------------------------------------

    @Test
    void aMultiStatementTextIsRefusedInATransactionBecauseTheServerWouldRunItsSet(Emulator mo) throws SQLException {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "multi");
            String marker = Clients.unique("m");
            // what the refusal prevents: MatrixOne (and the emulator, finding F-09) runs the whole text for a client
            // that never asked for multi-statements, and the SET in it commits the open transaction
            try (Connection plain = java.sql.DriverManager.getConnection("jdbc:mysql://" + mo.host() + ":" + mo.port() + "/"
                    + mo.database() + "?useServerPrepStmts=false", mo.user(), mo.password())) {
                plain.setAutoCommit(false);
                plain.createStatement().execute("INSERT INTO " + t + " (name) VALUES ('committed by SET')");
                plain.createStatement().execute("SELECT 1; SET @" + marker + " = 1");
                plain.rollback();
            }
            assertThat(count(client, t)).isEqualTo(1);
            // the SDK sends no such text: the transaction stays intact and its ROLLBACK undoes its insert
            assertThatThrownBy(() -> client.inTransaction(tx -> {
                tx.execute("INSERT INTO " + t + " (name) VALUES ('rolled back')");
                assertThatThrownBy(() -> tx.query("SELECT 1; SET @" + marker + "x = 1"))
                        .isInstanceOf(NotAllowedInTransactionException.class).hasMessageContaining("one statement per call");
                throw new IllegalStateException("roll back");
            })).hasMessage("roll back");
            assertThat(count(client, t)).isEqualTo(1);
            // (a real server records no statement log; the emulator's shows the text was never sent)
            mo.statementsIfRecorded().ifPresent(log -> assertThat(log.containsSql(marker + "x")).isFalse());
            client.execute("DROP TABLE " + t); // a real server is shared
        }
    }

    @Test
    void setBeginAndSnapshotSqlAreRefusedInsideATransactionAndNeverSent(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "refuse");
            String marker = Clients.unique("m");
            client.inTransaction(tx -> {
                tx.execute("INSERT INTO " + t + " (name) VALUES ('kept')");
                assertThatThrownBy(() -> tx.execute("SET @" + marker + " = 1"))
                        .isInstanceOf(NotAllowedInTransactionException.class).hasMessageContaining("commits the open transaction");
                assertThatThrownBy(() -> tx.execute("BEGIN /* " + marker + " */"))
                        .isInstanceOf(NotAllowedInTransactionException.class).hasMessageContaining("commit()");
                assertThatThrownBy(() -> tx.query("COMMIT /* " + marker + " */"))
                        .isInstanceOf(NotAllowedInTransactionException.class);
                assertThatThrownBy(() -> tx.execute("CREATE SNAPSHOT " + marker + " FOR TABLE " + mo.database() + " " + t))
                        .isInstanceOf(NotAllowedInTransactionException.class).hasMessageContaining("tx.afterCommit");
                assertThatThrownBy(() -> tx.execute("CREATE USER " + marker + " IDENTIFIED BY 'pw'"))
                        .isInstanceOf(NotAllowedInTransactionException.class).hasMessageContaining("administrative");
                assertThatThrownBy(() -> tx.run(Operation.run(Statement.afterCommit("DROP SNAPSHOT " + marker))))
                        .isInstanceOf(NotAllowedInTransactionException.class).hasMessageContaining("submit");
                // the transaction is intact and still open
                assertThat(tx.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(1);
            });
            assertThat(mo.statements().containsSql(marker)).isFalse();
            assertThat(count(client, t)).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // after-commit steps
    // ------------------------------------------------------------------------------------------------------

    @Test
    void snapshotRequestedInATransactionIsTakenRightAfterCommitAndHoldsItsWrites(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "snapcommit");
            String raw = Clients.unique("snapraw");
            String managed = Clients.unique("snapop");
            Dialect dialect = Dialect.of(client.serverVersion());
            AtomicReference<AfterCommit<Result>> rawHandle = new AtomicReference<>();
            AtomicReference<AfterCommit<Snapshot>> opHandle = new AtomicReference<>();
            long session = client.transaction(tx -> {
                tx.execute("INSERT INTO " + t + " (name) VALUES ('in-snapshot')");
                rawHandle.set(tx.afterCommit("CREATE SNAPSHOT " + raw + " FOR TABLE " + mo.database() + " " + t));
                opHandle.set(tx.submit(dialect.snapshots().create(SnapshotSpec.table(managed, mo.database(), t))));
                assertThat(opHandle.get().isPending()).isTrue();
                assertThatThrownBy(() -> opHandle.get().get()).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("after COMMIT");
                assertThat(snapshotExists(client, raw)).isFalse();
                return sessionOf(tx);
            });
            assertThat(rawHandle.get().isDone()).isTrue();
            assertThat(opHandle.get().get().name()).isEqualTo(managed);
            assertThat(snapshotExists(client, raw)).isTrue();
            assertThat(snapshotExists(client, managed)).isTrue();

            List<String> sent = sessionSql(mo, session);
            int commit = sent.lastIndexOf("COMMIT");
            assertThat(indexContaining(sent, "CREATE SNAPSHOT " + raw)).isGreaterThan(commit);
            assertThat(indexContaining(sent, "CREATE SNAPSHOT `" + managed)).isGreaterThan(indexContaining(sent, "CREATE SNAPSHOT " + raw));
            assertThat(client.query("SELECT COUNT(*) FROM " + t + " {SNAPSHOT = '" + raw + "'}").scalarLong()).isEqualTo(1);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void snapshotRequestedInATransactionIsNeverTakenOnRollback(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "snaprb");
            String name = Clients.unique("snaprb");
            AfterCommit<Result> handle;
            try (Transaction tx = client.begin()) {
                tx.execute("INSERT INTO " + t + " (name) VALUES ('x')");
                handle = tx.afterCommit("CREATE SNAPSHOT " + name + " FOR TABLE " + mo.database() + " " + t);
            }
            assertThat(handle.isCancelled()).isTrue();
            assertThatThrownBy(handle::get).isInstanceOf(CancellationException.class)
                    .hasMessage("not run: the transaction rolled back");
            assertThat(mo.statements().containsSql(name)).isFalse();
            assertThat(snapshotExists(client, name)).isFalse();
        }
    }

    @Test
    void failingStepUndoesEarlierStepsAndSaysTheDataWasCommitted(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "stepfail");
            String first = Clients.unique("snapa");
            String second = Clients.unique("snapb");
            String third = Clients.unique("snapc");
            Dialect dialect = Dialect.of(client.serverVersion());
            mo.faults().failNext("CREATE SNAPSHOT `?" + second, 20101, "internal error: injected failure");
            List<AfterCommit<Snapshot>> handles = new ArrayList<>();
            AfterCommitStepException e = (AfterCommitStepException) org.assertj.core.api.Assertions.catchThrowable(() ->
                    client.inTransaction(tx -> {
                        tx.execute("INSERT INTO " + t + " (name) VALUES ('committed')");
                        handles.add(tx.submit(dialect.snapshots().create(SnapshotSpec.table(first, mo.database(), t))));
                        handles.add(tx.submit(dialect.snapshots().create(SnapshotSpec.table(second, mo.database(), t))));
                        handles.add(tx.submit(dialect.snapshots().create(SnapshotSpec.table(third, mo.database(), t))));
                    }));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("the transaction was committed").contains("step 2 of 3");
            assertThat(e.failedStep()).isEqualTo(2);
            assertThat(e.undone()).hasSize(1).allMatch(s -> s.contains(first));
            assertThat(e.getCause()).isInstanceOf(MatrixOneException.class).hasMessageContaining("injected failure");
            assertThat(count(client, t)).isEqualTo(1);                 // the data stays committed
            assertThat(snapshotExists(client, first)).isFalse();        // undone
            assertThat(snapshotExists(client, second)).isFalse();
            assertThat(mo.statements().containsSql(third)).isFalse();   // never run
            assertThatThrownBy(handles.get(0)::get).isSameAs(e);
            assertThatThrownBy(handles.get(2)::get).isInstanceOf(CancellationException.class);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void operationAllowedInsideRunsAtOnceAndOneReadingAQueuedSnapshotWaitsForIt(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "submit");
            String snap = Clients.unique("snapq");
            Dialect dialect = Dialect.of(client.serverVersion());
            client.inTransaction(tx -> {
                AfterCommit<Long> now = tx.submit(Operation.of(Statement.of("SELECT COUNT(*) FROM " + t), Result::scalarLong));
                assertThat(now.isDone()).isTrue();
                assertThat(now.get()).isZero();
                tx.submit(dialect.snapshots().create(SnapshotSpec.table(snap, mo.database(), t)));
                AfterCommit<Long> reader = tx.submit(Operation.of(Statement.of(
                        "SELECT COUNT(*) FROM mo_catalog.mo_snapshots WHERE sname = ?", snap).readingSnapshot(snap),
                        Result::scalarLong));
                assertThat(reader.isPending()).isTrue();
                tx.execute("INSERT INTO " + t + " (name) VALUES ('x')");
                reader.toCompletionStage().thenAccept(n -> assertThat(n).isEqualTo(1));
            });
            assertThat(snapshotExists(client, snap)).isTrue();
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // nesting and concurrency
    // ------------------------------------------------------------------------------------------------------

    @Test
    void nestedTransactionJoinsTheOuterOne(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "nested");
            client.inTransaction(outer -> {
                outer.execute("INSERT INTO " + t + " (name) VALUES ('outer')");
                long outerSession = sessionOf(outer);
                long seen = client.transaction(inner -> {
                    assertThat(inner.isJoined()).isTrue();
                    assertThat(sessionOf(inner)).isEqualTo(outerSession);
                    inner.execute("INSERT INTO " + t + " (name) VALUES ('inner')");
                    return inner.query("SELECT COUNT(*) FROM " + t).scalarLong();
                });
                assertThat(seen).isEqualTo(2);
                try (Transaction joined = client.begin()) {
                    assertThat(joined.isJoined()).isTrue();
                    joined.execute("INSERT INTO " + t + " (name) VALUES ('joined')");
                    joined.commit(); // does nothing: the outer commits
                }
                assertThat(countElsewhere(client, t)).isZero(); // nothing committed yet
            });
            assertThat(count(client, t)).isEqualTo(3);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void clientStatementsOnTheTransactionsThreadJoinIt(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "joinrule");
            client.inTransaction(tx -> {
                tx.execute("INSERT INTO " + t + " (name) VALUES ('a')");
                long txSession = sessionOf(tx);
                // query, execute, executeBatch, stream and run all go to the transaction's connection
                assertThat(client.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(1);
                client.execute("INSERT INTO " + t + " (name) VALUES ('b')");
                client.executeBatch("INSERT INTO " + t + " (name) VALUES (?)", List.of(List.of("c"), List.of("d")));
                assertThat(client.stream("SELECT name FROM " + t, List.of(), row -> { })).isEqualTo(4);
                try (var rows = client.streamRows("SELECT name FROM " + t)) {
                    assertThat(rows.count()).isEqualTo(4);
                }
                assertThat((long) client.run(Operation.of(Statement.of("SELECT CONNECTION_ID()"), Result::scalarLong)))
                        .isEqualTo(txSession);
                // what MatrixOne refuses inside a transaction is refused: the transaction's managers queue it
                assertThatThrownBy(() -> client.snapshots().create(SnapshotSpec.account(Clients.unique("js"))))
                        .isInstanceOf(NotAllowedInTransactionException.class).hasMessageContaining("tx.snapshots()");
                assertThatThrownBy(() -> client.execute("SET @x = 1"))
                        .isInstanceOf(NotAllowedInTransactionException.class);
                assertThat(countElsewhere(client, t)).isZero();
                // streaming sent no SET (Connector/J's net_write_timeout dance would commit on MatrixOne <= 4.2.0)
                List<String> sent = sessionSql(mo, txSession);
                assertThat(sent.subList(sent.lastIndexOf("BEGIN"), sent.size())).noneMatch(sql -> sql.startsWith("SET"));
                tx.setRollbackOnly();
            });
        } catch (MatrixOneException expected) {
            assertThat(expected).hasMessageContaining("rolled back instead of committed");
        }
    }

    @Test
    void failedNestedTransactionMakesTheOuterRollBack(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "nestedrb");
            assertThatThrownBy(() -> client.inTransaction(outer -> {
                outer.execute("INSERT INTO " + t + " (name) VALUES ('outer')");
                try (Transaction joined = client.begin()) {
                    joined.execute("INSERT INTO " + t + " (name) VALUES ('inner')");
                } // closed without commit
            })).isInstanceOf(MatrixOneException.class).hasMessageContaining("rolled back instead of committed")
                    .hasMessageContaining("without commit()");
            try {
                client.inTransaction(outer -> {
                    outer.execute("INSERT INTO " + t + " (name) VALUES ('outer')");
                    try {
                        client.inTransaction(inner -> {
                            throw new IllegalStateException("inner failed");
                        });
                    } catch (IllegalStateException swallowed) {
                        // the outer body carries on, but its commit must not succeed
                    }
                });
            } catch (MatrixOneException expected) {
                assertThat(expected).hasMessageContaining("inner failed");
            }
            assertThat(count(client, t)).isZero();
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void usingATransactionFromTwoThreadsAtOnceFailsClearly(Emulator mo) throws Exception {
        try (MatrixOneClient client = Clients.client(mo)) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try (Transaction tx = client.begin()) {
                CountDownLatch started = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                Future<?> busy = other.submit(() -> tx.stream("SELECT seq FROM " + Clients.numbers(3), null, row -> {
                    started.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
                assertThatThrownBy(() -> tx.query("SELECT 1")).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("one thread at a time");
                release.countDown();
                busy.get(5, TimeUnit.SECONDS);
                assertThat(tx.query("SELECT 1").scalarLong()).isEqualTo(1); // usable again, one thread at a time
            } finally {
                other.shutdownNow();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // retry and failures
    // ------------------------------------------------------------------------------------------------------

    @Test
    void conflictOnCommitRetriesTheWholeBody(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "retrycommit");
            AtomicInteger runs = new AtomicInteger();
            mo.faults().failNext("^COMMIT$", 20619, "w-w conflict");
            client.inTransaction(FAST_RETRY, tx -> {
                runs.incrementAndGet();
                tx.execute("INSERT INTO " + t + " (name) VALUES ('once')");
            });
            assertThat(runs.get()).isEqualTo(2);
            assertThat(count(client, t)).isEqualTo(1);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void conflictOnAStatementRetriesTheWholeBodyAndStepsOfTheFailedAttemptNeverRun(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "retrystmt");
            String snap = Clients.unique("snapretry");
            AtomicInteger runs = new AtomicInteger();
            mo.faults().failNext("UPDATE " + t, 20619, "w-w conflict");
            client.inTransaction(FAST_RETRY, tx -> {
                runs.incrementAndGet();
                tx.execute("INSERT INTO " + t + " (name) VALUES ('x')");
                tx.afterCommit("CREATE SNAPSHOT " + snap + " FOR TABLE " + mo.database() + " " + t);
                tx.execute("UPDATE " + t + " SET name = ?", "y");
            });
            assertThat(runs.get()).isEqualTo(2);
            assertThat(mo.statements().countSql("CREATE SNAPSHOT " + snap)).isEqualTo(1);
            assertThat(count(client, t)).isEqualTo(1);
        }
    }

    @Test
    void statementsAfterAConflictAreRefusedBecauseTheServerRolledBack(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "doomed");
            mo.faults().failNext("INSERT INTO " + t, 20619, "w-w conflict");
            try (Transaction tx = client.begin()) {
                assertThatThrownBy(() -> tx.execute("INSERT INTO " + t + " (name) VALUES ('a')"))
                        .isInstanceOf(TransactionConflictException.class);
                assertThatThrownBy(() -> tx.execute("INSERT INTO " + t + " (name) VALUES ('b')"))
                        .isInstanceOf(TransactionConflictException.class).hasMessageContaining("no longer open");
                assertThatThrownBy(tx::commit).isInstanceOf(TransactionConflictException.class);
            }
            assertThat(count(client, t)).isZero();
        }
    }

    @Test
    void commitStatusUnknownIsNeverRetried(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "unknown");
            AtomicInteger runs = new AtomicInteger();
            mo.faults().failNext("^COMMIT$", 20638, "txn commit status is unknown");
            assertThatThrownBy(() -> client.inTransaction(FAST_RETRY, tx -> {
                runs.incrementAndGet();
                tx.execute("INSERT INTO " + t + " (name) VALUES ('x')");
            })).isInstanceOf(CommitStatusUnknownException.class);
            assertThat(runs.get()).isEqualTo(1);
            assertThat(client.poolStats().active()).isZero();
        }
    }

    @Test
    void droppedConnectionMidTransactionCommitsNothingAndTheClientKeepsWorking(Emulator mo) throws Exception {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "dropped");
            mo.faults().dropAfter("INSERT INTO " + t);
            assertThatThrownBy(() -> client.inTransaction(tx -> tx.execute("INSERT INTO " + t + " (name) VALUES ('lost')")))
                    .isInstanceOf(ConnectionLostException.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (Clients.backendCount(mo, t) != 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Clients.backendCount(mo, t)).isZero();
            assertThat(client.poolStats().active()).isZero();
            client.inTransaction(tx -> tx.execute("INSERT INTO " + t + " (name) VALUES ('ok')"));
            assertThat(count(client, t)).isEqualTo(1);
        }
    }

    @Test
    void fiveHundredFailingTransactionsLeakNoConnection(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "leak");
            client.execute("INSERT INTO " + t + " (id, name) VALUES (1, 'taken')");
            for (int i = 0; i < 500; i++) {
                int kind = i % 3;
                try {
                    if (kind == 0) {
                        client.inTransaction(RetryPolicy.NONE, tx -> {
                            tx.execute("INSERT INTO " + t + " (name) VALUES ('x')");
                            throw new IllegalStateException("body failed");
                        });
                    } else if (kind == 1) {
                        client.inTransaction(RetryPolicy.NONE, tx -> tx.execute("INSERT INTO " + t + " (id, name) VALUES (1, 'dup')"));
                    } else {
                        try (Transaction tx = client.begin()) {
                            tx.execute("INSERT INTO " + t + " (name) VALUES ('y')");
                            tx.execute("SET @x = 1");
                        }
                    }
                } catch (IllegalStateException | DuplicateKeyException | NotAllowedInTransactionException expected) {
                    // every kind of failure, on purpose
                }
            }
            assertThat(client.poolStats().active()).isZero();
            assertThat(client.poolStats().total()).isLessThanOrEqualTo(4);
            assertThat(count(client, t)).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // ORM binding
    // ------------------------------------------------------------------------------------------------------

    /** A minimal "ORM": pending SQL flushed through the transaction's guarded connection. */
    static final class BufferingBinding implements OrmBinding<List<String>> {
        final List<String> events = new ArrayList<>();
        Connection connection;

        @Override
        public List<String> open(TransactionContext context) {
            events.add("open");
            connection = context.connection();
            return new ArrayList<>();
        }

        @Override
        public void flush(List<String> pending) {
            try (java.sql.Statement st = connection.createStatement()) {
                for (String sql : pending) {
                    st.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (!pending.isEmpty()) {
                events.add("flush " + pending.size());
            }
            pending.clear();
        }

        @Override
        public void close(List<String> session) {
            events.add("close");
        }
    }

    @Test
    void ormSessionSharesTheTransactionAndIsFlushedBeforeRawSqlAndCommit(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "orm");
            BufferingBinding binding = new BufferingBinding();
            client.inTransaction(tx -> {
                List<String> session = tx.orm(binding);
                assertThat(tx.orm(binding)).isSameAs(session);
                session.add("INSERT INTO " + t + " (name) VALUES ('orm1')");
                assertThat(tx.query("SELECT COUNT(*) FROM " + t).scalarLong()).isEqualTo(1); // flushed first
                session.add("INSERT INTO " + t + " (name) VALUES ('orm2')");
                assertThatThrownBy(() -> binding.connection.commit()).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> binding.connection.setAutoCommit(true)).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> binding.connection.setSavepoint()).isInstanceOf(SQLException.class);
                binding.connection.close(); // nothing happens
                assertThat(countElsewhere(client, t)).isZero();
            });
            assertThat(binding.events).containsExactly("open", "flush 1", "flush 1", "close");
            assertThat(count(client, t)).isEqualTo(2);
            assertThatThrownBy(() -> binding.connection.createStatement()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("ended");
        }
    }

    @Test
    void ormSessionIsClosedAndItsWritesUndoneOnRollback(Emulator mo) {
        try (MatrixOneClient client = Clients.client(mo)) {
            String t = Clients.table(client, "ormrb");
            BufferingBinding binding = new BufferingBinding();
            try (Transaction tx = client.begin()) {
                tx.orm(binding).add("INSERT INTO " + t + " (name) VALUES ('orm')");
                tx.execute("INSERT INTO " + t + " (name) VALUES ('raw')");
            }
            assertThat(binding.events).containsExactly("open", "flush 1", "close");
            assertThat(count(client, t)).isZero();
        }
    }

    private static int indexContaining(List<String> sqls, String part) {
        for (int i = sqls.size() - 1; i >= 0; i--) {
            if (sqls.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
