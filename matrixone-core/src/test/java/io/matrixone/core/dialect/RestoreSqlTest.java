package io.matrixone.core.dialect;

import io.matrixone.core.model.RestoreSpec;
import org.junit.jupiter.api.Test;

import static io.matrixone.core.dialect.Versions.D3;
import static io.matrixone.core.dialect.Versions.D42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoreSqlTest {

    @Test
    void usesBraceSnapshotSyntaxFromVersion40() {
        for (Dialect d : Versions.v4Grammar()) {
            RestoreSql r = d.restores();
            assertThat(r.statement(RestoreSpec.cluster("sp")).sql()).isEqualTo("RESTORE CLUSTER{SNAPSHOT = 'sp'}");
            assertThat(r.statement(RestoreSpec.account("acc1", "sp")).sql()).isEqualTo("RESTORE ACCOUNT `acc1`{SNAPSHOT = 'sp'}");
            assertThat(r.statement(RestoreSpec.account("acc1", "sp").toAccount("acc2")).sql())
                    .isEqualTo("RESTORE ACCOUNT `acc1`{SNAPSHOT = 'sp'} TO ACCOUNT `acc2`");
            assertThat(r.statement(RestoreSpec.database("db", "sp")).sql()).isEqualTo("RESTORE DATABASE `db`{SNAPSHOT = 'sp'}");
            // MatrixOne ignores TO ACCOUNT below account level and restores the caller's own data: refused
            assertThatThrownBy(() -> r.statement(RestoreSpec.database("db", "sp").ofAccount("acc1").toAccount("acc2")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ignores TO ACCOUNT");
            assertThatThrownBy(() -> r.statement(RestoreSpec.table("db", "t", "sp").toAccount("acc2")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(r.statement(RestoreSpec.table("db", "t", "sp")).sql()).isEqualTo("RESTORE TABLE `db`.`t`{SNAPSHOT = 'sp'}");
            assertThat(r.statement(RestoreSpec.table("db", "t", "sp").ofAccount("acc1")).sql())
                    .isEqualTo("RESTORE TABLE `acc1`.`db`.`t`{SNAPSHOT = 'sp'}");
            assertThat(r.statement(RestoreSpec.cluster("sp")).sql()).doesNotContain("FROM SNAPSHOT");
        }
    }

    @Test
    void usesFromSnapshotSyntaxUpTo30() {
        RestoreSql r = D3.restores();
        assertThat(r.statement(RestoreSpec.cluster("sp")).sql()).isEqualTo("RESTORE CLUSTER FROM SNAPSHOT `sp`");
        assertThat(r.statement(RestoreSpec.account("acc1", "sp")).sql()).isEqualTo("RESTORE ACCOUNT `acc1` FROM SNAPSHOT `sp`");
        assertThat(r.statement(RestoreSpec.account("acc1", "sp").toAccount("acc2")).sql())
                .isEqualTo("RESTORE ACCOUNT `acc1` FROM SNAPSHOT `sp` TO ACCOUNT `acc2`");
        assertThat(r.statement(RestoreSpec.database("db", "sp").ofAccount("acc1")).sql())
                .isEqualTo("RESTORE ACCOUNT `acc1` DATABASE `db` FROM SNAPSHOT `sp`");
        assertThat(r.statement(RestoreSpec.table("db", "t", "sp").ofAccount("acc1")).sql())
                .isEqualTo("RESTORE ACCOUNT `acc1` DATABASE `db` TABLE `t` FROM SNAPSHOT `sp`");
        assertThat(r.statement(RestoreSpec.account("acc1", "sp")).sql()).doesNotContain("{");
    }

    @Test
    void version30DatabaseRestoreNeedsTheAccountOrTakesTheLoginAccount() {
        assertThatThrownBy(() -> D3.restores().restore(RestoreSpec.database("db", "sp")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account");
        Dialect sys3 = Dialect.of(D3.serverVersion(), "sys");
        assertThat(sys3.restores().restore(RestoreSpec.table("db", "t", "sp")).firstStatement().sql())
                .isEqualTo("RESTORE ACCOUNT `sys` DATABASE `db` TABLE `t` FROM SNAPSHOT `sp`");
        assertThat(sys3.restores().restore(RestoreSpec.database("db", "sp").ofAccount("acc1")).firstStatement().sql())
                .isEqualTo("RESTORE ACCOUNT `acc1` DATABASE `db` FROM SNAPSHOT `sp`");
    }

    @Test
    void loginAccountChangesNothingInTheVersion4Grammar() {
        assertThat(Dialect.of(D42.serverVersion(), "sys").restores().restore(RestoreSpec.database("db", "sp"))
                .firstStatement().sql())
                .isEqualTo("RESTORE DATABASE `db`{SNAPSHOT = 'sp'}");
    }

    @Test
    void version30RefusesToAccountBelowAccountLevel() {
        assertThatThrownBy(() -> D3.restores().restore(RestoreSpec.database("db", "sp").ofAccount("a").toAccount("b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TO ACCOUNT");
        assertThatThrownBy(() -> Dialect.of(D3.serverVersion(), "sys").restores()
                .restore(RestoreSpec.table("db", "t", "sp").toAccount("b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4.0");
    }

    @Test
    void runsAfterCommitWithoutUndoAndMarksTheSnapshotItReads() {
        for (Dialect d : Versions.all()) {
            Operation<Void> op = d.restores().restore(RestoreSpec.account("acc1", "sp"));
            assertThat(op.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
            assertThat(op.firstStatement().undo()).isNull();
            assertThat(op.firstStatement().readsSnapshot()).isEqualTo("sp");
            assertThat(op.firstStatement().params()).isEmpty();
        }
    }

    @Test
    void specRefusesShapesTheGrammarHasNot() {
        assertThatThrownBy(() -> RestoreSpec.cluster("sp").toAccount("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestoreSpec.account("a", "sp").ofAccount("b")).isInstanceOf(IllegalArgumentException.class);
        for (String bad : Versions.hostileNames()) {
            assertThatThrownBy(() -> RestoreSpec.cluster(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RestoreSpec.account(bad, "sp")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RestoreSpec.table("d", bad, "sp")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RestoreSpec.database("d", "sp").toAccount(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
