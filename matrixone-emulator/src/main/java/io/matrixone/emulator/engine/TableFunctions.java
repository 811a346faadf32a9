package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MatrixOne functions MariaDB lacks. The table function {@code generate_series(start, end [, step])} (one column,
 * {@code result}) reads MariaDB's Sequence engine: {@code FROM generate_series(1, 10) g} reads
 * {@code mysql.seq_1_to_10}; only constant integer arguments are rewritten, anything else is left to MariaDB
 * (which reports the function unknown). Scalar built-ins the emulator defines as stored functions in
 * {@code mo_catalog} ({@code cast_range_value_unit}) are called there.
 */
final class TableFunctions {
    private static final Set<String> TABLE_POSITION = Set.of("FROM", "JOIN", ",");

    private TableFunctions() {
    }

    /** Built-ins defined as stored functions in sys's {@code mo_catalog} (see {@link Catalog}). */
    private static final Set<String> STORED = Set.of("CAST_RANGE_VALUE_UNIT");

    /** A cheap test before {@link #rewrite}: whether the text names one of these functions at all. */
    static boolean mayRewrite(String sql) {
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("generate_series") || lower.contains("cast_range_value_unit");
    }

    static String rewrite(String sql, List<Token> tokens) {
        StringBuilder out = null;
        int copied = 0;
        for (int k = 0; k + 2 < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.kind() == Token.Kind.WORD && STORED.contains(t.upper()) && tokens.get(k + 1).isPunct("(")
                    && (k == 0 || !tokens.get(k - 1).isPunct("."))) {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(sql, copied, t.start()).append("mo_catalog.").append(t.value().toLowerCase(java.util.Locale.ROOT));
                copied = t.end();
                continue;
            }
            if (k == 0) {
                continue;
            }
            Token before = tokens.get(k - 1);
            if (!t.is("GENERATE_SERIES") || !tokens.get(k + 1).isPunct("(")
                    || !(TABLE_POSITION.contains(before.value().toUpperCase(java.util.Locale.ROOT)))) {
                continue;
            }
            List<Long> args = new ArrayList<>();
            int i = k + 2;
            while (i < tokens.size()) {
                boolean negative = tokens.get(i).isPunct("-");
                Token n = tokens.get(negative ? i + 1 : i);
                if (n.kind() != Token.Kind.NUMBER || !n.value().matches("\\d+")) {
                    break;
                }
                args.add(negative ? -Long.parseLong(n.value()) : Long.parseLong(n.value()));
                i += negative ? 2 : 1;
                if (tokens.get(i).isPunct(",")) {
                    i++;
                } else {
                    break;
                }
            }
            if (i >= tokens.size() || !tokens.get(i).isPunct(")") || args.isEmpty() || args.size() > 3) {
                continue;
            }
            long start = args.size() == 1 ? 1 : args.get(0);
            long end = args.size() == 1 ? args.get(0) : args.get(1);
            long step = args.size() == 3 ? args.get(2) : 1;
            if (start < 0 || end < 0 || step <= 0) {
                continue; // the Sequence engine counts with non-negative numbers only
            }
            if (out == null) {
                out = new StringBuilder();
            }
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean aliased = next != null && (next.is("AS") || next.kind() == Token.Kind.QUOTED_IDENT
                    || (next.kind() == Token.Kind.WORD && !NotAlias.follows(next)));
            String table = start > end ? "seq_" + start + "_to_" + end : "seq_" + start + "_to_" + end + (step == 1 ? "" : "_step_" + step);
            out.append(sql, copied, t.start()).append("(SELECT seq AS result FROM mysql.").append(table).append(")")
                    .append(aliased ? "" : " AS generate_series");
            copied = tokens.get(i).end();
            k = i;
        }
        return out == null ? sql : out.append(sql.substring(copied)).toString();
    }

    /** Words after a table reference that are not its alias. */
    private static final class NotAlias {
        private static final Set<String> WORDS = Set.of("WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "ON", "USING",
                "GROUP", "ORDER", "LIMIT", "HAVING", "UNION", "WINDOW", "FOR", "LOCK", "NATURAL", "STRAIGHT_JOIN");

        static boolean follows(Token t) {
            return WORDS.contains(t.upper());
        }
    }
}
