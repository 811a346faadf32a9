package io.matrixone.core.dialect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementTest {

    @Test
    void ofRunsNowWithTheGivenParameters() {
        Statement s = Statement.of("INSERT INTO t VALUES (?, ?)", 1, "a");
        assertThat(s.sql()).isEqualTo("INSERT INTO t VALUES (?, ?)");
        assertThat(s.params()).containsExactly(1, "a");
        assertThat(s.txRule()).isEqualTo(TxRule.NOW);
        assertThat(s.runsAfterCommit()).isFalse();
        assertThat(s.undo()).isNull();
        assertThat(s.createsSnapshot()).isNull();
        assertThat(s.readsSnapshot()).isNull();
    }

    @Test
    void afterCommitQueuesTheStatement() {
        Statement s = Statement.afterCommit("CREATE SNAPSHOT `sp1` FOR ACCOUNT");
        assertThat(s.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        assertThat(s.runsAfterCommit()).isTrue();
        assertThat(s.params()).isEmpty();
    }

    @Test
    void keepsNullParameters() {
        Statement s = Statement.of("UPDATE t SET a = ? WHERE b = ?", null, 2);
        assertThat(s.params()).containsExactly(null, 2);
    }

    @Test
    void treatsANullParameterArrayAsNoParameters() {
        assertThat(Statement.of("SELECT 1", (Object[]) null).params()).isEmpty();
    }

    @Test
    void copiesParametersSoLaterChangesDoNotLeakIn() {
        Object[] args = {1, 2};
        Statement s = Statement.of("SELECT ?, ?", args);
        args[0] = 99;
        assertThat(s.params()).containsExactly(1, 2);

        List<Object> list = new ArrayList<>(Arrays.asList("a", "b"));
        Statement t = new Statement("SELECT ?, ?", list, TxRule.NOW, null, null, null);
        list.set(0, "z");
        assertThat(t.params()).containsExactly("a", "b");
    }

    @Test
    void parametersCannotBeModified() {
        Statement s = Statement.of("SELECT ?", 1);
        assertThatThrownBy(() -> s.params().add(2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNullOrBlankSqlAndNullRule() {
        assertThatThrownBy(() -> Statement.of(null)).isInstanceOf(NullPointerException.class).hasMessage("sql");
        assertThatThrownBy(() -> Statement.of("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sql must not be blank");
        assertThatThrownBy(() -> new Statement("SELECT 1", List.of(), null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("txRule");
    }

    @Test
    void withersChangeOneAspectAndKeepTheRest() {
        Statement undo = Statement.of("DROP SNAPSHOT IF EXISTS `sp1`");
        Statement s = Statement.of("CREATE SNAPSHOT `sp1` FOR DATABASE `d`", 7)
                .withTxRule(TxRule.AFTER_COMMIT)
                .withUndo(undo)
                .creatingSnapshot("sp1")
                .readingSnapshot("sp0");
        assertThat(s.sql()).isEqualTo("CREATE SNAPSHOT `sp1` FOR DATABASE `d`");
        assertThat(s.params()).containsExactly(7);
        assertThat(s.txRule()).isEqualTo(TxRule.AFTER_COMMIT);
        assertThat(s.undo()).isSameAs(undo);
        assertThat(s.createsSnapshot()).isEqualTo("sp1");
        assertThat(s.readsSnapshot()).isEqualTo("sp0");
        assertThat(s.withTxRule(TxRule.NOW).undo()).isSameAs(undo);
    }

    @Test
    void isAValue() {
        assertThat(Statement.of("SELECT ?", 1)).isEqualTo(Statement.of("SELECT ?", 1))
                .hasSameHashCodeAs(Statement.of("SELECT ?", 1))
                .isNotEqualTo(Statement.afterCommit("SELECT ?", 1));
    }

    @Test
    void toStringMasksPasswordsAndCountsParameters() {
        Statement s = Statement.afterCommit("CREATE USER `u` IDENTIFIED BY 's3cret'");
        assertThat(s.toString()).isEqualTo("Statement[CREATE USER `u` IDENTIFIED BY '***', AFTER_COMMIT]")
                .doesNotContain("s3cret");
        assertThat(Statement.of("SELECT ?, ?", "secret-value", 2).toString())
                .isEqualTo("Statement[SELECT ?, ?, 2 params, NOW]");
    }

    @Test
    void redactedSqlKeepsIdentifiers() {
        assertThat(Statement.of("ALTER USER `bob` IDENTIFIED BY 'pw'").redactedSql())
                .isEqualTo("ALTER USER `bob` IDENTIFIED BY '***'");
    }
}
