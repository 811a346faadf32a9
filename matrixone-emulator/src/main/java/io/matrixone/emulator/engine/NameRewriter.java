package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rewrites the database names in a non-sys account's SQL to that account's physical schemas ({@link Namespace}).
 * A database name is recognised where the grammar allows only one: after {@code USE}, in
 * {@code CREATE/DROP/ALTER DATABASE}, {@code SHOW ... FROM db}, the first part of a three-part name, and the first
 * part of a two-part name in a table position (after FROM, JOIN, INTO, UPDATE, TABLE, REFERENCES, ..., and after
 * commas in a FROM or DROP TABLE list). Elsewhere {@code x.y} is a table and a column and is left alone.
 */
final class NameRewriter {
    /** Keywords after which a (possibly qualified) table name follows. */
    private static final Set<String> TABLE_AFTER = Set.of("FROM", "JOIN", "STRAIGHT_JOIN", "INTO", "UPDATE", "TABLE",
            "TABLES", "REFERENCES", "VIEW", "DESC", "DESCRIBE", "TRUNCATE", "INSERT", "REPLACE");
    /** Keywords that end a comma-separated table list. */
    private static final Set<String> LIST_END = Set.of("WHERE", "ON", "USING", "SET", "GROUP", "ORDER", "HAVING", "LIMIT",
            "UNION", "EXCEPT", "INTERSECT", "VALUES", "VALUE", "SELECT", "WINDOW", "FOR", "LOCK", "INTO", "RETURNING",
            "PARTITION", "READ", "WRITE", "CASCADE", "RESTRICT");

    private NameRewriter() {
    }

    /** {@link #rewrite(String, List, Namespace)} of SQL the engine holds (it lexes). */
    static String rewrite(String sql, Namespace ns) {
        return ns.isSys() ? sql : rewrite(sql, SqlLexer.tokenize(sql), ns);
    }

