package io.matrixone.emulator.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * MatrixOne's values for an AUTO_INCREMENT column in a multi-row {@code INSERT ... VALUES} that gives some rows a
 * value and leaves the others to the server ({@code 0}, {@code NULL} or {@code DEFAULT}).
 * <p>
 * MariaDB generates in row order, so {@code (0),(1)} makes 1 for the first row and then fails on the explicit 1.
 * MatrixOne (4.2.0 {@code pkg/incrservice}, {@code insertAutoValues}) first takes every explicit value of the
 * statement out of the range it hands out: the values between the next free one and the largest explicit one that
 * no row gives are kept aside and reused first, each dropped once a later explicit row passes it; after them come
 * new values above the largest. So {@code (0),(1),(2),(3)} gives 4, 1, 2, 3 and {@code (0),(5),(NULL),(2)} gives
 * 1, 5, 6, 2 (both measured on 4.2.0). The emulator computes those values and sends them as explicit ones;
 * MariaDB's counter then ends where MatrixOne's does (one above the largest value).
 * <p>
 * Only literal rows are rewritten (a bound value or an expression leaves the statement to MariaDB), and two sessions
 * doing this at once on one table may pick the same values (MariaDB then reports a duplicate key, where MatrixOne's
 * allocator would not).
 */
final class AutoIncrement {
    private static final List<String> INSERT_MODIFIERS = List.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE");

    private AutoIncrement() {
    }

