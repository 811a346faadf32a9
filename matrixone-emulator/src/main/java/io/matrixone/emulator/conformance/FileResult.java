package io.matrixone.emulator.conformance;

import java.util.List;
import java.util.Optional;

/**
 * The replay of one transcript.
 *
 * @param group      the case directory it was selected by ({@code snapshot}, {@code git4data/clone}, ...)
 * @param name       its path below the cases directory
 * @param statements one entry per statement, skipped ones included
 * @param note       why the file was not (fully) compared, or empty
 */
public record FileResult(String group, String name, List<StatementResult> statements, String note) {
    public FileResult {
        statements = List.copyOf(statements);
    }

    /**
     * @param line    line in the transcript
     * @param sql     the statement
     * @param feature its MatrixOne feature, empty for an ordinary statement
     * @param ran     false for statements in {@code @bvt:issue} blocks (not run, not counted)
     * @param verdict the comparison, {@code null} when not run
     */
    public record StatementResult(int line, String sql, Optional<String> feature, boolean ran, Comparison.Verdict verdict) {
        public boolean matched() {
            return ran && verdict.match();
        }
    }

    public long count(boolean featureOnly) {
        return statements.stream().filter(s -> s.ran() && (!featureOnly || s.feature().isPresent())).count();
    }

    public long matched(boolean featureOnly) {
        return statements.stream().filter(s -> s.matched() && (!featureOnly || s.feature().isPresent())).count();
    }

    public long notRun() {
        return statements.stream().filter(s -> !s.ran()).count();
    }
}
