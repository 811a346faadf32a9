package io.matrixone.emulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Offline: tokenizer, statement recogniser, MatrixOne's parser-error shape, hints, versions, timestamps. */
class RecogniserTest {

    private static Statement one(String sql) {
        List<Statement> s = Statement.split(sql, SqlLexer.tokenize(sql));
        assertThat(s).hasSize(1);
        return s.get(0);
    }

    @Test
    void tokenizerHandlesQuotesEscapesCommentsAndHints() {
        String sql = "select `a``b`, 'it''s', \"q\\\"x\", 'back\\\\slash' -- tail\n from t{snapshot = 'sp'} # hash\n /* block ; */ ;";
        List<Token> t = SqlLexer.tokenize(sql);
        assertThat(t).extracting(Token::value).containsExactly("select", "a`b", ",", "it's", ",", "q\"x", ",", "back\\slash",
                "from", "t", "{", "snapshot", "=", "sp", "}", ";");
        assertThat(t.get(1).kind()).isEqualTo(Token.Kind.QUOTED_IDENT);
        assertThat(t.get(3).kind()).isEqualTo(Token.Kind.STRING);
        assertThat(sql.substring(t.get(1).start(), t.get(1).end())).isEqualTo("`a``b`");
        assertThatThrownBy(() -> SqlLexer.tokenize("select 'open")).isInstanceOf(SqlLexer.LexException.class);
        assertThat(Statement.split("select 1; select ';'; ;", SqlLexer.tokenize("select 1; select ';'; ;"))).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "create snapshot sp for account|CREATE_SNAPSHOT",
        "CREATE SNAPSHOT IF NOT EXISTS `sp` FOR TABLE db t|CREATE_SNAPSHOT",
        "drop snapshot if exists sp|DROP_SNAPSHOT",
        "show snapshots where SNAPSHOT_NAME = 'x'|SHOW_SNAPSHOTS",
        "restore cluster{snapshot='x'}|RESTORE",
        "create pitr p range 1 'h'|CREATE_PITR",
        "alter pitr p range 1 'h'|ALTER_PITR",
        "drop pitr p|DROP_PITR",
        "show pitr|SHOW_PITR",
        "create database d clone s {snapshot = 'x'}|CLONE_DATABASE",
        "create schema if not exists d clone s|CLONE_DATABASE",
        "create table db.t clone db.s|CLONE_TABLE",
        "create temporary table t clone s|CLONE_TABLE",
        "create table t (clone int)|DDL",
        "create database d|DDL",
        "create database d from sys publication p|SUBSCRIBE",
        "create temporary table t (x int)|OTHER",
        "drop temporary table t|OTHER",
        "create or replace algorithm=merge definer=`root`@`localhost` sql security invoker view v as select 1|DDL",
        "create unique index i on t (x)|DDL",
        "truncate t|DDL",
        "rename table a to b|DDL",
        "create sequence s|SEQUENCE_DDL",
        "create procedure p() begin end|OTHER_UNCLASSIFIED",
        "create account a admin_name 'u' identified by 'p'|CREATE_ACCOUNT",
        "alter account a suspend|ALTER_ACCOUNT",
        "drop account if exists a|DROP_ACCOUNT",
        "show accounts|SHOW_ACCOUNTS",
        "create user u identified by 'p'|ADMIN",
        "grant select on *.* to u|ADMIN",
        "set role r|ADMIN",
        "set password = 'x'|ADMIN",
        "use role r|ADMIN",
        "use db|OTHER",
        "set autocommit = 0|SET",
        "set names utf8mb4|SET",
        "set session transaction isolation level read committed|SET_TRANSACTION",
        "savepoint a|SAVEPOINT",
        "release savepoint a|RELEASE_SAVEPOINT",
        "rollback to savepoint a|ROLLBACK_TO",
        "rollback work to a|ROLLBACK_TO",
        "rollback|ROLLBACK",
        "begin|BEGIN",
        "start transaction read only|BEGIN",
        "commit|COMMIT",
        "select mo_ctl('dn', 'flush', 'db.t')|MO_CTL",
        "select version()|IDENTITY_SELECT",
        "SELECT @@version_comment LIMIT 1|IDENTITY_SELECT",
        "select current_account_name() as acc|IDENTITY_SELECT",
        "select version(), 1|OTHER",
        "select version() from t|OTHER",
        "data branch create table t from s|DATA_BRANCH",
        "create publication p database d account all|CREATE_PUBLICATION",
        "show subscriptions all|SHOW_SUBSCRIPTIONS",
        "select * from t{snapshot = 'sp'}|OTHER",
    })
    void classifies(String sql, StatementKind kind) {
        assertThat(Recogniser.classify(one(sql))).isEqualTo(kind);
    }

    @Test
    void parserErrorsMatchMatrixOnesGoldenFiles() {
        // pitr_basic.result lines 24-31
        assertThat(syntaxError("create pitr pitr07 for account acc01 database mo_catalog range 1 'h';"))
                .endsWith("syntax error at line 1 column 45 near \" database mo_catalog range 1 'h';\";");
        assertThat(syntaxError("create pitr pitr09 for account range -1 'h';"))
                .endsWith("syntax error at line 1 column 38 near \" -1 'h';\";");
        assertThat(syntaxError("create pitr pitr16 if not exists range 1 'h';"))
                .endsWith("syntax error at line 1 column 21 near \" if not exists range 1 'h';\";");
        assertThat(syntaxError("alter pitr pitr01 range -1 'd';"))
                .isEqualTo("SQL parser error: You have an error in your SQL syntax; check the manual that corresponds to your "
                        + "MatrixOne server version for the right syntax to use. syntax error at line 1 column 25 near \" -1 'd';\";");
    }

    private static String syntaxError(String sql) {
        Statement s = one(sql);
        try {
            if (s.startsWith("ALTER")) {
                new PitrHandler(new Nanos(), new Namespaces()).alter(s, new Session(1, "sys", "root", null, new NoBackend()));
            } else {
                PitrHandler.parseCreate(s);
            }
        } catch (MoException e) {
            assertThat(e.code()).isEqualTo(1064);
            return e.getMessage();
        }
        throw new AssertionError("no syntax error for " + sql);
    }

    /** A backend that must not be used: parsing happens before any SQL is run. */
    static final class NoBackend implements Backend {
        @Override
        public BackendResult execute(String sql) {
            throw new AssertionError("unexpected backend call: " + sql);
        }

        @Override
        public boolean inTransaction() {
            throw new AssertionError("unexpected inTransaction()");
        }
    }

    @Test
    void snapshotNamesAreValidatedAndLowerCased() {
        assertThat(SnapshotHandler.parseCreate(one("create snapshot `SP_One` for database d")).name()).isEqualTo("sp_one");
        assertThatThrownBy(() -> SnapshotHandler.parseCreate(one("create snapshot `a'b` for account")))
                .hasMessage("internal error: invalid input");
        SnapshotHandler.Create t = SnapshotHandler.parseCreate(one("create snapshot s for table `my db` `t``1`"));
        assertThat(List.of(t.level(), t.db(), t.table())).containsExactly("table", "my db", "t`1");
    }

    @Test
    void timeTravelHints() {
        String sql = "select * from db.t {MO_TS = 123} join u{snapshot=sp} join v {AS OF TIMESTAMP '2024-01-02 03:04:05'}";
        List<Token> tokens = SqlLexer.tokenize(sql);
        assertThat(TimeTravel.hasHint(tokens)).isTrue();
        int brace = 6;
        assertThat(tokens.get(brace).value()).isEqualTo("{");
        TimeTravel.Hint h = TimeTravel.parseHint(sql, tokens, brace);
        assertThat(h.instant()).isEqualTo(123L);
        assertThat(TimeTravel.hasHint(SqlLexer.tokenize("select '{snapshot = x}' from t"))).isFalse();
        assertThat(TimeTravel.hasHint(SqlLexer.tokenize("select {d '2024-01-01'}"))).isFalse();
    }

    @Test
    void timestampsAndVersions() {
        assertThat(Nanos.formatUtc(1_752_904_269_380_366_000L)).isEqualTo("2025-07-19 05:51:09.380366");
        assertThat(Nanos.formatUtc(1_752_904_269_000_000_000L)).isEqualTo("2025-07-19 05:51:09");
        assertThat(Nanos.formatUtc(1_763_993_327_946_299_999L)).isEqualTo("2025-11-24 14:08:47.946299999");
        assertThat(Nanos.parse("2025-07-19 05:51:09.380366", java.time.ZoneOffset.UTC)).isEqualTo(1_752_904_269_380_366_000L);
        Nanos clock = new Nanos();
        assertThat(clock.next()).isLessThan(clock.next());
        assertThat(TargetVersion.parse("3.0.18").hasNewRestoreGrammar()).isFalse();
        assertThat(TargetVersion.parse("4.0.0-rc1").hasNewRestoreGrammar()).isTrue();
        assertThat(TargetVersion.parse("4.0.0-rc1")).isLessThan(TargetVersion.parse("4.0.0"));
        assertThat(TargetVersion.parse("4.2.0").setCommitsTransaction()).isTrue();
        assertThat(TargetVersion.parse("4.2.1").setCommitsTransaction()).isFalse();
        assertThat(Catalog.snapshotsTable(TargetVersion.parse("3.0.18"), "mo_catalog")).doesNotContain("kind");
        assertThat(Catalog.snapshotsTable(TargetVersion.parse("4.2.0"), "mo_catalog")).contains("kind varchar(32)");
    }

    @Test
    void moCtlLabelAndJson() {
        MoCtlHandler.Call call = MoCtlHandler.parse(one("select mo_ctl('dn', 'flush', 'db1.t1')"));
        assertThat(call.label()).isEqualTo("mo_ctl(dn, flush, db1.t1)");
        assertThat(MoCtlHandler.okJson("Flush"))
                .isEqualTo("{\n  \"method\": \"Flush\",\n  \"result\": [\n    {\n      \"returnStr\": \"OK\"\n    }\n  ]\n}\n");
        assertThatThrownBy(() -> MoCtlHandler.parse(one("select mo_ctl('dn', 'flush', concat('a', 'b'))")))
                .hasMessage("invalid input: mo_ctl can only be called with const args");
    }

    @Test
    void txRulesWithoutTransactionOnlyRefuseRollbackTo() {
        Statement ddl = one("create table t (a int)");
        assertThat(new TxRules(TargetVersion.parse("4.2.0"), true).check(ddl, StatementKind.DDL, true, true))
                .isEqualTo(TxRules.Decision.IN_TRANSACTION);
        assertThatThrownBy(() -> new TxRules(TargetVersion.parse("4.2.0"), false).check(ddl, StatementKind.DDL, true, true))
                .isInstanceOfSatisfying(MoException.class, e -> assertThat(e.code()).isEqualTo(29999));
        TxRules rules = new TxRules(TargetVersion.parse("4.2.0"), true);
        assertThat(rules.check(one("create table t (x int)"), StatementKind.DDL, false, false)).isEqualTo(TxRules.Decision.PROCEED);
        assertThat(rules.check(one("set @a = 1"), StatementKind.SET, true, true)).isEqualTo(TxRules.Decision.COMMIT_FIRST);
        assertThat(new TxRules(TargetVersion.parse("4.3.0"), true).check(one("set @a = 1"), StatementKind.SET, true, true))
                .isEqualTo(TxRules.Decision.PROCEED);
        assertThat(rules.check(one("create sequence s"), StatementKind.SEQUENCE_DDL, true, false)).isEqualTo(TxRules.Decision.PROCEED);
        assertThatThrownBy(() -> rules.check(one("rollback to a"), StatementKind.ROLLBACK_TO, false, false))
                .hasMessage("internal error: savepoint has not been implemented yet. please rollback the transaction.");
    }
}
