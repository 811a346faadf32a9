package io.matrixone.core.internal.sql;

/**
 * Where quoted runs and comments end in SQL text: the one lexer for the places that read SQL the SDK did not build
 * (what a statement is, whether it holds a second statement, which parts to mask in logs). MatrixOne's rules, as
 * MySQL's: quotes are doubled to escape them; in string literals a backslash escapes the next character, in
 * back-quoted names it does not.
 */
public final class SqlText {
    private SqlText() {
    }

    /** The index just after the quoted run that opens at {@code start} with {@code '}, {@code "} or a back-quote. */
    public static int quotedEnd(String sql, int start) {
        char quote = sql.charAt(start);
        int n = sql.length();
        int i = start + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /**
     * The index just after the comment that opens at {@code i} ({@code /* ... *}{@code /}, {@code # ...} or
     * {@code -- ...} to the end of the line), or -1 when none opens there.
     */
    public static int commentEnd(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? n : end + 2;
        }
        if (c == '#' || c == '-' && i + 2 < n && sql.charAt(i + 1) == '-' && Character.isWhitespace(sql.charAt(i + 2))) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? n : end + 1;
        }
        return -1;
    }
}
