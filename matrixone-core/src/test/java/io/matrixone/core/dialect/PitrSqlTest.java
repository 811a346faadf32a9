package io.matrixone.core.dialect;

import io.matrixone.core.model.Pitr;
import io.matrixone.core.model.PitrRange;
import io.matrixone.core.model.PitrRestoreSpec;
import io.matrixone.core.model.PitrSpec;
import io.matrixone.core.model.PitrUnit;
import io.matrixone.core.model.SnapshotLevel;
import io.matrixone.core.result.Result;
import io.matrixone.core.version.ServerVersion;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static io.matrixone.core.dialect.Versions.D3;
import static io.matrixone.core.dialect.Versions.D42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PitrSqlTest {
    private static final LocalDateTime TS = LocalDateTime.of(2024, 10, 18, 17, 6, 50, 123_000_000);

    @Test
    void refusesTheTwoFormsThatArrivedIn210OnOlderServers() {
        PitrSql p200 = Dialect.of(ServerVersion.of(2, 0, 0)).pitrs();
        assertThatThrownBy(() -> p200.createStatement(PitrSpec.withoutTarget("p1", PitrRange.hours(1))))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p200.createStatement(PitrSpec.databaseTable("p1", "db", "t", PitrRange.hours(1))))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(p200.createStatement(PitrSpec.database("p1", "db", PitrRange.hours(1))).sql())
                .isEqualTo("CREATE PITR `p1` FOR DATABASE `db` RANGE 1 'h'");
    }

    @Test
    void createsAllSevenForms() {
        for (Dialect d : Versions.all()) {
            PitrSql p = d.pitrs();
            assertThat(p.createStatement(PitrSpec.currentAccount("p1", PitrRange.hours(1))).sql())
                    .isEqualTo("CREATE PITR `p1` FOR ACCOUNT RANGE 1 'h'");
            assertThat(p.createStatement(PitrSpec.cluster("p1", PitrRange.days(2))).sql())
                    .isEqualTo("CREATE PITR `p1` FOR CLUSTER RANGE 2 'd'");
            assertThat(p.createStatement(PitrSpec.account("p1", "acc1", PitrRange.months(3))).sql())
                    .isEqualTo("CREATE PITR `p1` FOR ACCOUNT `acc1` RANGE 3 'mo'");
            assertThat(p.createStatement(PitrSpec.database("p1", "db01", PitrRange.years(100))).sql())
                    .isEqualTo("CREATE PITR `p1` FOR DATABASE `db01` RANGE 100 'y'");
            assertThat(p.createStatement(PitrSpec.table("p1", "db01", "table01", PitrRange.hours(1))).sql())
                    .isEqualTo("CREATE PITR `p1` FOR TABLE `db01` `table01` RANGE 1 'h'");
            assertThat(p.createStatement(PitrSpec.withoutTarget("p1", PitrRange.hours(1))).sql())
                    .isEqualTo("CREATE PITR `p1` RANGE 1 'h'");
            assertThat(p.createStatement(PitrSpec.databaseTable("tab_pitr1", "db1", "t1", PitrRange.years(1)).ifNotExists()).sql())
                    .isEqualTo("CREATE PITR IF NOT EXISTS `tab_pitr1` FOR DATABASE `db1` TABLE `t1` RANGE 1 'y'");
        }
    }

    @Test
    void createRunsAfterCommitAndIsUndoneUnlessIfNotExists() {
        Statement st = D42.pitrs().createStatement(PitrSpec.database("p1", "db", PitrRange.days(7)));
        assertThat(st.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        assertThat(st.undo().sql()).isEqualTo("DROP PITR IF EXISTS `p1`");
        assertThat(st.undo().txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        assertThat(D42.pitrs().createStatement(PitrSpec.database("p1", "db", PitrRange.days(7)).ifNotExists()).undo()).isNull();
    }

    @Test
    void refusesRangesOutside1To100AndReservedNames() {
        assertThatThrownBy(() -> PitrRange.days(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..100");
        assertThatThrownBy(() -> PitrRange.days(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PitrRange.hours(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PitrRange.of(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PitrSpec.cluster("SYS_MO_CATALOG_PITR", PitrRange.days(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> PitrUnit.fromSql("w")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PitrUnit.fromSql("MO")).isEqualTo(PitrUnit.MONTHS);
        for (String bad : Versions.hostileNames()) {
            assertThatThrownBy(() -> PitrSpec.database(bad, "db", PitrRange.days(1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PitrSpec.table("p", "db", bad, PitrRange.days(1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> D42.pitrs().drop(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> D42.pitrs().get(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void altersAndDropsAfterCommit() {
        assertThat(D42.pitrs().alter("p1", PitrRange.days(3)).firstStatement().sql()).isEqualTo("ALTER PITR `p1` RANGE 3 'd'");
        assertThat(D42.pitrs().alterIfExists("p1", PitrRange.hours(5)).firstStatement().sql())
                .isEqualTo("ALTER PITR IF EXISTS `p1` RANGE 5 'h'");
        assertThat(D42.pitrs().drop("p1").firstStatement().sql()).isEqualTo("DROP PITR `p1`");
        assertThat(D42.pitrs().dropIfExists("p1").firstStatement().sql()).isEqualTo("DROP PITR IF EXISTS `p1`");
        assertThat(List.of(D42.pitrs().alter("p", PitrRange.days(1)), D42.pitrs().drop("p"), D42.pitrs().dropIfExists("p")))
                .allSatisfy(op -> {
                    assertThat(op.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
                    assertThat(op.firstStatement().undo()).isNull();
                });
    }

    @Test
    void restoresInAllSevenFormsWithASecondPrecisionTimestamp() {
        PitrSql p = D42.pitrs();
        assertThat(p.restoreStatement(PitrRestoreSpec.currentAccount("acc_pitr1", TS)).sql())
                .isEqualTo("RESTORE FROM PITR `acc_pitr1` '2024-10-18 17:06:50'");
        assertThat(p.restoreStatement(PitrRestoreSpec.database("p", "db01", TS)).sql())
                .isEqualTo("RESTORE DATABASE `db01` FROM PITR `p` '2024-10-18 17:06:50'");
        assertThat(p.restoreStatement(PitrRestoreSpec.database("p", "db01", TS).ofAccount("sys")).sql())
                .isEqualTo("RESTORE ACCOUNT `sys` DATABASE `db01` FROM PITR `p` '2024-10-18 17:06:50'");
        assertThat(p.restoreStatement(PitrRestoreSpec.table("p", "db01", "t1", TS)).sql())
                .isEqualTo("RESTORE DATABASE `db01` TABLE `t1` FROM PITR `p` '2024-10-18 17:06:50'");
        assertThat(p.restoreStatement(PitrRestoreSpec.table("p", "db01", "t1", TS).ofAccount("acc1")).sql())
                .isEqualTo("RESTORE ACCOUNT `acc1` DATABASE `db01` TABLE `t1` FROM PITR `p` '2024-10-18 17:06:50'");
        assertThat(p.restoreStatement(PitrRestoreSpec.account("pitr01", "acc01", TS)).sql())
                .isEqualTo("RESTORE ACCOUNT `acc01` FROM PITR `pitr01` '2024-10-18 17:06:50'");
        assertThat(p.restoreStatement(PitrRestoreSpec.account("pitr01", "acc01", TS).fromAccount("acc02")).sql())
                .isEqualTo("RESTORE ACCOUNT `acc01` FROM PITR `pitr01` '2024-10-18 17:06:50' `acc02`");
        assertThat(p.restoreStatement(PitrRestoreSpec.cluster("clu_pitr1", TS)).sql())
                .isEqualTo("RESTORE CLUSTER FROM PITR `clu_pitr1` '2024-10-18 17:06:50'");
        assertThat(p.restore(PitrRestoreSpec.cluster("c", TS)).txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        assertThat(p.restore(PitrRestoreSpec.cluster("c", TS)).firstStatement().undo()).isNull();
    }

    @Test
    void accountDatabaseRestoreFormsAreGatedByVersion() {
        assertThatThrownBy(() -> D3.pitrs().restore(PitrRestoreSpec.database("p", "db", TS).ofAccount("a")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> D3.pitrs().restore(PitrRestoreSpec.table("p", "db", "t", TS).ofAccount("a")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(D3.pitrs().restore(PitrRestoreSpec.table("p", "db", "t", TS)).firstStatement().sql())
                .isEqualTo("RESTORE DATABASE `db` TABLE `t` FROM PITR `p` '2024-10-18 17:06:50'");
        Dialect v2 = Dialect.of(ServerVersion.parse("8.0.30-MatrixOne-v1.2.0"));
        assertThatThrownBy(() -> v2.pitrs().create(PitrSpec.currentAccount("p", PitrRange.days(1))))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void restoreSpecRefusesShapesTheGrammarHasNot() {
        assertThatThrownBy(() -> PitrRestoreSpec.database("p", "d", TS).fromAccount("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PitrRestoreSpec.account("p", "a", TS).ofAccount("b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PitrRestoreSpec.cluster("p", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void listAndGetUseShowPitrAfterCommitAndMapStarsToNull() {
        Operation<List<Pitr>> list = D42.pitrs().list();
        assertThat(list.firstStatement().sql()).isEqualTo("SHOW PITR");
        assertThat(list.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        // test/distributed/cases/pitr/pitr_basic.result
        Result shown = Result.builder(List.of("PITR_NAME", "CREATED_TIME", "MODIFIED_TIME", "PITR_LEVEL", "ACCOUNT_NAME",
                        "DATABASE_NAME", "TABLE_NAME", "PITR_LENGTH", "PITR_UNIT"))
                .addRow("pitr01", "2024-12-25 16:34:55", "2024-12-25 16:34:55", "account", "sys", "*", "*", 1L, "h")
                .addRow("pitr05", LocalDateTime.of(2024, 12, 25, 16, 34, 55), LocalDateTime.of(2024, 12, 25, 16, 34, 55),
                        "cluster", "*", "*", "*", 1, "h")
                .build();
        List<Pitr> pitrs = list.execute(new ScriptedRunner().answer(shown));
        assertThat(pitrs).hasSize(2);
        assertThat(pitrs.get(0)).isEqualTo(new Pitr("pitr01", LocalDateTime.of(2024, 12, 25, 16, 34, 55),
                LocalDateTime.of(2024, 12, 25, 16, 34, 55), SnapshotLevel.ACCOUNT, "sys", null, null, PitrRange.hours(1)));
        assertThat(pitrs.get(1).account()).isNull();
        assertThat(pitrs.get(1).level()).isEqualTo(SnapshotLevel.CLUSTER);

        Operation<Optional<Pitr>> get = D42.pitrs().get("Pitr01");
        assertThat(get.firstStatement().sql()).isEqualTo("SHOW PITR WHERE PITR_NAME = 'pitr01'");
        assertThat(get.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        Result lower = Result.builder(List.of("pitr_name", "created_time", "modified_time", "pitr_level", "account_name",
                        "database_name", "table_name", "pitr_length", "pitr_unit"))
                .addRow("pitr01", "2024-12-25 16:34:57", "2024-12-25 16:34:57", "table", "sys", "db", "t", 2L, "mo").build();
        Pitr one = get.execute(new ScriptedRunner().answer(lower)).orElseThrow();
        assertThat(one.table()).isEqualTo("t");
        assertThat(one.range()).isEqualTo(PitrRange.months(2));
    }
}
