package io.matrixone.emulator.engine;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Replaces table references in client SQL with derived tables or other tables: how the emulator shows tables
 * MariaDB does not have in MatrixOne's shape (an IVF index's hidden tables, information_schema.columns with vector
 * types). The replacement keeps the table's name as its alias unless the query gives one, so qualified column
 * references ({@code t.col}) keep working.
 */
final class TableReferences {
    private static final Set<String> AFTER_TABLE = Set.of("WHERE", "GROUP", "ORDER", "LIMIT", "JOIN", "LEFT", "RIGHT",
            "INNER", "CROSS", "STRAIGHT_JOIN", "NATURAL", "FULL", "ON", "USING", "UNION", "EXCEPT", "INTERSECT", "HAVING",
            "WINDOW", "FOR", "LOCK", "INTO", "SET", "PARTITION", "USE", "IGNORE", "FORCE");

    private TableReferences() {
    }

    /**
     * The SQL with each {@code [schema.]name} reference for which {@code replacement} (given the schema, or null when
     * unqualified, and the name) answers a table expression ({@code `db`.`t`} or {@code (SELECT ...)}) replaced by it.
     * Only names in a FROM list or after JOIN count (so a DROP, DESCRIBE or INSERT INTO of such a name is left for
     * MariaDB to refuse); a name followed by a dot is a qualifier, not a table, and is left alone.
     */
    static String replace(String sql, List<Token> tokens, BiFunction<String, String, String> replacement) {
        StringBuilder out = null;
        int copied = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (!t.isIdentifier() || k + 1 < tokens.size() && tokens.get(k + 1).isPunct(".")) {
                continue;
            }
            boolean qualified = k >= 2 && tokens.get(k - 1).isPunct(".") && tokens.get(k - 2).isIdentifier();
            if (!qualified && k >= 1 && tokens.get(k - 1).isPunct(".")) {
                continue;
            }
            int first = qualified ? k - 2 : k;
            Token before = first > 0 ? tokens.get(first - 1) : null;
            if (before == null || !(before.is("FROM") || before.is("JOIN") || before.isPunct(","))) {
                continue;
            }
            String with = replacement.apply(qualified ? tokens.get(k - 2).value() : null, t.value());
            if (with == null) {
                continue;
            }
            out = out == null ? new StringBuilder(sql.length() + 512) : out;
            out.append(sql, copied, qualified ? tokens.get(k - 2).start() : t.start()).append(with);
            if (!hasAlias(tokens, k + 1)) {
                out.append(" AS ").append(Sql.id(t.value()));
            }
            copied = t.end();
        }
        return out == null ? sql : out.append(sql, copied, sql.length()).toString();
    }

    /** Whether {@code sql} contains {@code lowerNeedle} in any case, without copying a (possibly large) text. */
    static boolean mentions(String sql, String lowerNeedle) {
        for (int i = 0, last = sql.length() - lowerNeedle.length(); i <= last; i++) {
            if (sql.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAlias(List<Token> tokens, int next) {
        if (next >= tokens.size()) {
            return false;
        }
        Token t = tokens.get(next);
        return t.is("AS") || t.kind() == Token.Kind.QUOTED_IDENT
                || t.kind() == Token.Kind.WORD && !AFTER_TABLE.contains(t.upper());
    }
}
