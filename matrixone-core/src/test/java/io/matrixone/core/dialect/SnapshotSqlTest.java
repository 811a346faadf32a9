package io.matrixone.core.dialect;

import io.matrixone.core.error.SnapshotNotFoundException;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotLevel;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.result.Result;
import io.matrixone.core.version.ServerVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.matrixone.core.dialect.Versions.D3;
import static io.matrixone.core.dialect.Versions.D40;
import static io.matrixone.core.dialect.Versions.D42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotSqlTest {

    private static final List<String> COLUMNS_V4 =
            List.of("sname", "ts", "level", "account_name", "database_name", "table_name", "kind");
    private static final List<String> COLUMNS_V3 =
            List.of("sname", "ts", "level", "account_name", "database_name", "table_name");

    @Test
    void createsEveryLevelWithTheGrammarOfCreateSnapshotStmt() {
        for (Dialect d : Versions.all()) {
            SnapshotSql s = d.snapshots();
            assertThat(s.createStatement(SnapshotSpec.cluster("sp1")).sql()).isEqualTo("CREATE SNAPSHOT `sp1` FOR CLUSTER");
            assertThat(s.createStatement(SnapshotSpec.account("sp1")).sql()).isEqualTo("CREATE SNAPSHOT `sp1` FOR ACCOUNT");
            assertThat(s.createStatement(SnapshotSpec.account("sp1", "acc-1")).sql())
                    .isEqualTo("CREATE SNAPSHOT `sp1` FOR ACCOUNT `acc-1`");
            assertThat(s.createStatement(SnapshotSpec.database("sp1", "db")).sql())
                    .isEqualTo("CREATE SNAPSHOT `sp1` FOR DATABASE `db`");
            assertThat(s.createStatement(SnapshotSpec.table("sp1", "db", "t")).sql())
                    .isEqualTo("CREATE SNAPSHOT `sp1` FOR TABLE `db` `t`");
            assertThat(s.createStatement(SnapshotSpec.table("sp1", "db", "t").ifNotExists()).sql())
                    .isEqualTo("CREATE SNAPSHOT IF NOT EXISTS `sp1` FOR TABLE `db` `t`");
        }
    }

    @Test
    void createRunsAfterCommitMarksTheSnapshotAndIsUndoneByDropIfExists() {
        Statement st = D42.snapshots().createStatement(SnapshotSpec.database("Nightly", "app"));
        assertThat(st.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        assertThat(st.params()).isEmpty();
        assertThat(st.createsSnapshot()).isEqualTo("Nightly");
        assertThat(st.readsSnapshot()).isNull();
        assertThat(st.undo()).isNotNull();
        assertThat(st.undo().sql()).isEqualTo("DROP SNAPSHOT IF EXISTS `Nightly`");
        assertThat(st.undo().txRule()).isEqualTo(TxRule.AFTER_COMMIT);
    }

    @Test
    void createIfNotExistsHasNoUndoBecauseTheSnapshotMayPredateTheCall() {
        Statement st = D42.snapshots().createStatement(SnapshotSpec.account("sp").ifNotExists());
        assertThat(st.undo()).isNull();
        assertThat(st.createsSnapshot()).isEqualTo("sp");
    }

    @Test
    void createOperationReadsBackTheCatalogRowByLowerCasedName() {
        long ts = 1_752_904_271_493_962_123L;
        ScriptedRunner runner = new ScriptedRunner()
                .answer(Result.update(0, List.of()))
                .answer(Result.builder(COLUMNS_V4).addRow("nightly", ts, "database", "sys", "app", "", "user").build());
        Operation<Snapshot> op = D42.snapshots().create(SnapshotSpec.database("Nightly", "app"));

        assertThat(op.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        Snapshot s = op.execute(runner);

        assertThat(runner.sql()).containsExactly("CREATE SNAPSHOT `Nightly` FOR DATABASE `app`",
                "SELECT sname, ts, level, account_name, database_name, table_name, kind FROM mo_catalog.mo_snapshots WHERE sname = ?");
        assertThat(runner.seen.get(1).params()).containsExactly("nightly");
        assertThat(runner.seen.get(1).txRule()).isEqualTo(TxRule.NOW);
        assertThat(s.name()).isEqualTo("nightly");
        assertThat(s.level()).isEqualTo(SnapshotLevel.DATABASE);
        assertThat(s.tsNanos()).isEqualTo(ts);
        assertThat(s.timestamp()).isEqualTo(Instant.ofEpochSecond(1_752_904_271L, 493_962_123L));
        assertThat(s.account()).isEqualTo("sys");
        assertThat(s.database()).isEqualTo("app");
        assertThat(s.table()).isNull();
        assertThat(s.kind()).isEqualTo("user");
    }

    @Test
    void createOperationRunsTheSameWayAsynchronously() throws Exception {
        ScriptedRunner runner = new ScriptedRunner()
                .answer(Result.update(0, List.of()))
                .answer(Result.builder(COLUMNS_V4).addRow("sp", 5L, "cluster", "", "", "", "user").build());
        Snapshot s = D42.snapshots().create(SnapshotSpec.cluster("sp")).executeAsync(runner.async())
                .toCompletableFuture().get();
        assertThat(s.level()).isEqualTo(SnapshotLevel.CLUSTER);
        assertThat(s.account()).isNull();
        assertThat(runner.seen).hasSize(2);
    }

    @Test
    void createFailsClearlyWhenTheCatalogHasNoRowAfterwards() {
        ScriptedRunner runner = new ScriptedRunner()
                .answer(Result.update(0, List.of()))
                .answer(Result.builder(COLUMNS_V4).build());
        assertThatThrownBy(() -> D42.snapshots().create(SnapshotSpec.account("sp")).execute(runner))
                .isInstanceOf(SnapshotNotFoundException.class)
                .hasMessageContaining("sp");
    }

    @Test
    void dropAndDropIfExistsRunAfterCommitWithoutUndo() {
        Operation<Void> drop = D42.snapshots().drop("sp");
        Operation<Void> dropIf = D42.snapshots().dropIfExists("sp");
        assertThat(drop.firstStatement().sql()).isEqualTo("DROP SNAPSHOT `sp`");
        assertThat(dropIf.firstStatement().sql()).isEqualTo("DROP SNAPSHOT IF EXISTS `sp`");
        for (Operation<Void> op : List.of(drop, dropIf)) {
            assertThat(op.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
            assertThat(op.firstStatement().undo()).isNull();
            assertThat(op.firstStatement().createsSnapshot()).isNull();
        }
    }

    @Test
    void lookupsReadTheCatalogWithABoundParameterAndRunInsideTransactions() {
        Statement get = D42.snapshots().get("MySnap").firstStatement();
        assertThat(get.sql()).doesNotContain("MySnap").doesNotContain("mysnap").endsWith("WHERE sname = ?");
        assertThat(get.params()).containsExactly("mysnap");
        assertThat(get.txRule()).isEqualTo(TxRule.NOW);
        assertThat(D42.snapshots().list().txRule()).isEqualTo(TxRule.NOW);
        assertThat(D42.snapshots().exists("x").txRule()).isEqualTo(TxRule.NOW);
    }

    @Test
    void version3LookupsDoNotSelectTheMissingKindColumn() {
        assertThat(D3.snapshots().get("sp").firstStatement().sql()).isEqualTo(
                "SELECT sname, ts, level, account_name, database_name, table_name FROM mo_catalog.mo_snapshots WHERE sname = ?");
        assertThat(D3.snapshots().list().firstStatement().sql()).isEqualTo(
                "SELECT sname, ts, level, account_name, database_name, table_name FROM mo_catalog.mo_snapshots ORDER BY ts DESC");
    }

    @Test
    void version4ListHidesBranchAndCcprRowsLikeShowSnapshots() {
        for (Dialect d : Versions.v4Grammar()) {
            assertThat(d.snapshots().list().firstStatement().sql()).isEqualTo(
                    "SELECT sname, ts, level, account_name, database_name, table_name, kind FROM mo_catalog.mo_snapshots"
                            + " WHERE kind != 'branch' AND sname NOT LIKE 'ccpr_%' ORDER BY ts DESC");
        }
    }

    @Test
    void listMapsEveryLevelAndTurnsEmptyCellsIntoNull() {
        Result rows = Result.builder(COLUMNS_V3)
                .addRow("t1", 300L, "table", "acc1", "db", "t")
                .addRow("d1", 200L, "database", "acc1", "db", "")
                .addRow("a1", 100L, "account", "acc1", "", "")
                .addRow("c1", 50L, "cluster", "", "", "")
                .build();
        List<Snapshot> list = D3.snapshots().list().execute(new ScriptedRunner().answer(rows));
        assertThat(list).extracting(Snapshot::name).containsExactly("t1", "d1", "a1", "c1");
        assertThat(list.get(0).table()).isEqualTo("t");
        assertThat(list.get(1).table()).isNull();
        assertThat(list.get(2).database()).isNull();
        assertThat(list.get(3).account()).isNull();
        assertThat(list).allSatisfy(s -> assertThat(s.kind()).isNull());
    }

    @Test
    void mapsUpperCaseLabelsToo() {
        Result rows = Result.builder(List.of("SNAME", "TS", "LEVEL", "ACCOUNT_NAME", "DATABASE_NAME", "TABLE_NAME", "KIND"))
                .addRow("b1", 7L, "account", "acc", null, null, "branch").build();
        Optional<Snapshot> s = D40.snapshots().get("b1").execute(new ScriptedRunner().answer(rows));
        assertThat(s).get().extracting(Snapshot::isBranch).isEqualTo(true);
    }

    @Test
    void existsIsTrueOnlyWhenTheRowIsThere() {
        Result one = Result.builder(COLUMNS_V4).addRow("sp", 1L, "account", "a", "", "", "user").build();
        assertThat(D42.snapshots().exists("sp").execute(new ScriptedRunner().answer(one))).isTrue();
        assertThat(D42.snapshots().exists("sp").execute(new ScriptedRunner().answer(Result.builder(COLUMNS_V4).build())))
                .isFalse();
    }

    @Test
    void refusesHostileSnapshotNamesBeforeAnySqlExists() {
        for (String bad : Versions.hostileNames()) {
            assertThatThrownBy(() -> SnapshotSpec.account(bad)).as("name %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> D42.snapshots().drop(bad)).as("name %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> D42.snapshots().get(bad)).as("name %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SnapshotSpec.database("sp", bad)).as("db %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SnapshotSpec.table("sp", "db", bad)).as("table %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SnapshotSpec.account("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SnapshotSpec.account("sp", "acc;drop")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SnapshotSpec.account("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsSqlPunctuationInsideBackQuotesWhereItIsHarmless() {
        assertThat(D42.snapshots().createStatement(SnapshotSpec.database("s;--x", "d/**/;")).sql())
                .isEqualTo("CREATE SNAPSHOT `s;--x` FOR DATABASE `d/**/;`");
    }

    @Test
    void acceptsUnicodeNamesAndA64CharacterName() {
        String max = "s".repeat(64);
        assertThat(D42.snapshots().createStatement(SnapshotSpec.table("快照_1", "数据库", "表")).sql())
                .isEqualTo("CREATE SNAPSHOT `快照_1` FOR TABLE `数据库` `表`");
        assertThat(D42.snapshots().drop(max).firstStatement().sql()).isEqualTo("DROP SNAPSHOT `" + max + "`");
    }

    @Test
    void refusesSnapshotsOnServersOlderThan12() {
        Dialect old = Dialect.of(ServerVersion.parse("8.0.30-MatrixOne-v1.1.0"));
        assertThatThrownBy(() -> old.snapshots().create(SnapshotSpec.account("sp")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("1.2.0");
    }

    @Test
    void snapshotRecordRejectsFieldsBelowItsLevel() {
        assertThatThrownBy(() -> new Snapshot("s", SnapshotLevel.ACCOUNT, 1, "a", "db", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Snapshot("s", SnapshotLevel.DATABASE, 1, "a", "db", "t", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Snapshot("s", SnapshotLevel.TABLE, 1, "a", "db", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Snapshot("s", SnapshotLevel.CLUSTER, 1, "a", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
