package io.matrixone.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementLogTest {

    @Test
    void recordsInOrderAndSeparatesExecutions() {
        StatementLog log = new StatementLog();
        log.record(1, StatementLog.Kind.QUERY, "BEGIN");
        log.record(2, StatementLog.Kind.PREPARE, "SELECT ?");
        log.record(2, StatementLog.Kind.EXECUTE, "SELECT ?");
        log.record(1, StatementLog.Kind.QUERY, "COMMIT");
        assertThat(log.sqls()).containsExactly("BEGIN", "SELECT ?", "COMMIT");
        assertThat(log.all()).hasSize(4);
        assertThat(log.forSession(2)).extracting(StatementLog.Entry::kind)
                .containsExactly(StatementLog.Kind.PREPARE, StatementLog.Kind.EXECUTE);
        assertThat(log.countSql("SELECT")).isEqualTo(1);
        assertThat(log.containsSql("COMM")).isTrue();
        assertThat(log.last()).contains(new StatementLog.Entry(1, StatementLog.Kind.QUERY, "COMMIT"));
        log.clear();
        assertThat(log.size()).isZero();
        assertThat(log.last()).isEmpty();
    }

    @Test
    void keepsTheMostRecentEntries() {
        StatementLog log = new StatementLog();
        for (int i = 0; i < StatementLog.CAPACITY + 5; i++) {
            log.record(1, StatementLog.Kind.QUERY, "q" + i);
        }
        assertThat(log.size()).isEqualTo(StatementLog.CAPACITY);
        assertThat(log.all().get(0).sql()).isEqualTo("q5");
    }
}
