package io.matrixone.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.core.dialect.SqlKind;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1", "  select * from t", "INSERT INTO t VALUES (1)", "update t set a = 1", "DELETE FROM t",
        "WITH x AS (SELECT 1) SELECT * FROM x", "SET @a = 1", "set names utf8mb4", "BEGIN", "commit", "ROLLBACK",
        "START TRANSACTION", "SAVEPOINT s", "CREATE SNAPSHOT s FOR DATABASE d", "/* c */ SET x = 1",
        "-- c\nBEGIN", "(SELECT 1)", "CREATE TABLE t (a INT)", "DROP SNAPSHOT s", "GRANT ALL ON *.* TO u",
        "CREATE USER u IDENTIFIED BY 'x'", "RESTORE ACCOUNT a {SNAPSHOT = 's'}", "SHOW SNAPSHOTS", "SELECTED",
        "settle", "beginning", ""
    })
    void agreesWithTheDialectRule(String sql) {
        assertThat(SqlGuard.kindOf(sql)).isEqualTo(SqlKind.of(sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET autocommit = 0", "  set @x = 1", "/* hint */ SET NAMES utf8"})
    void recognisesSet(String sql) {
        assertThat(SqlGuard.kindOf(sql)).isEqualTo(SqlKind.SET);
    }
}
