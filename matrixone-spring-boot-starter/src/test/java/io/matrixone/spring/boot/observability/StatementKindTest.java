package io.matrixone.spring.boot.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementKindTest {

    @Test
    void namesTheOperationFromAClosedSetOfWords() {
        assertThat(StatementKind.of("select * from t where a = '***'")).isEqualTo("SELECT");
        assertThat(StatementKind.of("  INSERT INTO t VALUES (?)")).isEqualTo("INSERT");
        assertThat(StatementKind.of("CREATE SNAPSHOT `s1` FOR DATABASE `app`")).isEqualTo("CREATE SNAPSHOT");
        assertThat(StatementKind.of("drop pitr p1")).isEqualTo("DROP PITR");
        assertThat(StatementKind.of("CREATE TABLE x (id INT)")).isEqualTo("CREATE TABLE");
        assertThat(StatementKind.of("CREATE OR REPLACE VIEW v AS SELECT 1")).isEqualTo("CREATE");
        assertThat(StatementKind.of("/*+ hint */ SELECT 1")).isEqualTo("SELECT");
        assertThat(StatementKind.of("(SELECT 1) UNION (SELECT 2)")).isEqualTo("SELECT");
        assertThat(StatementKind.of("COMMIT")).isEqualTo("COMMIT");
    }

    @Test
    void neverPassesOnAnIdentifierOrAValue() {
        assertThat(StatementKind.of("CREATE my_secret_object x")).isEqualTo("CREATE");
        assertThat(StatementKind.of("hunter2 please")).isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of("")).isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of("/* unterminated")).isEqualTo(StatementKind.OTHER);
    }
}
