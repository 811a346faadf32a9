package io.matrixone.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotLevel;
import io.matrixone.core.model.TimePoint;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.StatementLog.Entry;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.matrixone.examples.async.AsyncBatchOperations;
import io.matrixone.examples.async.AsyncConcurrentOperations;
import io.matrixone.examples.async.AsyncManagerTour;
import io.matrixone.examples.async.AsyncQuickStart;
import io.matrixone.examples.async.AsyncRollbackOnError;
import io.matrixone.examples.async.AsyncUnifiedTransaction;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every async example against the emulator, checked like {@link ExamplesIT} checks the sync ones: what a user
 * expects, seen from the outside (a sync client of its own and the emulator's statement log, with the session
 * each statement came on) after the example ran and before its clean-up; then that nothing was left behind (no
 * database, no snapshot, no transaction connection in use).
 */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncExamplesIT {
    private final Emulator emulator;
    private ExampleServer server;
    private MatrixOneClient verifier;

    AsyncExamplesIT(Emulator emulator) {
        this.emulator = emulator;
    }

    @BeforeAll
    void start() {
        server = ExampleServer.on(emulator);
        verifier = MatrixOneClient.create(server.options());
    }

    @AfterAll
    void stop() {
        verifier.close();
        server.close();
    }

    /** What a run printed and the statements the emulator received while it ran. */
    record Run(String output, List<Entry> statements) {
        /** The first statement at or after {@code from} whose text contains {@code part}, ignoring case; -1 if none. */
        int indexOf(String part, int from) {
            for (int i = Math.max(0, from); i < statements.size(); i++) {
                if (statements.get(i).sql().toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
            return -1;
        }

        Entry at(int index) {
            return statements.get(index);
        }
    }

    /** Runs the example, lets {@code inspect} look at what it left before clean-up, then checks nothing is left. */
    private Run run(Example example, Consumer<ExampleContext> inspect) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        emulator.statements().clear();
        ExampleContext ctx = server.context(example, out);
        String database = ctx.database();
        List<Entry> statements;
        try {
            example.run(ctx);
            statements = emulator.statements().all();
            inspect.accept(ctx);
        } finally {
            ctx.close(); // throws ExampleFailure when something was left behind, a transaction connection included
        }
        assertThat(verifier.query("SHOW DATABASES").stream().map(r -> r.getString(0)))
                .as("databases of the example left behind").noneMatch(name -> name.startsWith(database));
        assertThat(verifier.snapshots().list()).extracting(Snapshot::name)
                .as("snapshots of the example left behind").noneMatch(name -> name.startsWith(database));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output).as("a check failed").doesNotContain("FAILED");
        return new Run(output, statements);
    }

    private List<String> names(String database) {
        return verifier.query("SELECT name FROM " + database + ".users ORDER BY name").column(0, String.class);
    }

    @Test
    void quickStartLeavesTwoUsersAndTheirOrdersJoinable() throws Exception {
        Run run = run(new AsyncQuickStart(), ctx -> {
            assertThat(names(ctx.database())).containsExactly("Alice", "Bob");
            assertThat(verifier.query("SELECT u.name, SUM(o.amount) FROM " + ctx.database() + ".users u JOIN "
                    + ctx.database() + ".orders o ON o.user_id = u.id GROUP BY u.name ORDER BY u.name").rows())
                    .extracting(r -> r.getString(0) + " " + r.getBigDecimal(1).toPlainString())
                    .containsExactly("Alice 248.90", "Bob 19.90");
        });
        assertThat(run.output()).contains("JOIN of users and orders over 20.00", "users counted with a bound LIKE pattern: 2");
    }

    @Test
    void unifiedTransactionPutsOrmAndRawWritesOnOneConnectionThenSnapshotsAndClonesAfterCommit() throws Exception {
        Run run = run(new AsyncUnifiedTransaction(), ctx -> {
            String snapshot = ctx.snapshotName("tx");
            Snapshot taken = verifier.snapshots().get(snapshot).orElseThrow();
            assertThat(taken.level()).isEqualTo(SnapshotLevel.DATABASE);
            assertThat(taken.database()).isEqualTo(ctx.database());
            assertThat(verifier.run(verifier.dialect().timeTravel().count(ctx.database(), "users",
                    TimePoint.snapshot(snapshot)))).isEqualTo(2L);
            assertThat(verifier.query("SELECT name, email FROM " + ctx.databaseName("backup") + ".users ORDER BY name")
                    .rows()).extracting(r -> r.getString(0) + " " + r.getString(1))
                    .containsExactly("Alice alice@example.com", "Bob bob@example.com");
        });
        int begin = run.indexOf("BEGIN", 0);
        int orm = run.indexOf("insert into users (email,name)", begin); // Hibernate's statement
        int raw = run.indexOf("INSERT INTO users (name, email) VALUES", begin);
        int commit = run.indexOf("COMMIT", raw);
        int snapshot = run.indexOf("CREATE SNAPSHOT", 0);
        int clone = run.indexOf("CLONE", 0);
        assertThat(begin).as("BEGIN sent").isNotNegative();
        assertThat(orm).as("the ORM's insert, flushed before the raw one").isGreaterThan(begin).isLessThan(raw);
        assertThat(commit).as("COMMIT after both writes").isGreaterThan(raw);
        assertThat(snapshot).as("snapshot taken after COMMIT").isGreaterThan(commit);
        assertThat(clone).as("clone after the snapshot").isGreaterThan(snapshot);
        assertThat(List.of(run.at(orm), run.at(raw), run.at(commit))).extracting(Entry::sessionId)
                .as("the ORM write, the raw write and COMMIT on the transaction's connection")
                .containsOnly(run.at(begin).sessionId());
        assertThat(run.output()).contains("snapshot and clone pending (MatrixOne takes the snapshot at COMMIT",
                "users in the snapshot: 2 \u2714", "clone from the snapshot has both users: [Alice, Bob] \u2714");
    }

    @Test
    void rollbackOnErrorLeavesNoRowNoSnapshotAndNoTransactionConnectionInUse() throws Exception {
        Run run = run(new AsyncRollbackOnError(), ctx -> {
            assertThat(verifier.query("SELECT COUNT(*) FROM " + ctx.database() + ".users").scalarLong()).isZero();
            assertThat(verifier.snapshots().exists(ctx.snapshotName("never"))).isFalse();
        });
        int orm = run.indexOf("insert into users (email,name)", 0);
        int rollback = run.indexOf("ROLLBACK", orm);
        assertThat(orm).as("the ORM's insert was sent").isNotNegative();
        assertThat(rollback).as("ROLLBACK after it").isGreaterThan(orm);
        assertThat(run.at(rollback).sql()).isEqualTo("ROLLBACK");
        assertThat(run.at(rollback).sessionId()).isEqualTo(run.at(orm).sessionId());
        assertThat(run.statements()).extracting(Entry::sql).noneMatch(s -> s.contains("CREATE SNAPSHOT"));
        assertThat(run.output()).contains("failed with UnknownTableException \u2714",
                "the queued snapshot was cancelled, never sent \u2714", "transaction connections in use: 0 \u2714");
    }

    @Test
    void concurrentRawInsertsRunInCallOrderOnTheTransactionsConnectionAndOrmCallsShareIt() throws Exception {
        Run run = run(new AsyncConcurrentOperations(), ctx -> {
            assertThat(verifier.query("SELECT seq FROM " + ctx.database() + ".writes ORDER BY id").column(0, Integer.class))
                    .containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
            assertThat(names(ctx.database())).containsExactly("User1", "User2", "User3", "User4");
        });
        List<Entry> inserts = run.statements().stream().filter(e -> e.sql().startsWith("INSERT INTO writes")
                && e.kind() != io.matrixone.emulator.StatementLog.Kind.PREPARE).toList();
        assertThat(inserts).hasSize(20);
        long session = inserts.get(0).sessionId();
        assertThat(inserts).extracting(Entry::sessionId).as("one connection for the gathered inserts")
                .containsOnly(session);
        assertThat(run.statements()).filteredOn(e -> e.sql().toLowerCase(Locale.ROOT).startsWith("insert into users"))
                .extracting(Entry::sessionId).as("ORM and raw users on the same connection").containsOnly(session);
        assertThat(run.statements()).filteredOn(e -> e.sessionId() == session).extracting(Entry::sql)
                .contains("BEGIN", "COMMIT").doesNotContain("ROLLBACK");
        assertThat(run.output()).contains("users, orders, products counted by three concurrent queries: [4, 3, 2]",
                "pooled connection(s), at most the pool's 8 \u2714");
    }

    @Test
    void batchOperationsKeepTheGoodBatchesAndNothingOfTheFailedOne() throws Exception {
        Run run = run(new AsyncBatchOperations(), ctx -> {
            String db = ctx.database();
            assertThat(verifier.query("SELECT COUNT(*) FROM " + db + ".users WHERE name LIKE 'User%'").scalarLong())
                    .isEqualTo(1000L);
            assertThat(verifier.query("SELECT COUNT(*) FROM " + db + ".users WHERE name LIKE 'Orm%'").scalarLong())
                    .isEqualTo(100L);
            assertThat(verifier.query("SELECT COUNT(*) FROM " + db + ".users WHERE name LIKE 'Late%'").scalarLong())
                    .as("rows of the batch with a duplicate key").isZero();
        });
        assertThat(run.statements()).extracting(Entry::sql).as("the failed batch rolled back its own transaction")
                .contains("ROLLBACK");
        assertThat(run.output()).contains("rows streamed one by one: 1100 \u2714");
    }

    @Test
    void managerTourRestoresTheBalancesClonesFromTheSnapshotAndDropsItsSnapshots() throws Exception {
        Run run = run(new AsyncManagerTour(), ctx -> {
            assertThat(verifier.query("SELECT SUM(balance) FROM " + ctx.database() + ".accounts").one().getBigDecimal(0))
                    .isEqualByComparingTo(new BigDecimal("425.50"));
            assertThat(verifier.query("SELECT COUNT(*) FROM " + ctx.databaseName("copy") + ".accounts").scalarLong())
                    .isEqualTo(3L);
            assertThat(verifier.snapshots().exists(ctx.snapshotName("db"))).isFalse();
            assertThat(verifier.snapshots().exists(ctx.snapshotName("accounts"))).isFalse();
        });
        assertThat(run.statements()).extracting(Entry::sql)
                .anyMatch(s -> s.startsWith("RESTORE TABLE"))
                .anyMatch(s -> s.contains("CLONE") && s.contains("{SNAPSHOT = '"))
                .anyMatch(s -> s.contains("mo_ctl") && s.contains("flush"))
                .anyMatch(s -> s.startsWith("DROP SNAPSHOT"));
        assertThat(run.output()).contains("version() = 8.0.30-MatrixOne-v4.2.0", "mo_ctl flush of accounts OK \u2714");
    }

    @Test
    void anAsyncExampleThatLeavesATransactionOpenFailsAndAFailedCheckInAChainIsReportedAsItself() {
        Example untidy = new Example() {
            public String name() {
                return "async-untidy";
            }

            public String description() {
                return "begins a transaction and never ends it";
            }

            public void run(ExampleContext ctx) {
                ctx.await(ctx.asyncClient().begin());
            }
        };
        Example failing = new Example() {
            public String name() {
                return "async-failing";
            }

            public String description() {
                return "fails a check inside a stage's continuation";
            }

            public void run(ExampleContext ctx) {
                ctx.await(ctx.asyncClient().query("SELECT 1")
                        .thenAccept(r -> ctx.expect(r.scalarLong(), 2L, "one")));
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int failed = RunExamples.run(List.of(untidy, failing), server, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(failed).isEqualTo(2);
        assertThat(output).contains("[async-untidy] FAILED \u2718 1 transaction connection(s) still in use",
                "[async-failing] FAILED \u2718 one: expected 2 but was 1");
    }

    @Test
    void awaitRefusesToBlockAnEventLoop() {
        Example onLoop = new Example() {
            public String name() {
                return "async-await-on-loop";
            }

            public String description() {
                return "calls await inside a continuation";
            }

            public void run(ExampleContext ctx) {
                ctx.await(ctx.asyncClient().query("SELECT 1")
                        .thenAccept(r -> ctx.await(CompletableFuture.completedFuture(r))));
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(RunExamples.run(List.of(onLoop), server, new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("await(..) on an event loop would block it");
    }
    @Test
    void hybridSearchRunsBothSearchesOnOneConnectionWithBoundValues() throws Exception {
        Run run = run(new io.matrixone.examples.async.AsyncHybridSearch(), ctx -> assertThat(verifier.query(
                "SELECT COUNT(*) FROM " + ctx.database() + ".docs").scalarLong()).isEqualTo(1000L));
        int vector = run.indexOf("cosine_distance(`embedding`, ?) AS `distance`", 0);
        int text = run.indexOf("AGAINST(? IN BOOLEAN MODE) AS `score`", 0);
        assertThat(vector).as("vector search prepared with the vector bound").isNotNegative();
        assertThat(text).as("full-text search prepared with the text bound").isGreaterThan(vector);
        assertThat(run.at(text).sessionId()).as("both searches on one connection").isEqualTo(run.at(vector).sessionId());
        assertThat(run.output()).contains("the best result was found by both searches", "every fused result is about music");
    }
}
