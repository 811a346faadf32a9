package io.matrixone.core.error;

/**
 * Masks the contents of string literals in SQL so that statements can appear in logs and exception
 * messages without leaking passwords ({@code IDENTIFIED BY '...'}), credentials in URLs, or user data.
 * Identifiers (back-quoted) and the statement's shape stay readable.
 */
public final class SqlRedactor {
    /** Longer statements are cut: a bulk INSERT has no place in an exception message. */
    public static final int MAX_LENGTH = 1000;
    static final String MASK = "***";

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
                int end = literalEnd(sql, i, c);
                out.append(c).append(MASK).append(c);
                i = end;
            } else if (c == '`') {
                int end = sql.indexOf('`', i + 1);
                while (end >= 0 && end + 1 < n && sql.charAt(end + 1) == '`') {
                    end = sql.indexOf('`', end + 2);
                }
                end = end < 0 ? n : end + 1;
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

    /** Index just past the literal that opens at {@code start}; handles doubled quotes and backslash escapes. */
    private static int literalEnd(String sql, int start, char quote) {
        int n = sql.length();
        int i = start + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\\') {
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
}
