package io.matrixone.emulator.engine;

import static io.matrixone.emulator.engine.SnapshotIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Version-dependent behaviour: v3.0.x restore grammar, the v4 form refused there, SET on releases after 4.2.0. */
class VersionGrammarIT {

    static TestMariaDb server;

    @BeforeAll
    static void start() throws Exception {
        server = TestMariaDb.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static final String PARSE_ERROR = "SQL parser error: You have an error in your SQL syntax; check the manual that "
            + "corresponds to your MatrixOne server version for the right syntax to use. ";

    @Test
    void v3RestoreGrammar() throws Exception {
        try (EngineHarness h = new EngineHarness(server, "3.0.18"); EngineHarness.Client c = h.root()) {
            c.ok("create database if not exists v3db");
            c.ok("create table if not exists v3db.t (x int)");
            c.ok("delete from v3db.t");
            c.ok("insert into v3db.t values (1), (2)");
            c.ok("drop snapshot if exists sp3");
            c.ok("create snapshot sp3 for account sys");
            c.ok("delete from v3db.t");
            c.ok("restore account sys database v3db table t from snapshot sp3");
            assertThat(c.scalar("select count(*) from v3db.t")).isEqualTo("2");
            c.ok("delete from v3db.t");
            c.ok("restore account sys database v3db from snapshot sp3");
            assertThat(c.scalar("select count(*) from v3db.t")).isEqualTo("2");
            c.ok("delete from v3db.t");
            c.ok("restore account sys from snapshot sp3");
            assertThat(c.scalar("select count(*) from v3db.t")).isEqualTo("2");
            // the v4 forms are syntax errors on 3.0.x
            assertError(c.run("restore account sys{snapshot='sp3'}"), 1064, PARSE_ERROR + "syntax error at line 1 column 20 near \"{snapshot='sp3'}\";");
            assertError(c.run("restore table v3db.t{snapshot='sp3'}"), 1064, PARSE_ERROR + "syntax error at line 1 column 13 near \" table v3db.t{snapshot='sp3'}\";");
            assertError(c.run("restore cluster{snapshot='sp3'}"), 1064, PARSE_ERROR + "syntax error at line 1 column 16 near \"{snapshot='sp3'}\";");
            // v3.0.18 has no RESTORE ACCOUNT a DATABASE d ... FROM PITR form
            assertError(c.run("restore account sys database v3db from pitr p '2026-01-01 00:00:00'"), 1064,
                    PARSE_ERROR + "syntax error at line 1 column 43 near \" pitr p '2026-01-01 00:00:00'\";");
            // COPY GRANTS is 4.x only
            assertThat(c.run("create table v3db.t2 clone v3db.t copy grants").code()).isEqualTo(1064);
            assertThat(c.ok("select version()").scalar()).isEqualTo("8.0.30-MatrixOne-v3.0.18");
            c.ok("drop snapshot sp3");
        }
    }

    @Test
    void v4RcAcceptsNewGrammarOnly() throws Exception {
        try (EngineHarness h = new EngineHarness(server, "4.0.0-rc1"); EngineHarness.Client c = h.root()) {
            c.ok("create database if not exists rcdb");
            c.ok("create table if not exists rcdb.t (x int)");
            c.ok("drop snapshot if exists sprc");
            c.ok("create snapshot sprc for database rcdb");
            c.ok("restore database sys.rcdb{snapshot=sprc}");
            assertError(c.run("restore account sys database rcdb from snapshot sprc"), 1064,
                    PARSE_ERROR + "syntax error at line 1 column 47 near \" snapshot sprc\";");
            c.ok("drop snapshot sprc");
        }
    }

    @Test
    void setDoesNotCommitAfter420() throws Exception {
        try (EngineHarness h = new EngineHarness(server, "4.3.0"); EngineHarness.Client c = h.root()) {
            c.ok("create database if not exists v43");
            c.ok("create table if not exists v43.t (x int)");
            c.ok("begin");
            c.ok("insert into v43.t values (42)");
            c.ok("set @x = 1");
            assertThat(c.scalar("select @@in_transaction")).isEqualTo("1");
            c.ok("rollback");
            assertThat(c.scalar("select count(*) from v43.t where x = 42")).isEqualTo("0");
        }
    }
}
