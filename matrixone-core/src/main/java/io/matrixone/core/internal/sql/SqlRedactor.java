package io.matrixone.core.internal.sql;

import io.matrixone.core.internal.sql.SqlText;

/**
 * Masks the contents of string literals in SQL so that statements can appear in logs and exception
 * messages without leaking passwords ({@code IDENTIFIED BY '...'}), credentials in URLs, or user data.
 * Identifiers (back-quoted) and the statement's shape stay readable.
 */
public final class SqlRedactor {
    /** Longer statements are cut: a bulk INSERT has no place in an exception message. */
    public static final int MAX_LENGTH = 1000;
    public static final String MASK = "***";

    private SqlRedactor() {
    }

    public static String redact(String sql) {
        if (sql == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_LENGTH) + 16);
        int n = sql.length();
        int i = 0;
        while (i < n && out.length() < MAX_LENGTH) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = SqlText.quotedEnd(sql, i);
                out.append(c).append(MASK).append(c);
                i = end;
            } else if (c == '`') {
                int end = SqlText.quotedEnd(sql, i);
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        if (i < n || out.length() > MAX_LENGTH) {
            out.setLength(Math.min(out.length(), MAX_LENGTH));
            out.append("... (").append(n).append(" chars)");
        }
        return out.toString();
    }
}
