package io.matrixone.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class TranscriptParserTest {

    private static Transcript parse(String... lines) {
        return TranscriptParser.parse(Path.of("cases", "t.sql"), "t", List.of(lines));
    }

    @Test
    void statementsEndAtASemicolonOutsideQuotesAndKeepTheirLines() {
        Transcript t = parse(
                "create table t1 (a int,",
                "   b varchar(10));",
                "insert into t1 values (1, 'a;b'), (2, 'it''s;');",
                "select 'x", "y;' as v;",
                "select 1; -- a comment; with semicolons");
        assertThat(t.steps()).extracting(Step::sql).containsExactly(
                "create table t1 (a int,\nb varchar(10));",
                "insert into t1 values (1, 'a;b'), (2, 'it''s;');",
                "select 'x\ny;' as v;",
                "select 1; -- a comment; with semicolons");
        assertThat(t.steps()).extracting(Step::line).containsExactly(2, 3, 5, 6);
    }

    @Test
    void directivesApplyToTheNextStatementOnly() {
        Transcript t = parse(
                "-- @ignore:1,3",
                "-- @sortkey:0",
                "show snapshots;",
                "-- @pattern",
                "drop snapshot x;",
                "select 2;");
        Step first = t.steps().get(0);
        assertThat(first.ignoredColumns()).containsExactly(1, 3);
        assertThat(first.sortKeys()).containsExactly(0);
        assertThat(t.steps().get(1).errorPattern()).isTrue();
        assertThat(t.steps().get(1).ignoredColumns()).isEmpty();
        assertThat(t.steps().get(2).errorPattern()).isFalse();
    }

    @Test
    void sessionBlocksCarryTheirConnectionAndLogin() {
        Transcript t = parse(
                "select 1;",
                "-- @session:id=2&user=acc1:admin:accountadmin&password=111{",
                "create snapshot s for account;",
                "-- @session}",
                "select 3;");
        assertThat(t.steps()).extracting(Step::session).containsExactly(0, 2, 0);
        Step s = t.steps().get(1);
        assertThat(s.user()).isEqualTo("acc1:admin:accountadmin");
        assertThat(s.password()).isEqualTo("111");
        assertThat(t.steps().get(2).user()).isNull();
    }

    @Test
    void bvtIssueBlocksAreMarkedSkippedAndSkipIssueSkipsTheFile() {
        Transcript t = parse("select 1;", "-- @bvt:issue#123", "select 2;", "-- @bvt:issue", "select 3;");
        assertThat(t.steps()).extracting(Step::skipped).containsExactly(false, true, false);
        assertThat(parse("-- @skip:issue#9", "select 1;").skipped()).isTrue();
    }

    @Test
    void regexAndMetacmpDirectives() {
        Transcript t = parse(
                "--- @metacmp(false)",
                "-- @regex(\"table .* already exists\", true)",
                "create table t clone s;",
                "-- @metacmp(true)",
                "select 1;",
                "select 2;");
        assertThat(t.steps().get(0).regexes()).containsExactly(new Step.Regex("table .* already exists", true));
        assertThat(t.steps()).extracting(Step::compareMeta).containsExactly(false, true, false);
    }
}
