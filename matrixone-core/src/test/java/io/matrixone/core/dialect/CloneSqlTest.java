package io.matrixone.core.dialect;

import io.matrixone.core.model.CloneSpec;
import org.junit.jupiter.api.Test;

import static io.matrixone.core.dialect.Versions.D3;
import static io.matrixone.core.dialect.Versions.D42;
import static io.matrixone.core.dialect.Versions.DDEV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloneSqlTest {

    @Test
    void clonesADatabaseInEveryFormOfTheGrammar() {
        for (Dialect d : Versions.all()) {
            CloneSql c = d.clones();
            assertThat(c.statement(CloneSpec.database("copy", "src")).sql()).isEqualTo("CREATE DATABASE `copy` CLONE `src`");
            assertThat(c.statement(CloneSpec.database("copy", "src").ifNotExists().fromSnapshot("sp1").toAccount("acc2")).sql())
                    .isEqualTo("CREATE DATABASE IF NOT EXISTS `copy` CLONE `src` {SNAPSHOT = 'sp1'} TO ACCOUNT `acc2`");
        }
    }

    @Test
    void clonesATableWithQualifiedNamesAndTheSnapshotOnTheSource() {
        for (Dialect d : Versions.all()) {
            assertThat(d.clones().statement(CloneSpec.table("db2", "t2", "db1", "t1").fromSnapshot("sp1").toAccount("acc2")).sql())
                    .isEqualTo("CREATE TABLE `db2`.`t2` CLONE `db1`.`t1` {SNAPSHOT = 'sp1'} TO ACCOUNT `acc2`");
        }
        assertThat(D42.clones().statement(CloneSpec.table("db2", "t2", "db1", "t1").ifNotExists()).sql())
                .isEqualTo("CREATE TABLE IF NOT EXISTS `db2`.`t2` CLONE `db1`.`t1`");
    }

    @Test
    void copyGrantsGoesBeforeToAccountWhereTheServerHasIt() {
        assertThat(D42.clones().statement(CloneSpec.table("d", "t2", "d", "t1").fromSnapshot("sp").copyGrants()).sql())
                .isEqualTo("CREATE TABLE `d`.`t2` CLONE `d`.`t1` {SNAPSHOT = 'sp'} COPY GRANTS");
        assertThat(DDEV.clones().statement(CloneSpec.table("d", "t2", "d", "t1").copyGrants()).sql())
                .isEqualTo("CREATE TABLE `d`.`t2` CLONE `d`.`t1` COPY GRANTS");
    }

    @Test
    void refusesCopyGrantsOnServersWithoutIt() {
        assertThatThrownBy(() -> D3.clones().table(CloneSpec.table("d", "t2", "d", "t1").copyGrants()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("COPY GRANTS");
    }

    @Test
    void refusesCopyGrantsWithToAccountInEitherOrder() {
        CloneSpec base = CloneSpec.table("d", "t2", "d", "t1").fromSnapshot("sp");
        assertThatThrownBy(() -> base.toAccount("a").copyGrants()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("COPY GRANTS cannot be used with TO ACCOUNT");
        assertThatThrownBy(() -> base.copyGrants().toAccount("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloneSpec.database("a", "b").copyGrants()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTableCloneRunsNowADatabaseCloneAfterCommitAndBothAreUndoneByDroppingTheTarget() {
        // a database clone inside BEGIN reads only committed data on MatrixOne: after COMMIT it holds the writes
        Statement db = D42.clones().statement(CloneSpec.database("copy", "src"));
        assertThat(db.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        assertThat(db.readsSnapshot()).isNull();
        assertThat(db.undo().sql()).isEqualTo("DROP DATABASE IF EXISTS `copy`");
        Statement t = D42.clones().statement(CloneSpec.table("d2", "t2", "d1", "t1").fromSnapshot("sp"));
        assertThat(t.txRule()).isEqualTo(TxRule.NOW);
        assertThat(t.readsSnapshot()).isEqualTo("sp");
        assertThat(t.createsSnapshot()).isNull();
        assertThat(t.undo().sql()).isEqualTo("DROP TABLE IF EXISTS `d2`.`t2`");
    }

    @Test
    void offersNoUndoThatCouldDropSomethingItDidNotCreate() {
        assertThat(D42.clones().statement(CloneSpec.database("copy", "src").ifNotExists()).undo()).isNull();
        assertThat(D42.clones().statement(CloneSpec.database("copy", "src").fromSnapshot("s").toAccount("other")).undo())
                .isNull();
    }

    @Test
    void databaseAndTableEntryPointsRefuseTheOtherKind() {
        assertThatThrownBy(() -> D42.clones().database(CloneSpec.table("d", "t", "d", "s")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D42.clones().table(CloneSpec.database("d", "s")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(D42.clones().database(CloneSpec.database("d", "s")).txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        assertThat(D42.clones().table(CloneSpec.table("d", "t", "d", "s")).txRule()).isEqualTo(TxRule.NOW);
    }

    @Test
    void ifNotExistsKeepsItsMeaningWhereMatrixOneReportsTheDatabaseAnyway() {
        Operation<Void> op = D42.clones().database(CloneSpec.database("copy", "src").ifNotExists());
        java.util.function.Function<Statement, io.matrixone.core.result.Result> exists = st -> {
            throw new io.matrixone.core.error.DatabaseExistsException("database copy already exists", 1007, "HY000",
                    st.redactedSql(), null);
        };
        assertThat(op.execute(exists)).isNull();
        assertThat(op.executeAsync(st -> java.util.concurrent.CompletableFuture.failedFuture(
                new io.matrixone.core.error.DatabaseExistsException("exists", 1007, "HY000", null, null)))
                .toCompletableFuture().join()).isNull();
        // without IF NOT EXISTS the error stays an error
        assertThatThrownBy(() -> D42.clones().database(CloneSpec.database("copy", "src")).execute(exists))
                .isInstanceOf(io.matrixone.core.error.DatabaseExistsException.class);
    }

    @Test
    void aCloneIntoAnotherAccountNeedsASnapshot() {
        assertThatThrownBy(() -> CloneSpec.database("c", "s").toAccount("acc2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a snapshot");
        assertThat(CloneSpec.database("c", "s").fromSnapshot("sp").toAccount("acc2").toAccount()).isEqualTo("acc2");
    }

    @Test
    void refusesHostileNamesInEveryPosition() {
        for (String bad : Versions.hostileNames()) {
            assertThatThrownBy(() -> CloneSpec.database(bad, "s")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CloneSpec.database("t", bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CloneSpec.table("d", bad, "d", "s")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CloneSpec.table("d", "t", bad, "s")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CloneSpec.database("t", "s").fromSnapshot(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CloneSpec.database("t", "s").toAccount(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CloneSpec.database("d".repeat(65), "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloneSpec.table("d", "t".repeat(65), "d", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CloneSpec.database("d".repeat(64), "s").targetDatabase()).hasSize(64);
        assertThatThrownBy(() -> CloneSpec.database("t", "s").fromSnapshot("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloneSpec.database("t", "s").toAccount("acc.x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotNameWithSqlPunctuationStaysInsideItsStringLiteral() {
        assertThat(D42.clones().statement(CloneSpec.database("t", "s").fromSnapshot("x;--")).sql())
                .isEqualTo("CREATE DATABASE `t` CLONE `s` {SNAPSHOT = 'x;--'}");
    }
}
