package io.matrixone.emulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Snapshots, time-travel reads and v4 restores over a real MariaDB, checked against MatrixOne's golden outputs. */
class SnapshotIT {

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
        for (List<String> r : c.ok("SELECT sname FROM mo_catalog.mo_snapshots").rows()) {
            c.ok("drop snapshot " + r.get(0));
        }
        for (List<String> r : c.ok("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'it\\_%'").rows()) {
            c.ok("DROP DATABASE `" + r.get(0) + "`");
        }
        c.ok("create database it_read");
        c.ok("use it_read");
        c.ok("create table test_snapshot_read (a int)");
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            values.append(i == 1 ? "" : ", ").append('(').append(i).append(')');
        }
        c.ok("INSERT INTO test_snapshot_read (a) VALUES" + values);
    }

    /** snapshot_restore_table_level.result lines 1-33, with the emulator's database name. */
    @Test
    void goldenSnapshotReadAndTableRestore() {
        c.ok("create snapshot snapshot_01 for account");
        c.ok("delete from test_snapshot_read where a <= 50");
        assertThat(c.scalar("select count(*) from it_read.test_snapshot_read {snapshot = 'snapshot_01'}")).isEqualTo("100");
        c.ok("create snapshot snapshot_02 for account");
        c.ok("INSERT INTO test_snapshot_read (a) VALUES(1), (2), (3), (4), (5), (6), (7), (8), (9), (10)");
        assertThat(c.scalar("select count(*) from it_read.test_snapshot_read{snapshot = 'snapshot_02'}")).isEqualTo("50");
        c.ok("restore table it_read.test_snapshot_read{snapshot=\"snapshot_01\"}");
        assertThat(c.scalar("select count(*) from it_read.test_snapshot_read")).isEqualTo("100");
    }

    @Test
    void showSnapshotsShapeAndOrder() {
        c.ok("create snapshot snapshot_01 for cluster");
        c.ok("create snapshot sp_db for database it_read");
        c.ok("create snapshot sp_t for table it_read test_snapshot_read");
        EngineHarness.Outcome all = c.ok("show snapshots");
        assertThat(all.columns()).containsExactly("SNAPSHOT_NAME", "TIMESTAMP", "SNAPSHOT_LEVEL", "ACCOUNT_NAME", "DATABASE_NAME", "TABLE_NAME");
        assertThat(all.rows()).extracting(r -> r.get(0)).containsExactly("sp_t", "sp_db", "snapshot_01");
        assertThat(all.rows().get(0).subList(2, 6)).containsExactly("table", "sys", "it_read", "test_snapshot_read");
        assertThat(all.rows().get(1).subList(2, 6)).containsExactly("database", "sys", "it_read", "");
        assertThat(all.rows().get(2).subList(2, 6)).containsExactly("cluster", "", "", "");
        assertThat(all.rows().get(0).get(1)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d*[1-9])?");
        EngineHarness.Outcome one = c.ok("show snapshots where SNAPSHOT_NAME = 'snapshot_01'");
        assertThat(one.columns()).containsExactly("SNAPSHOT_NAME", "TIMESTAMP", "SNAPSHOT_LEVEL", "ACCOUNT_NAME", "DATABASE_NAME", "TABLE_NAME");
        assertThat(one.rows()).hasSize(1);
        assertThat(one.rows().get(0).get(2)).isEqualTo("cluster");
    }

    @Test
    void moSnapshotsIsARealTable() {
        c.ok("create snapshot SP_Upper for account sys");
        EngineHarness.Outcome row = c.ok("SELECT snapshot_id, sname, ts, level, account_name, database_name, table_name, obj_id, kind "
                + "FROM mo_catalog.mo_snapshots WHERE sname = 'sp_upper'");
        assertThat(row.rows()).hasSize(1);
        List<String> r = row.rows().get(0);
        assertThat(r.get(0)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(Long.parseLong(r.get(2))).isGreaterThan(1_600_000_000_000_000_000L);
        assertThat(r.subList(3, 9)).containsExactly("account", "sys", "", "", "0", "user");
        // the TIMESTAMP column is the UTC form of ts
        String shown = c.ok("show snapshots").rows().get(0).get(1);
        assertThat(shown).isEqualTo(Nanos.formatUtc(Long.parseLong(r.get(2))));
        c.ok("create snapshot sp2 for account");
        long ts2 = Long.parseLong(c.scalar("SELECT ts FROM mo_catalog.mo_snapshots WHERE sname = 'sp2'"));
        assertThat(ts2).isGreaterThan(Long.parseLong(r.get(2)));
    }

    @Test
    void snapshotErrorsAreMatrixOnes() {
        c.ok("create snapshot snapshot_09 for account");
        assertError(c.run("create snapshot snapshot_09 for account"), 20101, "internal error: snapshot snapshot_09 already exists");
        assertThat(c.run("create snapshot if not exists snapshot_09 for account").isError()).isFalse();
        assertError(c.run("drop snapshot nope"), 20101, "internal error: snapshot nope does not exist");
        assertThat(c.run("drop snapshot if exists nope").isError()).isFalse();
        assertError(c.run("create snapshot snapshot_08 for account default_1"), 20101, "internal error: account default_1 does not exist");
        assertError(c.run("create snapshot s1 for database nodb"), 20101, "internal error: database nodb does not exist");
        assertError(c.run("create snapshot s1 for table it_read nope"), 20101, "internal error: table it_read.nope does not exist");
        assertError(c.run("create snapshot `a b` for account"), 20101, "internal error: invalid input");
        assertError(c.run("create snapshot `a\"b` for account"), 20101, "internal error: invalid input");
        assertError(c.run("create snapshot s1 for database mo_catalog"), 20101, "internal error: can not create snapshot for system database mo_catalog");
        assertError(c.run("select * from test_snapshot_read{snapshot = 'sp10'}"), 20101,
                "internal error: find 0 snapshot records by name(sp10), expect only 1");
    }

    @Test
    void timeTravelByTimestampMoTsAndAsOf() throws Exception {
        c.ok("create snapshot sp1 for database it_read");
        long ts = Long.parseLong(c.scalar("SELECT ts FROM mo_catalog.mo_snapshots WHERE sname = 'sp1'"));
        Thread.sleep(5);
        c.ok("delete from test_snapshot_read where a > 10");
        EngineHarness.Outcome byTs = c.ok("select count(*) from test_snapshot_read {MO_TS = " + ts + "}");
        assertThat(byTs.scalar()).as(byTs.forwarded()).isEqualTo("100");
        String utc = Nanos.formatUtc(ts);
        assertThat(c.scalar("select count(*) from it_read.test_snapshot_read{timestamp = '" + utc + "'}")).isEqualTo("100");
        Thread.sleep(1100); // AS OF TIMESTAMP has second precision: ask for the second after the snapshot, once it is past
        String local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(Nanos.toInstant(ts + 1_000_000_000L).atZone(java.time.ZoneId.systemDefault()));
        assertThat(c.scalar("select count(*) from test_snapshot_read {as of timestamp '" + local + "'}")).isEqualTo("100");
        // the future reads today's data (snapshot_read.result: timestamp '3020-01-01 00:00:00')
        assertThat(c.scalar("select count(*) from test_snapshot_read{timestamp = '3020-01-01 00:00:00'}")).isEqualTo("10");
        assertError(c.run("select count(*) from test_snapshot_read{timestamp = '2020-01-01 00:00:00'}"), 20203,
                "invalid argument invalid timestamp value, no corresponding snapshot , bad value 2020-01-01 00:00:00");
    }

    @Test
    void rewriteKeepsTheRestOfTheStatement() {
        c.ok("create snapshot sp1 for account");
        c.ok("create table `we``ird {snapshot}` (id int, v varchar(40))");
        c.ok("insert into `we``ird {snapshot}` values (1, '{snapshot = ''x''}')");
        c.ok("create snapshot sp2 for account");
        c.ok("delete from `we``ird {snapshot}`");
        EngineHarness.Outcome o = c.ok("select t.v, w.a from it_read.`we``ird {snapshot}`{snapshot = sp2} t "
                + "join test_snapshot_read {SNAPSHOT = 'sp1'} w on w.a = t.id where t.v = '{snapshot = ''x''}' /* {snapshot = 'sp1'} */");
        assertThat(o.rows()).containsExactly(List.of("{snapshot = 'x'}", "1"));
        assertThat(o.forwarded()).doesNotContain("{SNAPSHOT").contains("'{snapshot = ''x''}'").contains("/* {snapshot = 'sp1'} */");
        // unaliased references keep their name as the alias
        assertThat(c.scalar("select test_snapshot_read.a from test_snapshot_read{snapshot='sp1'} where a = 7")).isEqualTo("7");
        // reading a table created after the snapshot: no such table
        c.ok("create table later (x int)");
        assertError(c.run("select * from later {snapshot = 'sp1'}"), 1146, "no such table it_read.later");
    }

    @Test
    void databaseRestoreDropsLaterTablesAndRecreatesDropped() {
        c.ok("create table keep_me (id int primary key, v varchar(5))");
        c.ok("insert into keep_me values (1, 'a'), (2, 'b')");
        c.ok("create snapshot sp_db for database it_read");
        c.ok("drop table keep_me");
        c.ok("create table newer (x int)");
        c.ok("alter table test_snapshot_read add column b int");
        c.ok("delete from test_snapshot_read");
        c.ok("restore database it_read{snapshot = 'sp_db'}");
        assertThat(c.ok("show tables from it_read").rows()).extracting(r -> r.get(0)).containsExactlyInAnyOrder("keep_me", "test_snapshot_read");
        assertThat(c.scalar("select count(*) from test_snapshot_read")).isEqualTo("100");
        assertThat(c.ok("select * from test_snapshot_read limit 1").columns()).containsExactly("a");
        assertThat(c.ok("select v from keep_me order by id").rows()).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void accountAndClusterRestore() {
        c.ok("create database it_other");
        c.ok("create table it_other.t (x int)");
        c.ok("insert into it_other.t values (1)");
        c.ok("create snapshot sp_acc for account");
        c.ok("create snapshot sp_clu for cluster");
        c.ok("drop database it_other");
        c.ok("create database it_new");
        c.ok("restore account sys{snapshot='sp_acc'}");
        assertThat(c.scalar("select x from it_other.t")).isEqualTo("1");
        assertThat(c.ok("show databases like 'it\\_new'").rows()).isEmpty();
        c.ok("update it_other.t set x = 2");
        c.ok("restore cluster{snapshot = \"sp_clu\"}");
        assertThat(c.scalar("select x from it_other.t")).isEqualTo("1");
    }

    @Test
    void restoreLevelChecks() {
        c.ok("create snapshot sp_t for table it_read test_snapshot_read");
        c.ok("create snapshot sp_acc for account");
        c.ok("create snapshot sp_clu for cluster");
        assertError(c.run("restore database it_read{snapshot='sp_t'}"), 20101, "internal error: can't restore db from table level snapshot");
        assertError(c.run("restore database it_read{snapshot='sp_clu'}"), 20101, "internal error: can't restore db from cluster level snapshot");
        assertError(c.run("restore account sys{snapshot='sp_t'}"), 20101, "internal error: can't restore account from db or table level snapshot");
        assertError(c.run("restore cluster{snapshot='sp_acc'}"), 20101, "internal error: snapshot sp_acc is not cluster level snapshot");
        assertError(c.run("restore cluster{snapshot='nope'}"), 20101, "internal error: find 0 snapshot records by name(nope), expect only 1");
    }

    @Test
    void oldRestoreGrammarIsASyntaxErrorOnV4() {
        c.ok("create snapshot sp for account");
        assertError(c.run("restore account sys from snapshot sp"), 1064,
                "SQL parser error: You have an error in your SQL syntax; check the manual that corresponds to your MatrixOne "
                        + "server version for the right syntax to use. syntax error at line 1 column 33 near \" snapshot sp\";");
        assertError(c.run("restore cluster from snapshot sp;"), 1064,
                "SQL parser error: You have an error in your SQL syntax; check the manual that corresponds to your MatrixOne "
                        + "server version for the right syntax to use. syntax error at line 1 column 29 near \" snapshot sp;\";");
    }

    static void assertError(EngineHarness.Outcome o, int code, String message) {
        assertThat(o.isError()).as("expected an error, got %s", o).isTrue();
        assertThat(o.code()).as(o.message()).isEqualTo(code);
        assertThat(o.sqlState()).isEqualTo("HY000");
        assertThat(o.message()).isEqualTo(message);
    }
}
