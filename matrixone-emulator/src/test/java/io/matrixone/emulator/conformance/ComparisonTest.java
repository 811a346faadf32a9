package io.matrixone.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static Step step(List<Integer> ignored, List<Integer> sortKeys, boolean pattern) {
        return new Step("select 1;", 1, 0, null, null, false, ignored, sortKeys, pattern, List.of(), true, 0);
    }

    private static final Step PLAIN = step(List.of(), List.of(), false);

    private static Outcome.Rows rows(List<String> labels, List<String>... rows) {
        return new Outcome.Rows(labels, Arrays.asList(rows));
    }

    @Test
    void errorsMatchByMessageTextWithRunValuesMasked() {
        assertThat(Comparison.compare(PLAIN, "internal error: snapshot s does not exist",
                new Outcome.Failure(20101, "internal error: snapshot s does not exist")).match()).isTrue();
        assertThat(Comparison.compare(PLAIN, "Unknown database test",
                new Outcome.Failure(1049, "Unknown database 'test'")).match()).isFalse();
        assertThat(Comparison.compare(PLAIN, "internal error: input timestamp 2025-01-02 03:04:05 is bigger",
                new Outcome.Failure(20101, "internal error: input timestamp 2026-05-06 07:08:09 is bigger")).match()).isTrue();
        assertThat(Comparison.compare(step(List.of(), List.of(), true), "internal error: find .* records",
                new Outcome.Failure(20101, "internal error: find 0 snapshot records")).match()).isTrue();
    }

    @Test
    void okMatchesOnlyAnEmptyExpectation() {
        assertThat(Comparison.compare(PLAIN, "", new Outcome.Ok()).match()).isTrue();
        assertThat(Comparison.compare(PLAIN, "internal error: x", new Outcome.Ok()).match()).isFalse();
        assertThat(Comparison.compare(PLAIN, "", new Outcome.Failure(1, "x")).match()).isFalse();
        assertThat(Comparison.compare(PLAIN, "", rows(List.of("a"))).match()).isFalse();
        assertThat(Comparison.compare(PLAIN, null, new Outcome.Ok()).match()).isFalse();
    }

    @Test
    void legacyTablesCompareLabelsAndRowsInAnyOrder() {
        String expected = "SNAPSHOT_NAME    TIMESTAMP    SNAPSHOT_LEVEL    ACCOUNT_NAME\n"
                + "sp2    2025-07-19 05:51:11.493962    account    sys\n"
                + "sp1    2025-07-19 05:51:09.38    cluster    ";
        Outcome.Rows same = rows(List.of("SNAPSHOT_NAME", "TIMESTAMP", "SNAPSHOT_LEVEL", "ACCOUNT_NAME"),
                List.of("sp1", "2026-01-01 00:00:00.1", "cluster", ""), List.of("sp2", "2026-01-01 00:00:00.2", "account", "sys"));
        assertThat(Comparison.compare(PLAIN, expected, same).match()).isTrue();
        Outcome.Rows lowerLabels = rows(List.of("snapshot_name", "timestamp", "snapshot_level", "account_name"),
                same.rows().get(0), same.rows().get(1));
        assertThat(Comparison.compare(PLAIN, expected, lowerLabels).match()).isTrue();
        Outcome.Rows wrongLabel = rows(List.of("name", "TIMESTAMP", "SNAPSHOT_LEVEL", "ACCOUNT_NAME"),
                same.rows().get(0), same.rows().get(1));
        assertThat(Comparison.compare(PLAIN, expected, wrongLabel).match()).isFalse();
        Outcome.Rows noFraction = rows(same.labels(), List.of("sp1", "2026-01-01 00:00:00", "cluster", ""), same.rows().get(1));
        assertThat(Comparison.compare(PLAIN, expected, noFraction).match()).isFalse();
        Outcome.Rows json = rows(List.of("mo_ctl(dn, flush, t)"), List.of("{\n  \"result\": [\n    {\n      \"x\": 1\n    }\n]}"));
        assertThat(Comparison.compare(PLAIN, "mo_ctl(dn, flush, t)\n{\\n  \"result\": [\\n    {\\n      \"x\": 1\\n    }\\n]}", json)
                .match()).isTrue();
        Outcome.Rows emptyTail = rows(List.of("a", "b", "c", "d"), List.of("x", "", "", ""));
        assertThat(Comparison.compare(PLAIN, "a    b    c    d\nx            ", emptyTail).match()).isTrue();
        Outcome.Rows wrongLevel = rows(same.labels(), List.of("sp1", "2026-01-01 00:00:00.1", "account", ""), same.rows().get(1));
        assertThat(Comparison.compare(PLAIN, expected, wrongLevel).match()).isFalse();
    }

    @Test
    void ignoredColumnsNullsAndNumbers() {
        String expected = "a    b    c\n1    x    null\n2.50    y    3";
        Outcome.Rows got = rows(List.of("a", "b", "c"), Arrays.asList("1", "other", null), List.of("2.5", "z", "3"));
        assertThat(Comparison.compare(PLAIN, expected, got).match()).isFalse();
        assertThat(Comparison.compare(step(List.of(1), List.of(), false), expected, got).match()).isTrue();
        Outcome.Rows notNull = rows(List.of("a", "b", "c"), List.of("1", "x", "0"), List.of("2.5", "y", "3"));
        assertThat(Comparison.compare(PLAIN, expected, notNull).match()).isFalse();
    }

    @Test
    void modernTablesWithFullHeaders() {
        String expected = "➤ reldatabase[12,-1,0]  ¦  copied_grants[-5,64,0]  \uD834\uDD00\ncg_dst  ¦  6  \uD834\uDD00\ncg_src  ¦  0";
        assertThat(Comparison.compare(PLAIN, expected, rows(List.of("reldatabase", "copied_grants"),
                List.of("cg_src", "0"), List.of("cg_dst", "6"))).match()).isTrue();
        assertThat(Comparison.compare(PLAIN, expected, rows(List.of("reldatabase", "copied_grants"),
                List.of("cg_src", "6"), List.of("cg_dst", "0"))).match()).isFalse();
    }

    @Test
    void sortKeysKeepTheOrder() {
        String expected = "a\n2\n1";
        Outcome.Rows got = rows(List.of("a"), List.of("1"), List.of("2"));
        assertThat(Comparison.compare(PLAIN, expected, got).match()).isTrue();
        assertThat(Comparison.compare(step(List.of(), List.of(0), false), expected, got).match()).isFalse();
    }

    @Test
    void regexChecksReplaceTheComparison() {
        Step s = new Step("x;", 1, 0, null, null, false, List.of(), List.of(), false,
                List.of(new Step.Regex("table .* already exists", true), new Step.Regex("Duplicate", false)), true, 0);
        assertThat(Comparison.compare(s, "anything", new Outcome.Failure(1050, "table t already exists")).match()).isTrue();
        assertThat(Comparison.compare(s, "anything", new Outcome.Failure(1062, "Duplicate: table t already exists")).match())
                .isFalse();
        assertThat(Comparison.compare(s, "anything", new Outcome.Ok()).match()).isFalse();
    }

    @Test
    void lostAnswersNeverMatch() {
        assertThat(Comparison.compare(PLAIN, "", new Outcome.Lost("timeout")).match()).isFalse();
    }
}
