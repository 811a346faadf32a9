package io.matrixone.emulator.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * MatrixOne's ngram full-text parser ({@code WITH PARSER ngram}) on MariaDB, which has none: InnoDB would see
 * "杨过摔下山坡" as one word where MatrixOne indexes the 3-character n-gram at every character and finds '杨过'.
 *
 * <p>A full-text index with the ngram parser keeps its InnoDB FULLTEXT index on the user's columns (so SHOW INDEX,
 * SHOW CREATE TABLE, clones and restores keep showing it as it is) and gets a shadow: an INVISIBLE column
 * {@code __mo_ft_<index>} (not in {@code SELECT *} nor in an INSERT without a column list) holding the row's text as
 * MatrixOne tokenises it, written by a BEFORE INSERT and a BEFORE UPDATE trigger, with an InnoDB FULLTEXT index of
 * the same name. {@code MATCH(title, body) AGAINST(...)} on such an index's columns becomes
 * {@code MATCH(__mo_ft_<index>) AGAINST(mo_ngram_against(...) IN BOOLEAN MODE)}: the pattern is translated by a
 * stored function, so a bound {@code ?} is translated as a literal is. The tokenisation and the translation are
 * stored functions in the emulator's schema ({@code ngram-fulltext.sql}), one implementation for rows and patterns.
 *
 * <p>The shadow is derived from the index and made again whenever the table's DDL may have changed it
 * ({@link #sync}): after CREATE / ALTER / DROP INDEX, a clone, a restore. Rows and patterns are tokenised as
 * MatrixOne 4.2.0 does (pkg/monlp/tokenizer/simple.go, pkg/fulltext); scores stay InnoDB's.
 */
final class NgramFulltext {
    /** Prefix of a shadow column's and its index's name. */
    static final String PREFIX = "__mo_ft_";
    /** A LIKE pattern (SQL text) for the shadow columns and their indexes, which MatrixOne's catalog never shows. */
    static final String SHADOW_LIKE = "'\\_\\_mo\\_ft\\_%'";
    private static final String SCHEMA = Catalog.META_SCHEMA;
    /** The shadow's type: hex tokens; a binary collation would break InnoDB's phrase search (MariaDB 10.11). */
    private static final String SHADOW_TYPE = "LONGTEXT CHARACTER SET ascii COLLATE ascii_general_ci INVISIBLE";

    private NgramFulltext() {
    }

    /** The stored functions; idempotent. */
    static List<String> installStatements() {
        String text;
        try (InputStream in = NgramFulltext.class.getResourceAsStream("ngram-fulltext.sql")) {
            if (in == null) {
                throw new IllegalStateException("ngram-fulltext.sql is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        String[] parts = text.split("(?m)^\\$\\$\\s*$");
        for (int i = 1; i < parts.length; i++) { // the first part is the file's comment
            out.add(parts[i].strip().replace("{schema}", SCHEMA));
        }
        return out;
    }

    /** Whether a column or index name is a shadow's. */
    static boolean isShadow(String name) {
        return name != null && name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The shadow's column and index name for a full-text index: unique per index, within MariaDB's 64 characters. */
    static String shadowName(String index) {
        String name = PREFIX + index;
        if (name.length() <= 64) {
            return name;
        }
        CRC32 crc = new CRC32();
        crc.update(index.getBytes(StandardCharsets.UTF_8));
        return (PREFIX + Long.toHexString(crc.getValue()) + "_" + index).substring(0, 64);
    }

    static boolean isNgram(VectorDdl.IndexMeta meta) {
        return meta != null && meta.algo().equals("fulltext") && "ngram".equals(meta.params().get("parser"));
    }

    // ------------------------------------------------------------------------------------------ DDL

    /**
     * Makes a table's shadows agree with its ngram indexes: a missing one is added and filled, one whose index is
     * gone is dropped, one whose columns changed is filled again, and the triggers are made, replaced or dropped.
     * Does nothing (three reads) when all agree.
     */
    static void sync(Db db, String schema, String table, Consumer<String> ddl) {
        Map<String, List<String>> wanted = new LinkedHashMap<>(); // shadow name -> the index's columns
        Set<String> shadowIndexes = new LinkedHashSet<>();
        for (VectorDdl.IndexRow r : VectorDdl.indexes(db, schema, table)) {
            if (isNgram(r.meta())) {
                wanted.put(shadowName(r.name()), r.columns());
            } else if (isShadow(r.name())) {
                shadowIndexes.add(r.name().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> present = new LinkedHashMap<>(); // lower-cased shadow name -> its comment
        List<String> onUpdate = new ArrayList<>();
        for (List<String> r : db.rows("SELECT COLUMN_NAME, COLUMN_COMMENT, EXTRA FROM information_schema.COLUMNS WHERE "
                + "TABLE_SCHEMA = " + Sql.str(schema) + " AND TABLE_NAME = " + Sql.str(table))) {
            if (isShadow(r.get(0))) {
                present.put(r.get(0).toLowerCase(Locale.ROOT), r.get(1));
            } else if (r.get(2) != null && r.get(2).toLowerCase(Locale.ROOT).contains("on update")) {
                onUpdate.add(r.get(0));
            }
        }
        if (wanted.isEmpty() && present.isEmpty()) {
            return;
        }
        String t = Sql.id(schema, table);
        List<String> alter = new ArrayList<>();
        List<String> fill = new ArrayList<>();
        for (String name : present.keySet()) {
            if (wanted.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                alter.add("DROP COLUMN " + Sql.id(name)); // its FULLTEXT index goes with it
            }
        }
        for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
            String name = e.getKey();
            String sources = String.join(",", e.getValue().stream().map(Sql::id).toList());
            String comment = present.get(name.toLowerCase(Locale.ROOT));
            if (comment == null) {
                alter.add("ADD COLUMN " + Sql.id(name) + " " + SHADOW_TYPE + " COMMENT " + Sql.str(sources));
            } else if (!comment.equals(sources)) {
                alter.add("MODIFY COLUMN " + Sql.id(name) + " " + SHADOW_TYPE + " COMMENT " + Sql.str(sources));
            }
            if (comment == null || !comment.equals(sources)) {
                fill.add(Sql.id(name) + " = " + tokens("", e.getValue()));
            }
            if (!shadowIndexes.contains(name.toLowerCase(Locale.ROOT))) {
                alter.add("ADD FULLTEXT INDEX " + Sql.id(name) + " (" + Sql.id(name) + ")");
            }
        }
        if (!alter.isEmpty()) {
            ddl.accept("ALTER TABLE " + t + " " + String.join(", ", alter));
        }
        triggers(db, schema, table, wanted, ddl); // first: an old UPDATE trigger may name a column gone
        if (!fill.isEmpty()) {
            // a column updated ON UPDATE CURRENT_TIMESTAMP keeps its value: the rows did not change
            onUpdate.forEach(c -> fill.add(Sql.id(c) + " = " + Sql.id(c)));
            ddl.accept("UPDATE " + t + " SET " + String.join(", ", fill));
        }
    }

    /** {@code mo_ngram_stream} of the columns joined by a newline, as MatrixOne joins them (NULLs left out). */
    private static String tokens(String row, List<String> columns) {
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            parts.add("CONVERT(" + row + Sql.id(c) + " USING utf8mb4)");
        }
        return "`" + SCHEMA + "`.mo_ngram_stream(CONCAT_WS(CHAR(10 USING utf8mb4), " + String.join(", ", parts) + "), 0)";
    }

    private static void triggers(Db db, String schema, String table, Map<String, List<String>> wanted,
                                 Consumer<String> ddl) {
        String insert = VectorDdl.triggerName("fi", table);
        String update = VectorDdl.triggerName("fu", table);
        String body = null;
        if (!wanted.isEmpty()) {
            List<String> sets = new ArrayList<>();
            wanted.forEach((name, columns) -> sets.add("NEW." + Sql.id(name) + " = " + tokens("NEW.", columns)));
            body = "SET " + String.join(", ", sets);
        }
        Map<String, String> existing = new LinkedHashMap<>();
        for (List<String> r : db.rows("SELECT TRIGGER_NAME, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE "
                + "EVENT_OBJECT_SCHEMA = " + Sql.str(schema) + " AND EVENT_OBJECT_TABLE = " + Sql.str(table)
                + " AND TRIGGER_NAME LIKE '\\_\\_mo\\_vec\\_f%'")) {
            existing.put(r.get(0), r.get(1));
        }
        for (String name : existing.keySet()) {
            if (body == null || !(name.equals(insert) || name.equals(update))) {
                ddl.accept("DROP TRIGGER IF EXISTS " + Sql.id(schema, name)); // a renamed table's old ones too
            }
        }
        if (body == null) {
            return;
        }
        // an UPDATE writes the shadow again whatever it changes: cheaper to compute than to compare byte for byte
        for (String[] trigger : List.of(new String[] {insert, "INSERT"}, new String[] {update, "UPDATE"})) {
            if (!body.equals(existing.get(trigger[0]))) {
                ddl.accept("CREATE OR REPLACE TRIGGER " + Sql.id(schema, trigger[0]) + " BEFORE " + trigger[1] + " ON "
                        + Sql.id(schema, table) + " FOR EACH ROW " + body);
            }
        }
    }

    /** Whether the table has a shadow column. */
    static boolean hasShadow(Db db, String schema, String table) {
        return !db.scalar("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " + Sql.str(schema)
                + " AND TABLE_NAME = " + Sql.str(table) + " AND COLUMN_NAME LIKE '\\_\\_mo\\_ft\\_%'").equals("0");
    }

    /**
     * The table a DDL statement creates or changes, {schema, table}: {@code CREATE TABLE t}, {@code CREATE ... INDEX
     * i ON t}, {@code ALTER TABLE t}, {@code DROP INDEX i ON t}; otherwise {@code null}.
     */
    static String[] tableOf(Statement s, String current) {
        int at;
        if (s.startsWith("ALTER", "TABLE")) {
            at = 2;
        } else if (s.startsWith("CREATE") && (s.matchesAt(1, "TABLE") || s.matchesAt(1, "TEMPORARY", "TABLE"))) {
            at = s.matchesAt(1, "TABLE") ? 2 : 3;
            if (s.matchesAt(at, "IF", "NOT", "EXISTS")) {
                at += 3;
            }
        } else if ((s.startsWith("CREATE") || s.startsWith("DROP", "INDEX")) && s.indexOf("INDEX") > 0 && s.indexOf("ON") > 0) {
            at = s.indexOf("ON") + 1;
        } else {
            return null;
        }
        Token first = s.get(at);
        if (first == null || !first.isIdentifier()) {
            return null;
        }
        if (s.get(at + 1) != null && s.get(at + 1).isPunct(".") && s.get(at + 2) != null) {
            return new String[] {first.value(), s.get(at + 2).value()};
        }
        return current == null ? null : new String[] {current, first.value()};
    }

    /** Whether a DDL statement may need {@link #syncAfter}: ALTER TABLE, DROP INDEX, CREATE TABLE ... LIKE. */
    static boolean maySyncAfter(Statement s) {
        return s.startsWith("ALTER", "TABLE") || s.startsWith("DROP", "INDEX")
                || s.startsWith("CREATE", "TABLE") && s.indexOf("LIKE") > 0;
    }

    /**
     * The table to {@link #sync} after a DDL statement that MariaDB runs as it is, or {@code null}: an ALTER TABLE or
     * DROP INDEX of a table with a shadow, a {@code CREATE TABLE t LIKE s} of one (the copy has no triggers).
     */
    static String[] syncAfter(Statement s, Db db) {
        String current = db.currentDatabase();
        String[] table = tableOf(s, current);
        if (table == null || s.startsWith("CREATE") && s.indexOf("INDEX") > 0) {
            return null;
        }
        if (s.startsWith("CREATE")) {
            int like = s.indexOf("LIKE");
            if (like < 0 || s.matchesAt(1, "TEMPORARY")) {
                return null; // MariaDB has no triggers on temporary tables
            }
            Token src = s.get(like + 1);
            boolean qualified = s.get(like + 2) != null && s.get(like + 2).isPunct(".");
            String[] source = src == null ? null : qualified ? new String[] {src.value(), s.get(like + 3).value()}
                    : current == null ? null : new String[] {current, src.value()};
            return source != null && hasShadow(db, source[0], source[1]) ? table : null;
        }
        return hasShadow(db, table[0], table[1]) ? table : null;
    }

    // ------------------------------------------------------------------------------------------ MATCH ... AGAINST

    /** An ngram index the statement may search: its table, its columns, its shadow. */
    private record Target(String schema, String table, List<String> columns, String shadow) {
    }

    /** One {@code MATCH (cols) AGAINST (...)}: token indexes. */
    private record Match(int match, int open, int close, int against, int end) {
    }

    /**
     * {@code MATCH(cols) AGAINST(pattern [mode])} on an ngram index's columns as a boolean-mode search of its shadow,
     * the pattern translated by {@code mo_ngram_against}; other MATCHes and query expansion are left alone.
     * Returns {@code sql} itself when there is nothing to rewrite. A MATCH in the select list is first added to the
     * WHERE clause ({@link VectorFunctions#matchInSelectListFilters}), which can no longer see a literal after this.
     */
    static String rewrite(String sql, List<Token> tokens, Db db) {
        List<Match> matches = matches(tokens);
        if (matches.isEmpty()) {
            return sql;
        }
        List<Target> targets = targets(tokens, db);
        if (targets.isEmpty() || matches.stream().noneMatch(m -> target(tokens, m, targets) != null)) {
            return sql;
        }
        String filtered = VectorFunctions.matchInSelectListFilters(sql, tokens);
        List<Token> toks = filtered == sql ? tokens : SqlLexer.tokenize(filtered);
        List<Match> all = matches(toks);
        StringBuilder out = new StringBuilder(filtered);
        for (int i = all.size() - 1; i >= 0; i--) { // from the end: earlier offsets stay valid
            Match m = all.get(i);
            Target target = target(toks, m, targets);
            int modeAt = modeStart(toks, m);
            if (target == null || modeAt == m.against() + 2) {
                continue;
            }
            if (toks.get(modeAt).is("WITH")) {
                throw MoException.internal("Query Expansion mode not supported"); // 4.2.0's answer, any parser
            }
            boolean bool = toks.get(modeAt).is("IN") && toks.get(modeAt + 1).is("BOOLEAN");
            Token firstColumn = toks.get(m.open() + 1);
            int columnToken = m.open() + 1;
            while (toks.get(columnToken + 1).isPunct(".")) {
                columnToken += 2;
            }
            String qualifier = filtered.substring(firstColumn.start(), toks.get(columnToken).start());
            String pattern = filtered.substring(toks.get(m.against() + 2).start(), toks.get(modeAt - 1).end());
            String replacement = "MATCH(" + qualifier + Sql.id(target.shadow()) + ") AGAINST(`" + SCHEMA
                    + "`.mo_ngram_against(" + pattern + ", " + (bool ? 1 : 0) + ") IN BOOLEAN MODE)";
            out.replace(toks.get(m.match()).start(), toks.get(m.end()).end(), replacement);
        }
        return out.toString();
    }

    private static List<Match> matches(List<Token> tokens) {
        List<Match> out = new ArrayList<>();
        for (int k = 0; k + 1 < tokens.size(); k++) {
            if (!tokens.get(k).is("MATCH") || !tokens.get(k + 1).isPunct("(")) {
                continue;
            }
            int close = VectorFunctions.matching(tokens, k + 1);
            if (close < 0 || close + 2 >= tokens.size() || !tokens.get(close + 1).is("AGAINST")
                    || !tokens.get(close + 2).isPunct("(")) {
                continue;
            }
            int end = VectorFunctions.matching(tokens, close + 2);
            if (end > 0) {
                out.add(new Match(k, k + 1, close, close + 1, end));
            }
        }
        return out;
    }

    /**
     * Where AGAINST's mode starts ({@code IN ... MODE} or {@code WITH QUERY EXPANSION}), or its closing bracket when
     * it has none.
     */
    private static int modeStart(List<Token> t, Match m) {
        int end = m.end();
        if (end - 3 > m.against() + 2 && t.get(end - 3).is("IN") && t.get(end - 2).is("BOOLEAN") && t.get(end - 1).is("MODE")) {
            return end - 3;
        }
        if (end - 4 > m.against() + 2 && t.get(end - 4).is("IN") && t.get(end - 3).is("NATURAL")
                && t.get(end - 2).is("LANGUAGE") && t.get(end - 1).is("MODE")) {
            return end - 4;
        }
        for (int k = m.against() + 2; k < end; k++) {
            if (t.get(k).is("WITH") && t.get(k + 1).is("QUERY")) {
                return k;
            }
        }
        return end;
    }

    /** The ngram indexes of the tables the statement names (in the current database or a named one). */
    private static List<Target> targets(List<Token> tokens, Db db) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> schemas = new LinkedHashSet<>();
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.isIdentifier()) {
                names.add(t.value());
                if (k + 1 < tokens.size() && tokens.get(k + 1).isPunct(".")) {
                    schemas.add(t.value());
                }
            }
        }
        String schemaFilter = "TABLE_SCHEMA = DATABASE()" + (schemas.isEmpty() ? ""
                : " OR TABLE_SCHEMA IN (" + String.join(", ", schemas.stream().map(Sql::str).toList()) + ")");
        Map<String, Map<String, List<String>>> ngram = new LinkedHashMap<>(); // schema.table -> index -> columns
        Set<String> shadows = new LinkedHashSet<>();
        for (List<String> r : db.rows("SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, INDEX_COMMENT, COLUMN_NAME FROM "
                + "information_schema.STATISTICS WHERE (" + schemaFilter + ") AND TABLE_NAME IN ("
                + String.join(", ", names.stream().map(Sql::str).toList()) + ") AND INDEX_TYPE = 'FULLTEXT' "
                + "ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) {
            String key = r.get(0) + "\u0000" + r.get(1);
            if (isShadow(r.get(2))) {
                shadows.add(key + "\u0000" + r.get(2).toLowerCase(Locale.ROOT));
            } else if (isNgram(VectorDdl.indexMeta(r.get(3)))) {
                ngram.computeIfAbsent(key, x -> new LinkedHashMap<>()).computeIfAbsent(r.get(2), x -> new ArrayList<>())
                        .add(r.get(4));
            }
        }
        List<Target> out = new ArrayList<>();
        ngram.forEach((key, indexes) -> indexes.forEach((index, columns) -> {
            String shadow = shadowName(index);
            if (shadows.contains(key + "\u0000" + shadow.toLowerCase(Locale.ROOT))) { // else InnoDB's own search
                String[] st = key.split("\u0000");
                out.add(new Target(st[0], st[1], columns, shadow));
            }
        }));
        return out;
    }

    /** The one target whose columns are the MATCH's and whose table the columns' qualifier names, or null. */
    private static Target target(List<Token> t, Match m, List<Target> targets) {
        List<String> columns = new ArrayList<>();
        String qualifier = null;
        int k = m.open() + 1;
        while (k < m.close()) {
            List<String> parts = new ArrayList<>();
            while (k < m.close() && t.get(k).isIdentifier()) {
                parts.add(t.get(k).value());
                k++;
                if (k < m.close() && t.get(k).isPunct(".")) {
                    k++;
                } else {
                    break;
                }
            }
            if (parts.isEmpty() || k < m.close() && !t.get(k).isPunct(",")) {
                return null; // not a plain column list
            }
            columns.add(parts.get(parts.size() - 1).toLowerCase(Locale.ROOT));
            if (parts.size() > 1) {
                qualifier = parts.get(parts.size() - 2);
            }
            k++;
        }
        Target found = null;
        for (Target target : targets) {
            List<String> cols = target.columns().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            if (cols.size() != columns.size() || !cols.containsAll(columns)
                    || qualifier != null && !qualifier.equalsIgnoreCase(target.table())
                    && !aliases(t, target.table(), qualifier)) {
                continue;
            }
            if (found != null) {
                return null; // two tables could be meant: MariaDB's own search (and its error)
            }
            found = target;
        }
        return found;
    }

    /** Whether the statement names {@code table} with the alias {@code alias} ({@code table [AS] alias}). */
    private static boolean aliases(List<Token> t, String table, String alias) {
        for (int k = 0; k + 1 < t.size(); k++) {
            if (t.get(k).isIdentifier() && t.get(k).value().equalsIgnoreCase(table)) {
                int a = t.get(k + 1).is("AS") ? k + 2 : k + 1;
                if (a < t.size() && t.get(a).isIdentifier() && t.get(a).value().equalsIgnoreCase(alias)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ SHOW

    /** SHOW CREATE TABLE text without the shadow columns and indexes. */
    static String hideInCreate(String text) {
        if (text == null || !text.contains("`" + PREFIX)) {
            return text;
        }
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith("`" + PREFIX) || l.startsWith("FULLTEXT KEY `" + PREFIX)) {
                continue;
            }
            kept.add(line);
        }
        for (int i = 0; i + 1 < kept.size(); i++) { // the element before the closing bracket has no comma
            if (kept.get(i + 1).startsWith(")") && kept.get(i).endsWith(",")) {
                kept.set(i, kept.get(i).substring(0, kept.get(i).length() - 1));
            }
        }
        return String.join("\n", kept);
    }

    /** {@code SHOW [FULL] COLUMNS|FIELDS FROM|IN t [FROM|IN db] ...}. */
    static boolean isShowColumns(Statement s) {
        int k = s.matchesAt(1, "FULL") ? 2 : 1;
        return s.startsWith("SHOW") && (s.matchesAt(k, "COLUMNS") || s.matchesAt(k, "FIELDS"))
                && (s.matchesAt(k + 1, "FROM") || s.matchesAt(k + 1, "IN"));
    }

    /** SHOW COLUMNS of a table with a shadow: MariaDB's answer without it; other tables are forwarded. */
    static Reply showColumns(String physicalSql, Session session) {
        Statement s = new Statement(physicalSql, SqlLexer.tokenize(physicalSql));
        Db db = new Db(session.backend());
        int k = (s.matchesAt(1, "FULL") ? 2 : 1) + 2;
        Token first = s.get(k);
        String schema;
        String table;
        if (s.get(k + 1) != null && s.get(k + 1).isPunct(".")) {
            schema = first.value();
            table = s.get(k + 2).value();
        } else {
            table = first.value();
            schema = (s.matchesAt(k + 1, "FROM") || s.matchesAt(k + 1, "IN")) && s.get(k + 2) != null
                    ? s.get(k + 2).value() : db.currentDatabase();
        }
        if (schema == null || !hasShadow(db, schema, table)) {
            return new Reply.Forward(physicalSql);
        }
        BackendResult r = session.backend().execute(physicalSql);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : r.rows()) {
            if (!isShadow(row.get(0))) {
                rows.add(row);
            }
        }
        return new Reply.ResultSet(r.columns().stream().map(Column::varchar).toList(), rows);
    }
}
