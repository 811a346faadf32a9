package io.matrixone.core.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InsertRowsTest {

    @Test
    void aOneRowInsertOfPlaceholdersBecomesMultiRow() {
        InsertRows shape = InsertRows.of("  insert into `my db`.`t` (a, `b c`) values (?, ?)  ");
        assertThat(shape).isNotNull();
        assertThat(shape.width()).isEqualTo(2);
        assertThat(shape.sql(3)).isEqualTo("insert into `my db`.`t` (a, `b c`) values (?, ?), (?, ?), (?, ?)");
        assertThat(InsertRows.of("INSERT t VALUE (?)").sql(2)).isEqualTo("INSERT t VALUE (?), (?)");
        assertThat(InsertRows.of("INSERT INTO t VALUES(?,?,?)").width()).isEqualTo(3);
        // a back-quoted name may hold anything, keywords and question marks included
        assertThat(InsertRows.of("INSERT INTO `select ? values` VALUES (?)").sql(1))
                .isEqualTo("INSERT INTO `select ? values` VALUES (?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT IGNORE INTO t VALUES (?)",
            "INSERT INTO t VALUES (?) ON DUPLICATE KEY UPDATE a = ?",
            "INSERT INTO t VALUES (?) ON DUPLICATE KEY UPDATE a = 1",
            "INSERT INTO t VALUES (?), (?)",
            "INSERT INTO t VALUES (?, 'x')",
            "INSERT INTO t VALUES (?, NOW())",
            "INSERT INTO t VALUES (?);",
            "INSERT INTO t VALUES (?); DELETE FROM t",
            "INSERT INTO t SELECT ?",
            "INSERT INTO t SET a = ?",
            "INSERT INTO t /* c */ VALUES (?)",
            "INSERT INTO t VALUES (?) -- c",
            "INSERT INTO t PARTITION (p0) VALUES (?)",
            "INSERT INTO t VALUES ()",
            "INSERT INTO t VALUES (?,)",
            "INSERT INTO t VALUES (? ?)",
            "INSERT INTO t VALUES (?",
            "INSERT INTO t",
            "INSERTINTO t VALUES (?)",
            "REPLACE INTO t VALUES (?)",
            "UPDATE t SET a = ? WHERE b = ?"})
    void anythingElseIsLeftAlone(String sql) {
        assertThat(InsertRows.of(sql)).isNull();
    }

    @Test
    void placeholdersPerStatementStayUnderTheProtocolsLimit() {
        assertThat(new InsertRows("INSERT INTO t VALUES ", 3).rowsPerStatement()).isEqualTo(1_000);
        assertThat(new InsertRows("INSERT INTO t VALUES ", 100).rowsPerStatement()).isEqualTo(655);
        assertThat(new InsertRows("INSERT INTO t VALUES ", 70_000).rowsPerStatement()).isEqualTo(1);
    }
}
