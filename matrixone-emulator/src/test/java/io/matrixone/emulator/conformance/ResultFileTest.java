package io.matrixone.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResultFileTest {

    @Test
    void eachStatementGetsTheTextUpToTheNextOne() {
        Transcript t = TranscriptParser.parse(Path.of("t.sql"), "t", List.of(
                "create snapshot s1 for account;", "show snapshots;", "drop snapshot nope;", "select 1;"));
        String result = String.join("\n",
                "create snapshot s1 for account;",
                "show snapshots;",
                "SNAPSHOT_NAME    TIMESTAMP",
                "s1    2025-07-19 05:51:11.493962",
                "drop snapshot nope;",
                "internal error: snapshot nope does not exist",
                "select 1;",
                "1",
                "1",
                "");
        assertThat(ResultFile.expectations(result, t.steps())).containsExactly(
                "",
                "SNAPSHOT_NAME    TIMESTAMP\ns1    2025-07-19 05:51:11.493962",
                "internal error: snapshot nope does not exist",
                "1\n1");
    }

    @Test
    void aStatementMissingFromTheResultFileLosesTheRestOfTheFile() {
        Transcript t = TranscriptParser.parse(Path.of("t.sql"), "t", List.of("select 1;", "select 2;", "select 3;"));
        List<String> e = ResultFile.expectations("select 1;\n1\n1\nselect 3;\n3\n3", t.steps());
        // the answer of "select 1" cannot be delimited without "select 2" either
        assertThat(e).containsExactly(null, null, null);
        assertThat(ResultFile.expectations("select 1;\n1\n1\nselect 2;\nselect 3;\n3\n3", t.steps()))
                .containsExactly("1\n1", "", "3\n3");
    }

    @Test
    void regexLinesAreNotPartOfTheAnswer() {
        Transcript t = TranscriptParser.parse(Path.of("t.sql"), "t", List.of("-- @regex(\"x\", true)", "select 1;"));
        assertThat(ResultFile.expectations("select 1;\n-- @regex(\"x\", true)\nx\nx\n", t.steps())).containsExactly("x\nx");
    }
}
