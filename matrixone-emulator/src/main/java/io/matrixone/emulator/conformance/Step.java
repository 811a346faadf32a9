package io.matrixone.emulator.conformance;

import java.util.List;
import java.util.Objects;

/**
 * One statement of a transcript with the directives that apply to it (mo-tester's format).
 *
 * @param sql          the statement as written (trimmed lines joined by newlines), also its key in the result file
 * @param line         the 1-based line of the statement's last line in the transcript
 * @param session      the connection id: 0 is the file's default connection, others come from {@code @session:id=N}
 * @param user         the login of that connection, {@code null} for the default login
 * @param password     its password, {@code null} for the default
 * @param skipped      inside a {@code -- @bvt:issue#N} block: not run, not counted (MatrixOne's CI skips them too)
 * @param ignoredColumns column indexes not compared ({@code -- @ignore:1,2})
 * @param sortKeys     {@code -- @sortkey:0,1}: the rows are ordered by these columns
 * @param errorPattern {@code -- @pattern}: the expected error text is a regular expression
 * @param regexes      {@code -- @regex("p", include)} checks that replace the comparison
 * @param compareMeta  whether column labels are compared ({@code @metacmp}, default true)
 * @param sleepSeconds {@code -- @sleep:N} before the statement
 */
public record Step(String sql, int line, int session, String user, String password, boolean skipped,
                   List<Integer> ignoredColumns, List<Integer> sortKeys, boolean errorPattern, List<Regex> regexes,
                   boolean compareMeta, int sleepSeconds) {

    public Step {
        Objects.requireNonNull(sql, "sql");
        ignoredColumns = List.copyOf(ignoredColumns);
        sortKeys = List.copyOf(sortKeys);
        regexes = List.copyOf(regexes);
    }

    /** A {@code -- @regex("pattern", include)} check: the pattern must (or must not) occur in the answer's text. */
    public record Regex(String pattern, boolean include) {
    }
}
