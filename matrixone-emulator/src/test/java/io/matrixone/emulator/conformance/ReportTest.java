package io.matrixone.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static FileResult.StatementResult st(String sql, String feature, boolean match) {
        return new FileResult.StatementResult(1, sql, Optional.ofNullable(feature), true,
                new Comparison.Verdict(match, match ? "" : "differs"));
    }

    private static final List<FileResult> FILES = List.of(
            new FileResult("snapshot", "snapshot/a.sql", List.of(st("create snapshot s for account;", "snapshot", true),
                    st("select 1;", null, true), st("show snapshots;", "snapshot", false),
                    new FileResult.StatementResult(9, "select 2;", Optional.empty(), false, null)), ""),
            new FileResult("pitr", "pitr/b.sql", List.of(st("create pitr p range 1 'h';", "pitr", true)), ""));

    @Test
    void totalsPerDirectoryAndFeature() {
        Report r = new Report("emulator", "Emulator", List.of("Server: x."), FILES);
        assertThat(r.total()).isEqualTo(new Report.Tally(2, 3, 2, 4, 3, 1));
        assertThat(r.byGroup().get("snapshot")).isEqualTo(new Report.Tally(1, 2, 1, 3, 2, 1));
        assertThat(r.byFeature().get("snapshot")).containsExactly(2, 1);
        String md = r.markdown();
        assertThat(md).contains("| **total** | 2 | 2 / 3 (66.7%) | 3 / 4 (75.0%) | 1 |");
        assertThat(md).contains("| snapshot/a.sql | 1 / 2 (50.0%) | 2 / 3 (66.7%) |  |");
    }

    @Test
    void writingReplacesOnlyItsOwnSection(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("fidelity.md");
        Files.writeString(doc, "# Fidelity\n\nhand-written intro\n");
        new Report("emulator", "Emulator", List.of(), FILES).writeInto(doc);
        new Report("real-server", "Real server", List.of(), FILES.subList(1, 2)).writeInto(doc);
        new Report("emulator", "Emulator", List.of(), FILES.subList(0, 1)).writeInto(doc);
        String text = Files.readString(doc);
        assertThat(text).startsWith("# Fidelity\n\nhand-written intro\n");
        assertThat(text.split("<!-- begin emulator ", -1)).hasSize(2);
        assertThat(text.split("<!-- begin real-server ", -1)).hasSize(2);
        assertThat(text.indexOf("## Emulator")).isLessThan(text.indexOf("## Real server"));
        String emulator = text.substring(text.indexOf("<!-- begin emulator"), text.indexOf("<!-- end emulator"));
        assertThat(emulator).contains("snapshot/a.sql").doesNotContain("pitr/b.sql");
        assertThat(text.substring(text.indexOf("<!-- begin real-server"))).contains("pitr/b.sql");
    }
}
