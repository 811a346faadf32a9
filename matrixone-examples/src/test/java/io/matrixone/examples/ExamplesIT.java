package io.matrixone.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotLevel;
import io.matrixone.core.model.TimePoint;
import io.matrixone.core.result.Row;
import io.matrixone.core.model.IndexInfo;
import io.matrixone.core.search.DistanceMetric;
import io.matrixone.emulator.Emulator;
import io.matrixone.examples.model.Corpus;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.matrixone.examples.sync.BackupWithVerification;
import io.matrixone.examples.sync.BatchInsertThenSnapshot;
import io.matrixone.examples.sync.DataMigration;
import io.matrixone.examples.sync.DevEnvironmentClone;
import io.matrixone.examples.sync.ErrorHandling;
import io.matrixone.examples.sync.FulltextSearch;
import io.matrixone.examples.sync.MoCtlAndVersion;
import io.matrixone.examples.sync.PoolAndEvents;
import io.matrixone.examples.sync.QuickStart;
import io.matrixone.examples.sync.RollbackOnError;
import io.matrixone.examples.sync.SemanticSearch;
import io.matrixone.examples.sync.SnapshotsAndTimeTravel;
import io.matrixone.examples.sync.UnifiedTransaction;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every example against the emulator, with what a user expects checked from the outside (a client of its own
 * and the emulator's statement log) after the example ran and before its clean-up, and then that the clean-up
 * left no database, snapshot or borrowed connection behind.
 */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesIT {
    private final Emulator emulator;
    private ExampleServer server;
    private MatrixOneClient verifier;

    ExamplesIT(Emulator emulator) {
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

    /** What a run printed, and the names it used. */
    record Run(String output, String database, List<String> statements) {
    }

    /** Runs the example, lets {@code inspect} look at what it left before clean-up, then checks nothing is left. */
    private Run run(Example example, Consumer<ExampleContext> inspect) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        emulator.statements().clear();
        ExampleContext ctx = server.context(example, out);
        String database = ctx.database();
        List<String> statements;
        try {
            example.run(ctx);
            statements = emulator.statements().sqls();
            inspect.accept(ctx);
        } finally {
            ctx.close(); // throws ExampleFailure when something was left behind
        }
        assertThat(verifier.query("SHOW DATABASES").stream().map(r -> r.getString(0)))
                .as("databases of the example left behind").noneMatch(name -> name.startsWith(database));
        assertThat(verifier.snapshots().list()).extracting(Snapshot::name)
                .as("snapshots of the example left behind").noneMatch(name -> name.startsWith(database));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output).as("a check failed").doesNotContain("FAILED");
        return new Run(output, database, statements);
    }

    private List<String> names(String database) {
        return verifier.query("SELECT name FROM " + database + ".users ORDER BY id").column(0, String.class);
    }

    private static int indexOf(List<String> statements, String part, int from) {
        for (int i = from; i < statements.size(); i++) {
            if (statements.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void quickStartLeavesTwoUsersReadableAsRecords() throws Exception {
        run(new QuickStart(), ctx -> {
            List<Row> rows = verifier.query("SELECT id, name, email FROM " + ctx.database() + ".users ORDER BY id")
                    .rows();
            assertThat(rows).extracting(r -> r.getString("name"), r -> r.getString("email"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Alice", "alice@example.com"),
                            org.assertj.core.groups.Tuple.tuple("Bob", "bob@example.com"));
        });
    }

    @Test
    void unifiedTransactionCommitsBothUsersThenSnapshotsAndClonesAfterCommit() throws Exception {
        Run run = run(new UnifiedTransaction(), ctx -> {
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
        List<String> sql = run.statements();
        int bob = indexOf(sql, "INSERT INTO users (name, email) VALUES", 0);
        int commit = indexOf(sql, "COMMIT", bob);
        int snapshot = indexOf(sql, "CREATE SNAPSHOT", 0);
        int clone = indexOf(sql, "CLONE", 0);
        assertThat(bob).as("raw insert sent").isNotNegative();
        assertThat(commit).as("COMMIT after the writes").isGreaterThan(bob);
        assertThat(snapshot).as("snapshot taken after COMMIT").isGreaterThan(commit);
        assertThat(clone).as("clone after the snapshot").isGreaterThan(snapshot);
        assertThat(run.output()).contains("users in the snapshot: 2 \u2714", "clone from the snapshot has both users");
    }

    @Test
    void rollbackOnErrorLeavesNoRowNoSnapshotAndNoBorrowedConnection() throws Exception {
        Run run = run(new RollbackOnError(), ctx -> {
            assertThat(verifier.query("SELECT COUNT(*) FROM " + ctx.database() + ".users").scalarLong()).isZero();
            assertThat(verifier.snapshots().exists(ctx.snapshotName("never"))).isFalse();
        });
        assertThat(run.statements()).noneMatch(s -> s.contains("CREATE SNAPSHOT"));
        assertThat(run.statements()).anyMatch(s -> s.equals("ROLLBACK"));
        assertThat(run.output()).contains("connections still borrowed: 0 \u2714");
    }

    @Test
    void batchInsertKeepsThousandUsersAtTheSnapshot() throws Exception {
        run(new BatchInsertThenSnapshot(), ctx -> {
            String db = ctx.database();
            assertThat(verifier.query("SELECT COUNT(*) FROM " + db + ".users").scalarLong()).isEqualTo(501L);
            assertThat(verifier.run(verifier.dialect().timeTravel().count(db, "users",
                    TimePoint.snapshot(ctx.snapshotName("batch"))))).isEqualTo(1000L);
        });
    }

    @Test
    void poolAndEventsWritesItsEventAndReturnsEveryConnection() throws Exception {
        Run run = run(new PoolAndEvents(), ctx -> assertThat(verifier.query("SELECT kind FROM " + ctx.database()
                + ".events").column(0, String.class)).containsExactly("signup"));
        assertThat(run.output()).contains("the pool never exceeded 3 connections \u2714",
                "before: INSERT INTO events (kind) VALUES (?)  [in transaction]",
                "after:  INSERT INTO events (kind) VALUES (?) -> ok, 1 rows", "after:  COMMIT -> ok",
                "the listener saw the INSERT succeed inside the transaction").doesNotContain("signup");
    }

    @Test
    void dataMigrationRestoresAfterTheBadAttemptAndKeepsTheGoodOne() throws Exception {
        Run run = run(new DataMigration(), ctx -> {
            String db = ctx.database();
            assertThat(verifier.query("SELECT COUNT(*) FROM " + db + ".users").scalarLong()).isEqualTo(51L);
            assertThat(verifier.query("SELECT COUNT(*) FROM " + ctx.databaseName("legacy") + ".customers c JOIN "
                    + db + ".users u ON u.email = LOWER(c.mail) AND u.name = c.full_name").scalarLong()).isEqualTo(50L);
            assertThat(verifier.snapshots().exists(ctx.snapshotName("pre_migration"))).isTrue();
            assertThat(verifier.snapshots().get(ctx.snapshotName("post_migration"))).get()
                    .extracting(Snapshot::level).isEqualTo(SnapshotLevel.TABLE);
        });
        assertThat(run.statements()).anyMatch(s -> s.startsWith("RESTORE TABLE"));
    }

    @Test
    void backupIsVerifiedThenDroppedByTheExampleItself() throws Exception {
        Run run = run(new BackupWithVerification(), ctx -> {
            assertThat(verifier.query("SHOW DATABASES").stream().map(r -> r.getString(0)))
                    .doesNotContain(ctx.databaseName("backup"));
            assertThat(verifier.snapshots().exists(ctx.snapshotName("daily_backup"))).isFalse();
            assertThat(verifier.query("SELECT COUNT(*) FROM " + ctx.database() + ".orders").scalarLong())
                    .isEqualTo(200L);
        });
        assertThat(run.output()).contains("users checksum of the backup", "orders checksum of the backup");
    }

    @Test
    void devEnvironmentClonesAreChangedAndProductionIsNot() throws Exception {
        run(new DevEnvironmentClone(), ctx -> {
            assertThat(names(ctx.database())).containsExactly("Alice", "Bob", "Carol");
            assertThat(names(ctx.databaseName("dev"))).containsExactly("Alice", "Bob", "Carol", "Dev User");
            assertThat(verifier.query("SELECT email FROM " + ctx.databaseName("dev") + ".users WHERE name = 'Alice'")
                    .scalar(String.class)).isEqualTo("test+alice@example.com");
            assertThat(names(ctx.databaseName("dev_snap"))).isEmpty();
            assertThat(verifier.query("SELECT email FROM " + ctx.database() + ".users WHERE name = 'Alice'")
                    .scalar(String.class)).isEqualTo("alice@example.com");
        });
    }

    @Test
    void snapshotsAndTimeTravelRestoresTheBalances() throws Exception {
        Run run = run(new SnapshotsAndTimeTravel(), ctx -> assertThat(verifier.query("SELECT SUM(balance) FROM "
                + ctx.database() + ".accounts").one().getBigDecimal(0)).isEqualByComparingTo(new BigDecimal("425.50")));
        assertThat(run.statements()).anyMatch(s -> s.contains("{SNAPSHOT = '"))
                .anyMatch(s -> s.contains("{MO_TS = "));
    }

    @Test
    void errorHandlingCommitsAliceBobAndTheRetriedCarolButNotDave() throws Exception {
        Run run = run(new ErrorHandling(), ctx -> assertThat(names(ctx.database()))
                .containsExactly("Alice", "Bob", "Carol"));
        assertThat(run.statements()).noneMatch(s -> s.startsWith("SET @"));
        assertThat(run.output()).contains("DuplicateKeyException, error 1062, SQLSTATE 23000",
                "after an injected conflict at COMMIT: 2 \u2714");
    }

    @Test
    void moCtlFlushesAndChecksPoints() throws Exception {
        Run run = run(new MoCtlAndVersion(), ctx -> { });
        assertThat(run.statements()).anyMatch(s -> s.contains("mo_ctl") && s.contains("flush"))
                .anyMatch(s -> s.contains("mo_ctl") && s.contains("checkpoint"));
        assertThat(run.output()).contains("version() = 8.0.30-MatrixOne-v4.2.0");
    }
    @Test
    void semanticSearchStoresTheEmbeddingsIndexesThemAndSearchesWithTheQuestion() throws Exception {
        Run run = run(new SemanticSearch(), ctx -> {
            String db = ctx.database();
            assertThat(verifier.query("SELECT COUNT(*) FROM " + db + ".docs").scalarLong()).isEqualTo(3000L);
            Row first = verifier.query("SELECT title, body, embedding FROM " + db + ".docs WHERE id = 1").one();
            assertThat(first.getFloatArray("embedding"))
                    .containsExactly(Corpus.embed(first.getString("title") + " " + first.getString("body")));
            assertThat(verifier.indexes().list(db, "docs")).filteredOn(IndexInfo::isVector).singleElement()
                    .satisfies(i -> {
                        assertThat(i.algorithm()).isEqualTo("ivfflat");
                        assertThat(i.intParam("lists")).contains(8);
                        assertThat(i.metric()).contains(DistanceMetric.COSINE);
                    });
        });
        assertThat(run.statements()).anyMatch(s -> s.startsWith("SELECT `id`, `topic`, `title`, "
                + "cosine_distance(`embedding`, '[") && s.endsWith("ORDER BY `distance` ASC LIMIT 5"));
        assertThat(run.statements()).anyMatch(s -> s.contains(
                "WHERE `topic` = 'cooking' ORDER BY `distance` ASC LIMIT 3 BY RANK WITH OPTION 'mode=pre'"));
        assertThat(run.output()).contains("the nearest documents are about databases",
                "the five distances are those an exact search finds");
    }

    @Test
    void fulltextSearchIndexesTitleAndBodyAndRunsBothModes() throws Exception {
        Run run = run(new FulltextSearch(), ctx -> assertThat(verifier.indexes().list(ctx.database(), "docs"))
                .filteredOn(IndexInfo::isFulltext).singleElement()
                .satisfies(i -> assertThat(i.columns()).containsExactly("title", "body")));
        assertThat(run.statements()).contains("CREATE FULLTEXT INDEX `ft_docs` ON `docs` (`title`, `body`)");
        assertThat(run.statements()).anyMatch(s -> s.contains(
                "MATCH(`title`, `body`) AGAINST('+guitar -piano' IN BOOLEAN MODE) AS `score`"));
        assertThat(run.statements()).anyMatch(s -> s.contains(
                "MATCH(`title`, `body`) AGAINST('garlic sauce' IN NATURAL LANGUAGE MODE)"));
        assertThat(run.output()).contains("every natural-language hit has the words as a phrase",
                "boolean mode: every hit has guitar and none has piano");
    }
}
