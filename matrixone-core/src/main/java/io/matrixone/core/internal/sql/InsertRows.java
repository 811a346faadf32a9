package io.matrixone.core.internal.sql;

import java.util.Locale;

/**
 * A one-row {@code INSERT [INTO] table [(columns)] VALUES (?, ..., ?)} that a client may send for many rows as
 * multi-row statements, {@code ... VALUES (?, ?), (?, ?), ...}: the same rows, the same checks, one round trip per
 * statement instead of per row. Only that exact shape is recognised: no IGNORE or other modifier, no ON DUPLICATE
 * KEY UPDATE, no SELECT or SET form, no comment, nothing but placeholders in the row, nothing after it. For those
 * the affected-row count of a statement is its number of rows, so each row's count is 1.
 *
 * @param head  the statement up to and including {@code VALUES}, followed by one space
 * @param width placeholders per row
 */
public record InsertRows(String head, int width) {
    /** Most rows per statement; also at most 65,535 placeholders (the protocol's limit for a prepared statement). */
    public static final int MAX_ROWS = 1_000;

    /** The shape of {@code sql}, or null when it is not exactly a one-row INSERT of placeholders. */
    public static InsertRows of(String sql) {
        String s = sql.strip();
        int n = s.length();
        if (n < 6 || !s.regionMatches(true, 0, "INSERT", 0, 6) || n == 6 || !Character.isWhitespace(s.charAt(6))) {
            return null;
        }
        int values = -1;
        int valuesEnd = -1;
        for (int i = 6; i < n; ) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                return null; // a literal before VALUES: not this shape
            }
            if (c == '`') {
                i = SqlText.quotedEnd(s, i);
                continue;
            }
            if (c == '?' || c == ';' || SqlText.commentEnd(s, i) >= 0) {
                return null;
            }
            if (Character.isLetter(c) || c == '_' || c == '$') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '$')) {
                    end++;
                }
                String word = s.substring(i, end).toUpperCase(Locale.ROOT);
                if (word.equals("VALUES") || word.equals("VALUE")) {
                    values = i;
                    valuesEnd = end;
                    break;
                }
                if (word.equals("SELECT") || word.equals("SET") || word.equals("IGNORE") || word.equals("DELAYED")
                        || word.equals("LOW_PRIORITY") || word.equals("HIGH_PRIORITY") || word.equals("PARTITION")) {
                    return null;
                }
                i = end;
                continue;
            }
            i++;
        }
        if (values < 0) {
            return null;
        }
        int i = skipSpace(s, valuesEnd);
        if (i >= n || s.charAt(i) != '(') {
            return null;
        }
        int width = 0;
        boolean expectPlaceholder = true;
        for (i = skipSpace(s, i + 1); i < n; i = skipSpace(s, i + 1)) {
            char c = s.charAt(i);
            if (expectPlaceholder && c == '?') {
                width++;
                expectPlaceholder = false;
            } else if (!expectPlaceholder && c == ',') {
                expectPlaceholder = true;
            } else if (!expectPlaceholder && c == ')') {
                return skipSpace(s, i + 1) == n ? new InsertRows(s.substring(0, valuesEnd) + " ", width) : null;
            } else {
                return null;
            }
        }
        return null;
    }

    /** Rows per statement for this width: {@value #MAX_ROWS}, fewer when that would pass 65,535 placeholders. */
    public int rowsPerStatement() {
        return Math.max(1, Math.min(MAX_ROWS, 65_535 / width));
    }

    /** The statement for {@code rows} rows. */
    public String sql(int rows) {
        StringBuilder group = new StringBuilder("(");
        for (int i = 0; i < width; i++) {
            group.append(i == 0 ? "?" : ", ?");
        }
        group.append(')');
        StringBuilder sb = new StringBuilder(head.length() + rows * (group.length() + 2)).append(head);
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sb.append(", ");
            }
            sb.append(group);
        }
        return sb.toString();
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
