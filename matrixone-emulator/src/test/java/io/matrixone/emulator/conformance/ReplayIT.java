package io.matrixone.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A small transcript of our own, replayed against the emulator the way MatrixOne's are. */
@ExtendWith(EmulatorExtension.class)
class ReplayIT {

    @Test
    void replaysStatementsSessionsAndDirectivesAndReportsMismatches(Emulator mo, @TempDir Path dir) throws Exception {
        Path sql = dir.resolve("replay_sample.sql");
        Files.write(sql, List.of(
                "drop database if exists rp_db;",
                "create database rp_db;",
                "create table rp_db.t (a int);",
                "insert into rp_db.t values (1), (2);",
                "create snapshot rp_sp for database rp_db;",
                "-- @ignore:1",
                "show snapshots where snapshot_name = 'rp_sp';",
                "delete from rp_db.t;",
                "select count(*) from rp_db.t {snapshot = 'rp_sp'};",
                "drop snapshot rp_nope;",
                "-- @session:id=1&user=root&password=111{",
                "select database() as db, count(*) as n from rp_db.t;",
                "-- @session}",
                "select database() as db;",
                "-- @bvt:issue#1",
                "select no_such_function();",
                "-- @bvt:issue",
                "select 'actual' as v;",
                "drop snapshot rp_sp;",
                "drop database rp_db;"));
        Files.writeString(dir.resolve("replay_sample.result"), String.join("\n",
                "drop database if exists rp_db;",
                "create database rp_db;",
                "create table rp_db.t (a int);",
                "insert into rp_db.t values (1), (2);",
                "create snapshot rp_sp for database rp_db;",
                "show snapshots where snapshot_name = 'rp_sp';",
                "snapshot_name    timestamp    snapshot_level    account_name    database_name    table_name",
                "rp_sp    2025-07-19 05:51:11.493962    database    sys    rp_db    ",
                "delete from rp_db.t;",
                "select count(*) from rp_db.t {snapshot = 'rp_sp'};",
                "count(*)",
                "2",
                "drop snapshot rp_nope;",
                "internal error: snapshot rp_nope does not exist",
                "select database() as db, count(*) as n from rp_db.t;",
                "db    n",
                "null    0",
                "select database() as db;",
                "db",
                "replay_sample",
                "select no_such_function();",
                "select 'actual' as v;",
                "v",
                "expected",
                "drop snapshot rp_sp;",
                "drop database rp_db;",
                ""));
        FileResult r = new Replayer(Target.running(mo), 30_000).replay("sample", "replay_sample.sql", TranscriptParser.parse(sql));

        assertThat(r.note()).isEmpty();
        assertThat(r.statements()).hasSize(15);
        assertThat(r.notRun()).isEqualTo(1);
        List<FileResult.StatementResult> mismatches = r.statements().stream().filter(s -> s.ran() && !s.matched()).toList();
        assertThat(mismatches).extracting(FileResult.StatementResult::sql).containsExactly("select 'actual' as v;");
        assertThat(mismatches.get(0).verdict().reason()).contains("actual").contains("expected");
        assertThat(r.count(true)).isEqualTo(5);
        assertThat(r.matched(true)).isEqualTo(5);
    }
}
