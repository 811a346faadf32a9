package io.matrixone.core.internal.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlRedactorTest {

    @Test
    void masksThePasswordInIdentifiedBy() {
        assertThat(SqlRedactor.redact("CREATE USER u IDENTIFIED BY 'hunter2'"))
                .isEqualTo("CREATE USER u IDENTIFIED BY '***'");
        assertThat(SqlRedactor.redact("create account acc1 admin_name 'root' identified by \"111\""))
                .isEqualTo("create account acc1 admin_name '***' identified by \"***\"");
    }

    @Test
    void masksEveryLiteralAndKeepsTheShape() {
        assertThat(SqlRedactor.redact("INSERT INTO t VALUES ('a', 1, 'b'), ('c', 2, NULL)"))
                .isEqualTo("INSERT INTO t VALUES ('***', 1, '***'), ('***', 2, NULL)");
    }

    @Test
    void keepsBackQuotedNamesEvenWithQuotesInside() {
        assertThat(SqlRedactor.redact("SELECT `it's` FROM `a\"b` WHERE x = 'secret'"))
                .isEqualTo("SELECT `it's` FROM `a\"b` WHERE x = '***'");
    }

    @Test
    void keepsDoubledBackQuotesInsideANameTogether() {
        assertThat(SqlRedactor.redact("SELECT `a``'b` , 'pw'")).isEqualTo("SELECT `a``'b` , '***'");
    }

    @Test
    void treatsDoubledQuotesAsPartOfTheLiteral() {
        assertThat(SqlRedactor.redact("SET PASSWORD = 'it''s secret' -- done"))
                .isEqualTo("SET PASSWORD = '***' -- done");
        assertThat(SqlRedactor.redact("SELECT \"say \"\"hi\"\" now\" x")).isEqualTo("SELECT \"***\" x");
    }

    @Test
    void treatsBackslashEscapedQuotesAsPartOfTheLiteral() {
        assertThat(SqlRedactor.redact("ALTER USER u IDENTIFIED BY 'a\\'b secret' LOCK"))
                .isEqualTo("ALTER USER u IDENTIFIED BY '***' LOCK");
        assertThat(SqlRedactor.redact("SELECT 'ends with backslash\\\\', 'second'"))
                .isEqualTo("SELECT '***', '***'");
    }

    @Test
    void masksAnUnterminatedLiteralToTheEnd() {
        assertThat(SqlRedactor.redact("CREATE USER u IDENTIFIED BY 'never closed secret"))
                .isEqualTo("CREATE USER u IDENTIFIED BY '***'");
        assertThat(SqlRedactor.redact("SELECT 'trailing backslash\\")).isEqualTo("SELECT '***'");
    }

    @Test
    void keepsAnUnterminatedBackQuotedNameWithoutLosingText() {
        assertThat(SqlRedactor.redact("SELECT `broken")).isEqualTo("SELECT `broken");
    }

    @Test
    void masksCredentialsInUrls() {
        assertThat(SqlRedactor.redact("CREATE STAGE s URL = 's3://AKIA:secretkey@bucket/path'"))
                .isEqualTo("CREATE STAGE s URL = '***'");
    }

    @Test
    void passesNullAndLiteralFreeSqlThrough() {
        assertThat(SqlRedactor.redact(null)).isNull();
        assertThat(SqlRedactor.redact("")).isEmpty();
        assertThat(SqlRedactor.redact("DROP SNAPSHOT `sp1`")).isEqualTo("DROP SNAPSHOT `sp1`");
    }

    @Test
    void cutsLongStatementsAndSaysHowLongTheyWere() {
        String sql = "INSERT INTO t VALUES " + "(1),".repeat(1000) + "(1)";
        String redacted = SqlRedactor.redact(sql);
        assertThat(redacted).startsWith("INSERT INTO t VALUES (1),")
                .endsWith("... (" + sql.length() + " chars)")
                .hasSize(SqlRedactor.MAX_LENGTH + (" ... (" + sql.length() + " chars)").length() - 1);
    }

    @Test
    void doesNotCutAStatementOfExactlyTheLimit() {
        String sql = "x".repeat(SqlRedactor.MAX_LENGTH);
        assertThat(SqlRedactor.redact(sql)).isEqualTo(sql);
    }

    @Test
    void cutsALongBackQuotedNameToo() {
        String sql = "SELECT `" + "n".repeat(5000) + "`";
        assertThat(SqlRedactor.redact(sql)).hasSizeLessThan(SqlRedactor.MAX_LENGTH + 30).endsWith("(5009 chars)");
    }

    @Test
    void neverLeaksALiteralThatStraddlesTheLimit() {
        String sql = "x".repeat(SqlRedactor.MAX_LENGTH - 3) + " 'secret-secret-secret'";
        assertThat(SqlRedactor.redact(sql)).doesNotContain("secret");
    }
}
