package io.matrixone.core.internal.tx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.matrixone.core.internal.tx.SqlKind.ADMINISTRATIVE;
import static io.matrixone.core.internal.tx.SqlKind.ORDINARY;
import static io.matrixone.core.internal.tx.SqlKind.REFUSED_IN_TRANSACTION;
import static io.matrixone.core.internal.tx.SqlKind.SET;
import static io.matrixone.core.internal.tx.SqlKind.TRANSACTION_CONTROL;
import static org.assertj.core.api.Assertions.assertThat;

class SqlKindTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1", "select * from t", "INSERT INTO t VALUES (1)", "update t set a = 1", "DELETE FROM t",
            "REPLACE INTO t VALUES (1)", "WITH x AS (SELECT 1) SELECT * FROM x", "(SELECT 1) UNION (SELECT 2)",
            "CREATE TABLE t (a INT)", "create temporary table t (a int)", "CREATE OR REPLACE VIEW v AS SELECT 1",
            "CREATE UNIQUE INDEX i ON t(a)", "ALTER TABLE t ADD COLUMN b INT", "DROP TABLE t", "TRUNCATE TABLE t",
            "CREATE DATABASE d", "DROP DATABASE IF EXISTS d",
            "CREATE DATABASE d2 CLONE d1", "CREATE TABLE t2 CLONE t1 {SNAPSHOT = 'sp1'}",
            "DATA BRANCH CREATE TABLE b FROM t", "data branch delete table b", "DATA BRANCH DIFF a AGAINST b",
            "SELECT mo_ctl('dn', 'flush', 'db.t')", "SELECT * FROM mo_catalog.mo_snapshots",
            "SHOW TABLES", "SHOW CREATE TABLE t", "SHOW DATABASES", "SHOW ACCOUNTS", "SHOW PUBLICATIONS",
            "USE mydb", "EXPLAIN SELECT 1", "CALL p()", "LOAD DATA INFILE 'x' INTO TABLE t",
            "STARTUP", "SETTINGS_TABLE", "SETx = 1"})
    void runsOrdinaryStatementsInsideTheTransaction(String sql) {
        assertThat(SqlKind.of(sql)).as(sql).isEqualTo(ORDINARY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE SNAPSHOT sp1 FOR DATABASE d", "create snapshot if not exists sp1 for account",
            "DROP SNAPSHOT sp1", "drop snapshot if exists sp1", "SHOW SNAPSHOTS",
            "RESTORE DATABASE d{SNAPSHOT = 'sp1'}", "restore account acc1 from snapshot sp1",
            "RESTORE DATABASE d FROM PITR p '2026-01-01 00:00:00'",
            "CREATE PITR p FOR DATABASE d RANGE 1 'd'", "ALTER PITR p RANGE 2 'd'", "DROP PITR p", "SHOW PITR",
            "SHOW RECOVERY_WINDOW FOR ACCOUNT", "CREATE PUBLICATION pub DATABASE d ACCOUNT all",
            "ALTER PUBLICATION pub ACCOUNT acc1", "DROP PUBLICATION pub", "CREATE STAGE s URL = 'file:///tmp'",
            "DROP STAGE s", "SHOW STAGES", "CREATE CDC c 'src' 'dst' 'mysql' 'db.t' {}", "PAUSE CDC c",
            "RESUME CDC TASK c", "SHOW CDC ALL", "DROP CDC ALL", "KILL 42", "KILL QUERY 42",
            "CREATE FUNCTION f() RETURNS INT LANGUAGE SQL AS '1'", "DROP PROCEDURE p", "CREATE PROCEDURE p() BEGIN END",
            "SHOW ROLES", "DATA BRANCH PICK a INTO b KEYS(1)",
            "CREATE SEQUENCE s1 AS INT START 30", "DROP SEQUENCE s1"})
    void refusesSnapshotFamilyStatementsInsideTheTransaction(String sql) {
        assertThat(SqlKind.of(sql)).as(sql).isEqualTo(REFUSED_IN_TRANSACTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE ACCOUNT acc1 ADMIN_NAME 'root' IDENTIFIED BY '111'", "ALTER ACCOUNT acc1 SUSPEND",
            "DROP ACCOUNT IF EXISTS acc1", "CREATE USER u IDENTIFIED BY 'pw'", "ALTER USER u IDENTIFIED BY 'pw2'",
            "DROP USER u", "CREATE ROLE r", "DROP ROLE r", "GRANT SELECT ON TABLE *.* TO r", "REVOKE r FROM u",
            "SET ROLE r", "SET DEFAULT ROLE r TO u", "SET PASSWORD = 'x'", "USE ROLE r", "USE SECONDARY ROLE ALL"})
    void recognisesAdministrativeStatements(String sql) {
        assertThat(SqlKind.of(sql)).as(sql).isEqualTo(ADMINISTRATIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET @x = 1", "set names utf8mb4", "SET time_zone = '+00:00'", "SET autocommit = 0",
            "SET TRANSACTION ISOLATION LEVEL READ COMMITTED", "SET GLOBAL x = 1", "SET @@session.sql_mode = ''"})
    void recognisesSetWhichCommitsTheTransactionOnMatrixOneUpTo420(String sql) {
        assertThat(SqlKind.of(sql)).as(sql).isEqualTo(SET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "begin work", "START TRANSACTION", "start transaction read only", "COMMIT",
            "ROLLBACK", "ROLLBACK TO SAVEPOINT s", "SAVEPOINT s", "RELEASE SAVEPOINT s", "XA START 'x'",
            "LOCK TABLES t WRITE", "lock table t read", "UNLOCK TABLES"})
    void recognisesTransactionControlAndStatementsThatCommit(String sql) {
        assertThat(SqlKind.of(sql)).as(sql).isEqualTo(TRANSACTION_CONTROL);
    }

    @Test
    void skipsLeadingWhitespaceAndComments() {
        assertThat(SqlKind.of("  \n\t/* audit */ CREATE SNAPSHOT sp1 FOR ACCOUNT")).isEqualTo(REFUSED_IN_TRANSACTION);
        assertThat(SqlKind.of("-- note\nSET @x = 1")).isEqualTo(SET);
        assertThat(SqlKind.of("# note\nDROP SNAPSHOT sp1")).isEqualTo(REFUSED_IN_TRANSACTION);
        assertThat(SqlKind.of("/* a */ /* b */\nGRANT ALL ON *.* TO r")).isEqualTo(ADMINISTRATIVE);
    }

    @Test
    void skipsCommentsBetweenKeywords() {
        assertThat(SqlKind.of("CREATE /* x */ SNAPSHOT sp1 FOR ACCOUNT")).isEqualTo(REFUSED_IN_TRANSACTION);
        assertThat(SqlKind.of("SET/**/ROLE r")).isEqualTo(ADMINISTRATIVE);
        assertThat(SqlKind.of("SET -- c\nDEFAULT ROLE r TO u")).isEqualTo(ADMINISTRATIVE);
    }

    @Test
    void treatsDoubleDashWithoutSpaceAsAnOperatorNotAComment() {
        // MySQL starts a comment only at "-- " with whitespace after the dashes
        assertThat(SqlKind.of("--1\nSET @x = 1")).isEqualTo(ORDINARY);
    }

    @Test
    void classifiesOnlyTheLeadingKeywordsNotNamesOrStrings() {
        assertThat(SqlKind.of("SELECT 'CREATE SNAPSHOT x'")).isEqualTo(ORDINARY);
        assertThat(SqlKind.of("CREATE TABLE snapshot (a INT)")).isEqualTo(ORDINARY);
        assertThat(SqlKind.of("INSERT INTO `SET` VALUES (1)")).isEqualTo(ORDINARY);
        assertThat(SqlKind.of("CREATE TABLE `set` (a INT)")).isEqualTo(ORDINARY);
    }

    @Test
    void treatsEmptyOrUnreadableTextAsOrdinary() {
        assertThat(SqlKind.of(null)).isEqualTo(ORDINARY);
        assertThat(SqlKind.of("")).isEqualTo(ORDINARY);
        assertThat(SqlKind.of("   ")).isEqualTo(ORDINARY);
        assertThat(SqlKind.of("/* never closed CREATE SNAPSHOT")).isEqualTo(ORDINARY);
        assertThat(SqlKind.of("`weird`")).isEqualTo(ORDINARY);
    }

    @Test
    void readsUpToFourLeadingWordsUpperCased() {
        assertThat(SqlKind.leadingWords("create or replace view v as select 1", 4))
                .containsExactly("CREATE", "OR", "REPLACE", "VIEW");
        assertThat(SqlKind.leadingWords("drop snapshot `sp1`", 4)).containsExactly("DROP", "SNAPSHOT");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"SELECT 1; SET @x = 1", "select 1;select 2",
            "INSERT INTO t VALUES ('a;b'); DROP TABLE t", "SELECT 1 /* c */; /* d */ COMMIT", "SELECT ';'\n;\nBEGIN"})
    void moreThanOneStatementIsSeen(String sql) {
        org.assertj.core.api.Assertions.assertThat(SqlKind.isMultiStatement(sql)).isTrue();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"SELECT 1;", "SELECT 1 ;  ", "SELECT ';' AS a",
            "SELECT \"x;y\"", "SELECT `a;b` FROM t", "SELECT 1; -- trailing comment", "SELECT 1; /* c */ ;",
            "SELECT 'it''s; fine'", "SELECT 'back\\'; x'", "SELECT 1 # hash; comment", "SELECT 1 /* a; b */"})
    void oneStatementWithSemicolonsInsideIsOne(String sql) {
        org.assertj.core.api.Assertions.assertThat(SqlKind.isMultiStatement(sql)).isFalse();
    }
}