    /** The query with every database name mapped into {@code ns}; the query itself when nothing changes. */
    static String rewrite(String sql, List<Token> tokens, Namespace ns) {
        if (ns.isSys()) {
            return sql;
        }
        Set<Integer> positions = new TreeSet<>();
        for (Statement s : Statement.split(sql, tokens)) {
            int offset = tokens.indexOf(s.first());
            for (int i : databasePositions(s)) {
                positions.add(offset + i);
            }
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        boolean changed = false;
        for (int i : positions) {
            Token t = tokens.get(i);
            String physical = ns.physical(t.value());
            if (physical.equals(t.value())) {
                continue;
            }
            out.append(sql, copied, t.start()).append(Sql.id(physical));
            copied = t.end();
            changed = true;
        }
        return changed ? out.append(sql.substring(copied)).toString() : sql;
    }

    /** Indexes of the statement's tokens that name a database. */
    static List<Integer> databasePositions(Statement s) {
        List<Integer> out = new ArrayList<>();
        int n = s.size();
        String verb = s.first().kind() == Token.Kind.WORD ? s.first().upper() : "";
        if (verb.equals("USE") && ident(s, 1)) {
            out.add(1);
        }
        if ((verb.equals("CREATE") || verb.equals("DROP") || verb.equals("ALTER"))
                && (s.matchesAt(1, "DATABASE") || s.matchesAt(1, "SCHEMA"))) {
            int i = skipIfExists(s, 2);
            if (ident(s, i)) {
                out.add(i);
            }
        }
        if (verb.equals("SHOW")) {
            showPositions(s, out);
        }
        boolean createTable = verb.equals("CREATE") && s.indexOf("TABLE") > 0;
        boolean onTable = verb.equals("GRANT") || verb.equals("REVOKE") || (verb.equals("CREATE") && s.indexOf("INDEX") > 0);
        boolean toTable = verb.equals("RENAME") || verb.equals("ALTER");
        int depth = 0;
        int listDepth = -1;
        for (int i = 0; i < n; i++) {
            Token t = s.get(i);
            if (t.isPunct("(")) {
                depth++;
                continue;
            }
            if (t.isPunct(")")) {
                depth--;
                if (depth < listDepth) {
                    listDepth = -1;
                }
                continue;
            }
            if (t.kind() == Token.Kind.WORD && depth == listDepth && LIST_END.contains(t.upper())) {
                listDepth = -1;
            }
            if (!ident(s, i) || !s.get(i + 1 < n ? i + 1 : i).isPunct(".") || i + 2 >= n) {
                if (t.kind() == Token.Kind.WORD && (t.is("FROM") || t.is("JOIN") || t.is("TABLES")
                        || (t.is("TABLE") && verb.equals("DROP")) || t.is("UPDATE"))) {
                    listDepth = depth;
                }
                continue;
            }
            if (i > 0 && s.get(i - 1).isPunct(".")) {
                continue; // the second part of a name
            }
            Token second = s.get(i + 2);
            if (!(second.isIdentifier() || second.isPunct("*"))) {
                continue;
            }
            boolean threePart = i + 4 < n && s.get(i + 3).isPunct(".") && (ident(s, i + 4) || s.get(i + 4).isPunct("*"));
            if (threePart || tablePosition(s, i, createTable, onTable, toTable, depth == listDepth)) {
                out.add(i);
            }
            i += 2;
        }
        return out;
    }

    private static boolean tablePosition(Statement s, int i, boolean createTable, boolean onTable, boolean toTable,
                                         boolean inList) {
        if (i == 0) {
            return false;
        }
        Token p = s.get(i - 1);
        if (p.isPunct(",")) {
            return inList;
        }
        if (p.kind() != Token.Kind.WORD) {
            return false;
        }
        String w = p.upper();
        if (w.equals("UPDATE") && i >= 2 && s.get(i - 2).is("KEY")) {
            return false; // ON DUPLICATE KEY UPDATE t.col = ...
        }
        return TABLE_AFTER.contains(w)
                || (w.equals("EXISTS") && i >= 2 && (s.get(i - 2).is("IF") || s.get(i - 2).is("NOT")))
                || (w.equals("LIKE") && createTable)
                || (w.equals("CLONE"))
                || (w.equals("ON") && onTable)
                || (w.equals("TO") && toTable);
    }

    /** SHOW TABLES|TABLE STATUS|... FROM db, SHOW COLUMNS|INDEX FROM t FROM db, SHOW CREATE DATABASE db. */
    private static void showPositions(Statement s, List<Integer> out) {
        if (s.matchesAt(1, "CREATE") && (s.matchesAt(2, "DATABASE") || s.matchesAt(2, "SCHEMA"))) {
            int i = skipIfExists(s, 3);
            if (ident(s, i)) {
                out.add(i);
            }
            return;
        }
        int i = s.matchesAt(1, "FULL") || s.matchesAt(1, "EXTENDED") ? 2 : 1;
        boolean tableFirst = s.matchesAt(i, "COLUMNS") || s.matchesAt(i, "FIELDS") || s.matchesAt(i, "INDEX")
                || s.matchesAt(i, "INDEXES") || s.matchesAt(i, "KEYS") || s.matchesAt(i, "KEY");
        int seen = 0;
        for (int k = i; k < s.size(); k++) {
            if ((s.get(k).is("FROM") || s.get(k).is("IN")) && ident(s, k + 1)) {
                seen++;
                boolean qualified = s.get(k + 2) != null && s.get(k + 2).isPunct(".");
                if (!qualified && (tableFirst ? seen == 2 : seen == 1)) {
                    out.add(k + 1);
                }
            }
        }
    }

    private static int skipIfExists(Statement s, int i) {
        if (s.matchesAt(i, "IF", "NOT", "EXISTS")) {
            return i + 3;
        }
        return s.matchesAt(i, "IF", "EXISTS") ? i + 2 : i;
    }

    private static boolean ident(Statement s, int i) {
        Token t = s.get(i);
        return t != null && t.isIdentifier();
    }
}