    /** The INSERT with MatrixOne's values for the rows that leave the AUTO_INCREMENT column to the server, or itself. */
    static String rewrite(String sql, List<Token> tokens, Db db) {
        if (!anyGeneratedValue(tokens)) {
            return sql; // the common case, bulk loads included: nothing to parse
        }
        Insert insert = parse(tokens);
        if (insert == null || insert.rows.size() < 2) {
            return sql;
        }
        boolean mixed = false;
        int width = insert.rows.get(0).size();
        for (int p = 0; p < width && !mixed; p++) {
            mixed = hasBoth(insert, tokens, p);
        }
        if (!mixed) {
            return sql; // all generated or all given: MariaDB and MatrixOne agree
        }
        String schema = insert.schema == null ? db.currentDatabase() : insert.schema;
        if (schema == null) {
            return sql;
        }
        int position = autoColumnPosition(db, schema, insert);
        if (position < 0 || position >= width || !hasBoth(insert, tokens, position)) {
            return sql;
        }
        String counter = db.scalar("SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                + Sql.str(schema) + " AND TABLE_NAME = " + Sql.str(insert.table));
        if (counter == null) {
            return sql;
        }
        List<Long> given = new ArrayList<>(); // per row: the explicit value, or null for a generated one
        for (List<int[]> row : insert.rows) {
            int[] v = row.get(position);
            given.add(isGenerated(tokens, v) ? null : explicitValue(tokens, v));
        }
        List<Long> values = values(Long.parseLong(counter), given);
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int copied = 0;
        for (int r = 0; r < insert.rows.size(); r++) {
            if (given.get(r) == null) {
                int[] v = insert.rows.get(r).get(position);
                out.append(sql, copied, tokens.get(v[0]).start()).append(values.get(r));
                copied = tokens.get(v[1] - 1).end();
            }
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    /**
     * The value of each row: the given ones as they are, the generated ones as MatrixOne's allocator hands them out
     * when its next free value is {@code next}.
     */
    static List<Long> values(long next, List<Long> given) {
        TreeSet<Long> explicit = new TreeSet<>();
        given.stream().filter(v -> v != null && v > 0).forEach(explicit::add);
        ArrayDeque<long[]> skipped = new ArrayDeque<>(); // free ranges [from, to) below the largest explicit value
        long cursor = next;
        for (long m : explicit) {
            if (m > cursor) {
                skipped.add(new long[] {cursor, m});
            }
            cursor = Math.max(cursor, m + 1);
        }
        List<Long> out = new ArrayList<>(given.size());
        for (Long v : given) {
            if (v != null) {
                while (!skipped.isEmpty() && skipped.peekFirst()[1] <= v) {
                    skipped.pollFirst(); // values below an explicit row already passed are not reused
                }
                if (!skipped.isEmpty()) {
                    skipped.peekFirst()[0] = Math.max(skipped.peekFirst()[0], v);
                }
                out.add(v);
            } else if (!skipped.isEmpty()) {
                long[] r = skipped.peekFirst();
                out.add(r[0]++);
                if (r[0] == r[1]) {
                    skipped.pollFirst();
                }
            } else {
                out.add(cursor++);
            }
        }
        return out;
    }

    private static boolean hasBoth(Insert insert, List<Token> tokens, int p) {
        boolean generated = false;
        boolean explicit = false;
        for (List<int[]> row : insert.rows) {
            int[] v = row.get(p);
            if (isGenerated(tokens, v)) {
                generated = true;
            } else if (explicitValue(tokens, v) != null) {
                explicit = true;
            } else {
                return false; // an expression, a bound value, a negative number: left to MariaDB
            }
        }
        return generated && explicit;
    }

    private static boolean isGenerated(List<Token> tokens, int[] v) {
        return v[1] - v[0] == 1 && isGenerated(tokens.get(v[0]));
    }

    /** {@code 0}, {@code NULL} or {@code DEFAULT}: a value that leaves the key to the server. */
    private static boolean isGenerated(Token t) {
        return t.is("NULL") || t.is("DEFAULT") || (isInteger(t) && t.value().matches("0+"));
    }

    /** Whether some value is a lone generated-key literal: between {@code (} or {@code ,} and {@code ,} or {@code )}. */
    private static boolean anyGeneratedValue(List<Token> tokens) {
        for (int k = 1; k + 1 < tokens.size(); k++) {
            Token before = tokens.get(k - 1);
            Token after = tokens.get(k + 1);
            if ((before.isPunct("(") || before.isPunct(",")) && (after.isPunct(",") || after.isPunct(")"))
                    && isGenerated(tokens.get(k))) {
                return true;
            }
        }
        return false;
    }

    /** A positive integer given for the key, or {@code null}. */
    private static Long explicitValue(List<Token> tokens, int[] v) {
        Token t = tokens.get(v[0]);
        return v[1] - v[0] == 1 && isInteger(t) && t.value().matches("0*[1-9][0-9]{0,17}") ? Long.valueOf(t.value()) : null;
    }

    /** A number, or a string of digits (clients that quote every value send {@code '1'}; both servers cast it). */
    private static boolean isInteger(Token t) {
        return (t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.STRING) && t.value().matches("[0-9]+");
    }

    /** The index of the AUTO_INCREMENT column among the row's values, or -1. */
    private static int autoColumnPosition(Db db, String schema, Insert insert) {
        List<List<String>> columns = db.rows("SELECT COLUMN_NAME, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                + Sql.str(schema) + " AND TABLE_NAME = " + Sql.str(insert.table) + " ORDER BY ORDINAL_POSITION");
        String auto = null;
        List<String> visible = new ArrayList<>();
        for (List<String> c : columns) {
            String extra = c.get(1) == null ? "" : c.get(1).toLowerCase(Locale.ROOT);
            if (extra.contains("auto_increment")) {
                auto = c.get(0);
            }
            if (!extra.contains("invisible")) {
                visible.add(c.get(0));
            }
        }
        if (auto == null) {
            return -1;
        }
        List<String> names = insert.columns == null ? visible : insert.columns;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(auto)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code INSERT [modifiers] [INTO] [schema.]table [(columns)] VALUES (...), (...)}; each value a token range. */
    private record Insert(String schema, String table, List<String> columns, List<List<int[]>> rows) {
    }

    private static Insert parse(List<Token> tokens) {
        int i = 0;
        if (tokens.isEmpty() || !tokens.get(0).is("INSERT")) {
            return null;
        }
        i++;
        while (i < tokens.size() && tokens.get(i).kind() == Token.Kind.WORD
                && INSERT_MODIFIERS.contains(tokens.get(i).upper())) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).is("INTO")) {
            i++;
        }
        if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            return null;
        }
        String schema = null;
        String table = tokens.get(i++).value();
        if (i + 1 < tokens.size() && tokens.get(i).isPunct(".") && tokens.get(i + 1).isIdentifier()) {
            schema = table;
            table = tokens.get(i + 1).value();
            i += 2;
        }
        List<String> columns = null;
        if (i < tokens.size() && tokens.get(i).isPunct("(")) {
            int close = VectorFunctions.matching(tokens, i);
            if (close < 0) {
                return null;
            }
            columns = new ArrayList<>();
            for (int k = i + 1; k < close; k++) {
                Token t = tokens.get(k);
                if (t.isIdentifier() && (k + 1 == close || tokens.get(k + 1).isPunct(","))) {
                    columns.add(t.value());
                } else if (!t.isPunct(",")) {
                    return null;
                }
            }
            i = close + 1;
        }
        if (i >= tokens.size() || !(tokens.get(i).is("VALUES") || tokens.get(i).is("VALUE"))) {
            return null;
        }
        i++;
        List<List<int[]>> rows = new ArrayList<>();
        while (i < tokens.size() && tokens.get(i).isPunct("(")) {
            int close = VectorFunctions.matching(tokens, i);
            if (close < 0) {
                return null;
            }
            List<int[]> row = new ArrayList<>();
            int start = i + 1;
            int depth = 0;
            for (int k = i + 1; k <= close; k++) {
                Token t = tokens.get(k);
                if (t.isPunct("(")) {
                    depth++;
                } else if (t.isPunct(")") && k < close) {
                    depth--;
                } else if (depth == 0 && (k == close || t.isPunct(","))) {
                    if (k == start) {
                        return null; // an empty value: not a row this rule is about
                    }
                    row.add(new int[] {start, k});
                    start = k + 1;
                }
            }
            if (!rows.isEmpty() && row.size() != rows.get(0).size()) {
                return null;
            }
            rows.add(row);
            i = close + 1;
            if (i < tokens.size() && tokens.get(i).isPunct(",")) {
                i++;
            } else {
                break;
            }
        }
        return rows.isEmpty() ? null : new Insert(schema, table, columns, rows);
    }
}
