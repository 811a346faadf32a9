package io.matrixone.emulator.engine;

import static io.matrixone.emulator.engine.SnapshotIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clone, transaction rules, mo_ctl, identity functions, PITR, accounts and publications on a 4.2.0 target. */
class EngineFeaturesIT {

    static TestMariaDb server;
    static EngineHarness harness;
    EngineHarness.Client c;

    @BeforeAll
    static void start() throws Exception {
        server = TestMariaDb.start();
        harness = new EngineHarness(server, "4.2.0");
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void clean() throws Exception {
        c = harness.root();
        for (List<String> r : c.ok("SELECT pitr_name FROM mo_catalog.mo_pitr").rows()) {
            c.ok("drop pitr " + r.get(0));
        }
        for (List<String> r : c.ok("SELECT sname FROM mo_catalog.mo_snapshots").rows()) {
            c.ok("drop snapshot " + r.get(0));
        }
        for (List<String> r : c.ok("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'f\\_%'").rows()) {
            c.ok("DROP DATABASE `" + r.get(0) + "`");
        }
        c.ok("create database f_src");
        c.ok("use f_src");
        c.ok("create table t1 (id int primary key auto_increment, note varchar(20), doubled int as (id * 2))");
        c.ok("insert into t1 (note) values ('one'), ('two'), ('three')");
    }

    // ---- clone ---------------------------------------------------------------------------------------------

    @Test
    void cloneDatabaseAndTableLiveAndFromSnapshot() {
        c.ok("create snapshot sp0 for database f_src");
        c.ok("insert into t1 (note) values ('four')");
        c.ok("create database f_live clone f_src");
        assertThat(c.scalar("select count(*) from f_live.t1")).isEqualTo("4");
        assertThat(c.scalar("select doubled from f_live.t1 where id = 2")).isEqualTo("4");
        c.ok("create database f_old clone f_src {snapshot = 'sp0'}");
        assertThat(c.scalar("select count(*) from f_old.t1")).isEqualTo("3");
        c.ok("create table t1_copy clone t1");
        assertThat(c.scalar("select count(*) from f_src.t1_copy")).isEqualTo("4");
        c.ok("create table f_live.t1_old clone f_src.t1 {snapshot = \"sp0\"}");
        assertThat(c.scalar("select count(*) from f_live.t1_old")).isEqualTo("3");
        c.ok("create table f_live.t1_cg clone f_src.t1 copy grants");
        assertThat(c.scalar("select count(*) from f_live.t1_cg")).isEqualTo("4");
    }

    @Test
    void cloneErrorsAreMatrixOnes() {
        c.ok("create database f_dst");
        assertError(c.run("create database f_dst clone f_src"), 1007, "database f_dst already exists");
        // IF NOT EXISTS is not honoured by a database clone: the source is resolved first, then the target is 1007 (F-05)
        assertError(c.run("create database if not exists f_dst clone f_src"), 1007, "database f_dst already exists");
        assertError(c.run("create database if not exists f_dst clone f_missing"), 1049, "Unknown database f_missing");
        assertError(c.run("create database f_x clone f_missing"), 1049, "Unknown database f_missing");
        c.ok("create table f_dst.t clone t1");
        assertError(c.run("create table f_dst.t clone t1"), 1050, "table t already exists");
        // the source is resolved first, with MatrixOne's planner message (seen on 4.2.0)
        assertError(c.run("create table if not exists f_dst.t clone nope"), 1064, "SQL parser error: table f_src-nope does not exist");
        assertError(c.run("create table f_dst.u clone nope"), 1064, "SQL parser error: table f_src-nope does not exist");
        assertError(c.run("create table f_nodb.u clone t1"), 1049, "Unknown database f_nodb");
        c.ok("create snapshot sp_t for table f_src t1");
        c.ok("create table t2 (x int)");
        assertError(c.run("create table f_dst.t6 clone f_src.t2 {snapshot = \"sp_t\"}"), 20101,
                "internal error: table-level snapshot(sp_t) does not belong to the table(f_src-t2)");
        assertError(c.run("create database f_d3 clone f_src {snapshot = \"sp_t\"}"), 20101,
                "internal error: cannot use a table-level snapshot to clone cluster/account/database");
        assertError(c.run("create database f_d4 clone f_src to account acc1"), 20101,
                "internal error: clone database between different accounts need a snapshot");
    }

    // ---- AUTO_INCREMENT in a multi-row INSERT -----------------------------------------------------------------

    /** Each case's ids as MatrixOne 4.2.0 gave them (pymysql against a standalone 4.2.0). */
    @Test
    void autoIncrementValuesOfAMultiRowInsertAreMatrixOnes() {
        assertIds(List.of("insert into t values (0,'a'),(1,'b'),(2,'c'),(3,'d')"), "a=4 b=1 c=2 d=3");
        assertIds(List.of("insert into t values (0,'a'),(5,'b'),(NULL,'c'),(2,'d')"), "a=1 b=5 c=6 d=2");
        assertIds(List.of("insert into t (note) values ('0'),('1'),('2'),('3')", "delete from t",
                "insert into t values (NULL,'a'),(9,'b'),(NULL,'c'),(6,'d')"), "a=5 b=9 c=10 d=6");
        assertIds(List.of("insert into t (note, id) values ('x', 0), ('y', 10), ('z', NULL)", "insert into t (note) values ('w')"),
                "w=12 x=1 y=10 z=11");
        assertIds(List.of("insert into t values (DEFAULT,'a'),(2,'b'),(default,'c')"), "a=1 b=2 c=3");
        assertIds(List.of("insert into t values (0,'a'),(3,'b'),(0,'c'),(1,'d'),(0,'e')", "insert into t (note) values ('f')"),
                "a=2 b=3 c=4 d=1 e=5 f=6");
        // quoted digits, as clients that quote every value send them: both servers cast them
        assertIds(List.of("insert into t values ('0','a'),('1','b'),('2','c')"), "a=3 b=1 c=2");
        assertIds(List.of("insert into t values ('0','a'),('5','b'),(NULL,'c'),(2,'d')"), "a=1 b=5 c=6 d=2");
        // an expression for the key leaves the statement to MariaDB's row order
        assertIds(List.of("insert into t values (0,'a'),(1+0,'b')"), null);
    }

    private void assertIds(List<String> statements, String expected) {
        c.ok("drop table if exists t");
        c.ok("create table t (id int primary key auto_increment, note varchar(10))");
        for (int i = 0; i < statements.size() - 1; i++) {
            c.ok(statements.get(i));
        }
        String last = statements.get(statements.size() - 1);
        if (expected == null) {
            EngineHarness.Outcome o = c.run(last);
            assertThat(o.isError()).as("expected MariaDB's duplicate key, got %s", o).isTrue();
            assertThat(o.code()).isEqualTo(1062);
            return;
        }
        c.ok(last);
        StringBuilder ids = new StringBuilder();
        for (List<String> r : c.ok("select note, id from t order by note").rows()) {
            ids.append(ids.length() == 0 ? "" : " ").append(r.get(0)).append('=').append(r.get(1));
        }
        assertThat(ids.toString()).as(String.join("; ", statements)).isEqualTo(expected);
    }

    // ---- transaction rules (mo_sql.md §10) -----------------------------------------------------------------

    @Test
    void snapshotFamilyRefusedInTransactionWhichStaysIntact() {
        c.ok("begin");
        c.ok("insert into t1 (note) values ('in tx')");
        for (String sql : List.of("create snapshot sp09 for account", "show snapshots", "drop snapshot sp09",
                "restore account sys{snapshot='x'}", "create pitr p1 for account range 1 'h'", "show pitr",
                "drop pitr p1", "alter pitr p1 range 2 'h'", "create publication pub1 database f_src account all")) {
            assertError(c.run(sql), 20101, "internal error: unclassified statement appears in uncommitted transaction");
        }
        for (String sql : List.of("create account a1 admin_name 'u' identified by 'p'", "drop account a1",
                "create user u1 identified by 'p'", "grant select on f_src.* to u1", "create role r1", "set role r1")) {
            assertError(c.run(sql), 20101, "internal error: administrative command is unsupported in transactions");
        }
        assertError(c.run("create sequence s1"), 20101, "internal error: Only CREATE of DDL is supported in transactions");
        assertThat(c.scalar("select @@in_transaction")).isEqualTo("1");
        c.ok("rollback");
        assertThat(c.scalar("select count(*) from t1 where note = 'in tx'")).isEqualTo("0");
    }

    @Test
    void ddlAndCloneInTransactionArePartOfItAndUndoneByRollback() {
        c.ok("create table t8 (x int)");
        c.ok("insert into t8 values (1)");
        c.ok("start transaction");
        c.ok("insert into t1 (note) values ('pending')");
        for (String sql : List.of("create table t9 (x int)", "insert into t9 values (7)", "drop table t8",
                "create database f_y", "create view v1 as select 1 as one", "create database f_c clone f_src",
                "create table t1c clone t1")) {
            c.ok(sql);
        }
        assertThat(c.scalar("select @@in_transaction")).isEqualTo("1");
        assertThat(c.scalar("select count(*) from t9")).isEqualTo("1");
        assertThat(c.run("select * from t8").isError()).isTrue();
        assertThat(c.scalar("select count(*) from information_schema.schemata where schema_name in ('f_y', 'f_c')")).isEqualTo("2");
        c.ok("rollback");
        assertThat(c.scalar("select count(*) from t1 where note = 'pending'")).isEqualTo("0");
        assertThat(c.run("select * from t9").isError()).isTrue();
        assertThat(c.run("select * from v1").isError()).isTrue();
        assertThat(c.run("select * from t1c").isError()).isTrue();
        assertThat(c.scalar("select count(*) from t8")).isEqualTo("1");
        assertThat(c.scalar("select count(*) from information_schema.schemata where schema_name in ('f_y', 'f_c')")).isEqualTo("0");
    }

    @Test
    void aDatabaseCreatedInATransactionIsHiddenFromOtherSessionsUntilCommit() throws Exception {
        EngineHarness.Client other = harness.root();
        c.ok("begin");
        c.ok("create database f_tx");
        assertError(other.run("use f_tx"), 1049, "Unknown database f_tx");
        assertThat(other.ok("show databases").rows()).extracting(r -> r.get(0)).doesNotContain("f_tx");
        assertThat(c.ok("show databases").rows()).extracting(r -> r.get(0)).contains("f_tx");
        c.ok("commit");
        other.ok("use f_tx");
        assertThat(other.ok("show databases").rows()).extracting(r -> r.get(0)).contains("f_tx");
    }

    @Test
    void ddlAndCloneInTransactionAreKeptByCommitAndTheCloneSeesTheTransactionsRows() {
        c.ok("begin");
        c.ok("create table t7 (x int primary key)");
        c.ok("insert into t7 values (1), (2)");
        c.ok("create table t7c clone t7");
        assertThat(c.scalar("select count(*) from t7c")).isEqualTo("2");
        c.ok("commit");
        assertThat(c.scalar("select count(*) from t7c")).isEqualTo("2");
        assertThat(c.scalar("select count(*) from t7")).isEqualTo("2");
        c.ok("drop table t7c");
        c.ok("drop table t7");
    }

    @Test
    void savepointsAndSetOnV42() {
        c.ok("begin");
        c.ok("insert into t1 (note) values ('kept')");
        assertThat(c.run("savepoint sp1").isError()).isFalse();
        assertThat(c.run("release savepoint sp1").isError()).isFalse();
        assertError(c.run("rollback to savepoint sp1"), 20101,
                "internal error: savepoint has not been implemented yet. please rollback the transaction.");
        assertError(c.run("rollback to sp1"), 20101,
                "internal error: savepoint has not been implemented yet. please rollback the transaction.");
        assertThat(c.scalar("select @@in_transaction")).isEqualTo("1");
        // v4.2.0: SET commits the open transaction first (issue #26872)
        c.ok("set @x = 1");
        assertThat(c.scalar("select @@in_transaction")).isEqualTo("0");
        c.ok("rollback");
        assertThat(c.scalar("select count(*) from t1 where note = 'kept'")).isEqualTo("1");
        c.ok("begin");
        assertError(c.run("set transaction isolation level read committed"), 20101,
                "internal error: unclassified statement appears in uncommitted transaction");
        c.ok("commit");
        assertThat(c.scalar("select mo_ctl('dn', 'checkpoint', '')")).isNotNull(); // allowed anywhere
    }

    // ---- mo_ctl and identity -------------------------------------------------------------------------------

    @Test
    void moCtlGoldenOutputs() throws Exception {
        EngineHarness.Outcome flush = c.ok("select mo_ctl('dn', 'flush', 'f_src.t1')");
        assertThat(flush.columns()).containsExactly("mo_ctl(dn, flush, f_src.t1)");
        assertThat(flush.scalar()).isEqualTo("{\n  \"method\": \"Flush\",\n  \"result\": [\n    {\n      \"returnStr\": \"OK\"\n    }\n  ]\n}\n");
        EngineHarness.Outcome cp = c.ok("select mo_ctl('dn','checkpoint','')");
        assertThat(cp.columns()).containsExactly("mo_ctl(dn, checkpoint, )");
        assertThat(cp.scalar()).isEqualTo("{\n  \"method\": \"Checkpoint\",\n  \"result\": [\n    {\n      \"returnStr\": \"OK\"\n    }\n  ]\n}\n");
        assertThat(c.scalar("select mo_ctl('dn','globalcheckpoint','')")).contains("\"method\": \"GlobalCheckpoint\"");
        c.ok("begin");
        assertThat(c.run("select mo_ctl('dn','flush','f_src.t1')").isError()).isFalse();
        c.ok("commit");
        assertError(c.run("select mo_ctl('tn', 'flush', 'f_src.t1')"), 20105, "not supported: service type TN not supported");
        assertError(c.run("select mo_ctl('dn', 'nosuch', '')"), 20105, "not supported: command NOSUCH not supported");
        assertError(c.run("select mo_ctl('dn', 'flush', 'f_src.nope')"), 1146, "no such table f_src.nope");
        try (EngineHarness.Client other = harness.client("acc9", "admin", null, "root", "")) {
            assertError(other.run("select mo_ctl('dn', 'flush', 'f_src.t1')"), 20101, "internal error: do not have privilege to execute the statement");
        }
        try (EngineHarness.Client role = harness.client("sys", "root", "public", "root", "")) {
            assertError(role.run("select mo_ctl('dn', 'flush', 'f_src.t1')"), 20101, "internal error: do not have privilege to execute the statement");
        }
    }

    @Test
    void identityFunctions() throws Exception {
        EngineHarness.Outcome v = c.ok("select version()");
        assertThat(v.columns()).containsExactly("version()");
        assertThat(v.scalar()).isEqualTo("8.0.30-MatrixOne-v4.2.0");
        assertThat(c.ok("SELECT @@version_comment LIMIT 1").rows()).containsExactly(List.of("MatrixOne"));
        assertThat(c.ok("select git_version()").columns()).containsExactly("git_version()");
        try (EngineHarness.Client acc = harness.client("acc1", "admin", "accountadmin", "root", "")) {
            EngineHarness.Outcome a = acc.ok("select current_account_name()");
            assertThat(a.columns()).containsExactly("current_account_name()");
            assertThat(a.scalar()).isEqualTo("acc1");
            assertThat(acc.scalar("select current_user_name()")).isEqualTo("admin");
            assertThat(acc.scalar("select current_role_name() as r")).isEqualTo("accountadmin");
        }
        // anything richer is MariaDB's business
        assertThat(c.ok("select version(), 1").forwarded()).isEqualTo("select version(), 1");
    }

    // ---- PITR ----------------------------------------------------------------------------------------------

    @Test
    void pitrValidationMessages() {
        c.ok("create pitr pitr01 for account range 1 'h'");
        assertError(c.run("create pitr pitr02 for account range 1 'd'"), 20101, "internal error: account `sys` already has a pitr");
        assertError(c.run("create pitr pitr01 for account range 1 'h'"), 20101, "internal error: pitr pitr01 already exists");
        assertError(c.run("create pitr pitr09 for account range 1 'yy'"), 20101, "internal error: invalid pitr unit yy");
        assertError(c.run("create pitr pitr09 for account range 2000 'h'"), 20101, "internal error: invalid pitr value 2000");
        assertError(c.run("create pitr pitr09 for account range -1 'h';"), 1064,
                "SQL parser error: You have an error in your SQL syntax; check the manual that corresponds to your MatrixOne "
                        + "server version for the right syntax to use. syntax error at line 1 column 38 near \" -1 'h';\";");
        assertError(c.run("create pitr pitr11 for database db02 range 1 'h'"), 20101, "internal error: database db02 does not exist");
        assertError(c.run("create pitr pitr13 for table f_src table02 range 1 'h'"), 20101, "internal error: table f_src.table02 does not exist");
        assertError(c.run("create pitr pitr15 for account acc02 range 1 'h'"), 20101, "internal error: account acc02 does not exist");
        assertError(c.run("alter pitr pitr100 range 1 'd'"), 20101, "internal error: pitr pitr100 does not exist");
        assertError(c.run("drop pitr pitr100"), 20101, "internal error: pitr pitr100 does not exist");
        c.ok("create pitr pitr05 for cluster range 1 'h'");
        c.ok("alter pitr pitr01 range 2 'd'");
        EngineHarness.Outcome show = c.ok("show pitr");
        assertThat(show.columns()).containsExactly("PITR_NAME", "CREATED_TIME", "MODIFIED_TIME", "PITR_LEVEL", "ACCOUNT_NAME",
                "DATABASE_NAME", "TABLE_NAME", "PITR_LENGTH", "PITR_UNIT");
        assertThat(show.rows()).extracting(r -> List.of(r.get(0), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8)))
                .containsExactly(List.of("pitr05", "cluster", "*", "*", "*", "1", "h"), List.of("pitr01", "account", "sys", "*", "*", "2", "d"));
        assertThat(show.rows().get(0).get(1)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void pitrRestoreBringsBackDeletedRows() throws Exception {
        c.ok("create pitr p_db for database f_src range 1 'h'");
        Thread.sleep(1100);
        String before = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(java.time.LocalDateTime.now(ZoneId.systemDefault()));
        Thread.sleep(1100);
        c.ok("delete from t1 where id > 1");
        c.ok("update t1 set note = 'changed'");
        // exact time travel on a PITR-covered table
        assertThat(c.scalar("select count(*) from t1 {as of timestamp '" + before + "'}")).isEqualTo("3");
        c.ok("restore database f_src from pitr p_db '" + before + "'");
        assertThat(c.ok("select note from t1 order by id").rows()).containsExactly(List.of("one"), List.of("two"), List.of("three"));
        assertError(c.run("restore database f_src from pitr nope '" + before + "'"), 20101, "internal error: pitr nope does not exist");
        assertThat(c.run("restore database f_src from pitr p_db '2099-01-01 00:00:00'").message())
                .startsWith("internal error: input timestamp 2099-01-01 00:00:00 is bigger than now timestamp ");
        assertThat(c.run("restore database f_src from pitr p_db '2000-01-01 00:00:00'").message())
                .startsWith("internal error: input timestamp 2000-01-01 00:00:00 is less than the pitr valid time ");
        // users can still alter a PITR-covered table
        c.ok("alter table t1 add column extra int");
    }

    // ---- accounts and publications -------------------------------------------------------------------------

    @Test
    void accountsAndPublications() throws Exception {
        c.ok("drop account if exists acc_it");
        c.ok("create account acc_it admin_name 'admin' identified by '111' comment 'for it'");
        assertError(c.run("create account acc_it admin_name 'admin' identified by '111'"), 20101, "internal error: the tenant acc_it exists");
        assertThat(c.run("create account if not exists acc_it admin_name 'admin' identified by '111'").isError()).isFalse();
        EngineHarness.Outcome show = c.ok("show accounts");
        assertThat(show.columns()).containsExactly("account_name", "admin_name", "created_time", "status", "suspended_time",
                "db_count", "tbl_count", "size", "snapshot_size", "comments");
        assertThat(show.rows()).extracting(r -> r.get(0)).contains("acc_it", "sys");
        try (EngineHarness.Client acc = harness.client("acc_it", "admin", null, "acc_it#admin", "111")) {
            assertThat(acc.scalar("select current_user()")).startsWith("acc_it#admin@");
            assertError(acc.run("create account x admin_name 'a' identified by 'b'"), 20101,
                    "internal error: do not have privilege to execute the statement");
            assertError(acc.run("create snapshot s_other for account sys"), 20101,
                    "internal error: only sys tenant can create tenant level snapshot for other tenant");
        }
        c.ok("create publication pub1 database f_src account acc_it comment 'pub it'");
        EngineHarness.Outcome pubs = c.ok("show publications");
        assertThat(pubs.columns()).containsExactly("publication", "database", "tables", "sub_account", "subscribed_accounts",
                "create_time", "update_time", "comments");
        assertThat(pubs.rows().get(0)).startsWith("pub1", "f_src", "*", "acc_it");
        try (EngineHarness.Client acc = harness.client("acc_it", "admin", null, "acc_it#admin", "111")) {
            acc.ok("create database f_sub from sys publication pub1");
            assertThat(acc.scalar("select count(*) from f_sub.t1")).isEqualTo("3");
            EngineHarness.Outcome subs = acc.ok("show subscriptions");
            assertThat(subs.columns()).containsExactly("pub_name", "pub_account", "pub_database", "pub_tables", "pub_comment",
                    "pub_time", "sub_name", "sub_time", "status");
            assertThat(subs.rows().get(0)).startsWith("pub1", "sys", "f_src", "*", "pub it");
            assertError(acc.run("create database f_sub2 from sys publication nope"), 20101, "internal error: there is no publication nope");
        }
        c.ok("alter account acc_it suspend");
        assertThat(c.ok("show accounts like 'acc_it'").rows().get(0).get(3)).isEqualTo("suspend");
        c.ok("drop publication pub1");
        assertError(c.run("drop publication pub1"), 20101, "internal error: publication 'pub1' does not exist");
        c.ok("drop account acc_it");
        assertError(c.run("drop account acc_it"), 20101, "internal error: there is no account acc_it");
    }

    @Test
    void ordinarySqlIsForwardedByteForByte() {
        for (String sql : List.of("select 1", "SELECT  'a{snapshot = x}' AS `b{c}` -- comment\n", "/* x */ insert into t1 (note) values ('q')",
                "select * from t1 where note = \"{MO_TS = 1}\"; select 2", "SET @a = '{snapshot=1}'", "create temporary table tmp9 (x int)")) {
            Reply r = harness.engine.onQuery(sql, c.session);
            assertThat(r).isEqualTo(new Reply.Forward(sql));
        }
    }
}
