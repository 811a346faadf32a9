package io.matrixone.client.internal;

import io.matrixone.core.dialect.SqlKind;

/**
 * Decides, before anything is sent, what kind of raw SQL a caller passed ({@link SqlKind} holds the rules). It
 * answers {@link SqlKind#ORDINARY} for the common verbs without parsing or allocating, so the hot path of
 * {@code query}/{@code execute} pays nothing for the check.
 */
public final class SqlGuard {
    private static final String[] ORDINARY_VERBS = {
        "SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "WITH", "VALUES", "EXPLAIN", "LOAD", "CALL", "TABLE",
        "DESC", "DESCRIBE", "TRUNCATE"
    };

    private SqlGuard() {
    }

    public static SqlKind kindOf(String sql) {
        int n = sql.length();
        int i = 0;
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < n && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        if (end > i && (end == n || !isWordChar(sql.charAt(end)))) {
            int len = end - i;
            for (String verb : ORDINARY_VERBS) {
                if (verb.length() == len && sql.regionMatches(true, i, verb, 0, len)) {
                    return SqlKind.ORDINARY;
                }
            }
        }
        return SqlKind.of(sql); // comments, parentheses and every other verb: the full rule
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
