package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * MatrixOne's vector and full-text DDL on MariaDB. Everything is kept in MariaDB's own metadata, so that it follows
 * the table through renames, snapshots, clones and restores without a catalog of the emulator's:
 * <ul>
 *   <li>a {@code vecf32(n)} / {@code vecf64(n)} column is a {@code MEDIUMTEXT} column whose comment starts with
 *       {@code [mo:vecf32(n)]} (a user comment follows it); two triggers per table check and normalise what is
 *       written to it ({@code mo_vec_in}, see {@link VectorFunctions});</li>
 *   <li>an IVF-flat or HNSW index is a one-character prefix index on that column whose comment is
 *       {@code mo:ivfflat {"lists":"4","op_type":"vector_l2_ops"}} (MatrixOne's {@code Index_params}), for IVF-flat
 *       followed by {@code #<build>}, the id of its centroids ({@link IvfIndexTables}); searches are exact scans,
 *       the options are recorded and shown;</li>
 *   <li>a full-text index is MariaDB's InnoDB FULLTEXT index with comment {@code mo:fulltext} plus its parameters
 *       ({@code {"parser":"ngram"}}); MariaDB tokenises and scores with its own parser.</li>
 * </ul>
 * Checks and their messages are MatrixOne 4.2.0's ({@code vectorindex/*}/plugin/plan/schema.go,
 * {@code fulltext/plugin/plan/schema.go}), the index switches per release (HNSW always,
 * IVF-flat and full-text before 3.0.5).
 */
final class VectorDdl {
    /** Prefix of a vector column's comment: {@code [mo:vecf32(3)]}. */
    static final String COLUMN_MARKER = "[mo:";
    /** Prefix of a vector or full-text index's comment: {@code mo:ivfflat {...}}. */
    static final String INDEX_MARKER = "mo:";

    private static final Pattern COLUMN_COMMENT = Pattern.compile("^\\[mo:vecf(32|64)\\((\\d+)\\)\\](.*)$", Pattern.DOTALL);
    private static final Pattern INDEX_COMMENT = Pattern.compile(
            "^mo:(ivfflat|hnsw|fulltext)( \\{.*?\\})?(?: #([0-9a-f]{32}))?(?:\\|(.*))?$", Pattern.DOTALL);
    private static final Set<String> NOT_COLUMNS = Set.of("KEY", "INDEX", "PRIMARY", "UNIQUE", "FULLTEXT", "SPATIAL",
            "CONSTRAINT", "FOREIGN", "CHECK", "PERIOD");
    private static final Set<String> FULLTEXT_TYPES = Set.of("char", "varchar", "text", "tinytext", "mediumtext",
            "longtext", "json");
    private static final TargetVersion SWITCHES_GONE = TargetVersion.parse("3.0.5");

    private final TargetVersion version;

    VectorDdl(TargetVersion version) {
        this.version = version;
    }

    /** A vector column's type. */
    record VecType(int bits, int dim) {
        String sql() {
            return "vecf" + bits + "(" + dim + ")";
        }
    }

    /**
     * A vector or full-text index as recorded: algorithm, MatrixOne's {@code Index_params}, the user's comment, and
     * for IVF-flat the id of its centroids ({@link IvfIndexTables}; null for other kinds).
     */
    record IndexMeta(String algo, Map<String, String> params, String comment, String build) {
        String paramsJson() {
            if (params.isEmpty()) {
                return "";
            }
            StringBuilder b = new StringBuilder("{");
            params.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
            return b.append('}').toString();
        }

        String marker() {
            String json = paramsJson();
            return INDEX_MARKER + algo + (json.isEmpty() ? "" : " " + json) + (build == null ? "" : " #" + build)
                    + (comment == null || comment.isEmpty() ? "" : "|" + comment);
        }

        boolean isVector() {
            return !algo.equals("fulltext");
        }
    }

    /** The vector type a column comment records, or {@code null}. */
    static VecType vectorType(String comment) {
        Matcher m = comment == null ? null : COLUMN_COMMENT.matcher(comment);
        return m != null && m.matches() ? new VecType(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }

    /** The user's part of a column comment (without the vector marker). */
    static String userComment(String comment) {
        Matcher m = comment == null ? null : COLUMN_COMMENT.matcher(comment);
        return m != null && m.matches() ? m.group(3) : comment;
    }

    /** The index an index comment records, or {@code null} for MariaDB's own indexes. */
    static IndexMeta indexMeta(String comment) {
        Matcher m = comment == null ? null : INDEX_COMMENT.matcher(comment);
        if (m == null || !m.matches()) {
            return null;
        }
        Map<String, String> params = new TreeMap<>();
        if (m.group(2) != null) {
            Matcher kv = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(2));
            while (kv.find()) {
                params.put(kv.group(1), kv.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        return new IndexMeta(m.group(1), params, m.group(4) == null ? "" : m.group(4), m.group(3));
    }

    // ------------------------------------------------------------------------------------------ recognising

    /** Whether a DDL statement uses MatrixOne's vector or full-text syntax, which MariaDB does not parse. */
    static boolean applies(Statement s) {
        boolean create = s.startsWith("CREATE");
        boolean alter = s.startsWith("ALTER", "TABLE");
        if (!create && !alter) {
            return false;
        }
        int table = create ? tableKeyword(s) : 1;
        if (create && table < 0 && !isCreateIndex(s)) {
            return false;
        }
        for (int i = 0; i < s.size(); i++) {
            Token t = s.get(i);
            if (t.is("VECF32") || t.is("VECF64") || t.is("FULLTEXT") || t.is("REINDEX")
                    || (t.is("USING") && (s.matchesAt(i + 1, "IVFFLAT") || s.matchesAt(i + 1, "HNSW")))
                    || (alter && t.is("ALTER") && s.matchesAt(i + 1, "INDEX") && (s.matchesAt(i + 3, "IVFFLAT")
                    || s.matchesAt(i + 3, "HNSW")))) {
                return true;
            }
        }
        return false;
    }

    /** Index of TABLE in {@code CREATE [TEMPORARY] TABLE}, or -1. */
    private static int tableKeyword(Statement s) {
        if (s.matchesAt(1, "TABLE")) {
            return 1;
        }
        return s.matchesAt(1, "TEMPORARY", "TABLE") ? 2 : -1;
    }

    private static boolean isCreateIndex(Statement s) {
        return s.matchesAt(1, "INDEX") || s.matchesAt(1, "FULLTEXT", "INDEX") || s.matchesAt(1, "UNIQUE", "INDEX");
    }

    // ------------------------------------------------------------------------------------------ running

    /** What an index definition in MatrixOne's syntax asks for. */
    private record IndexDef(String name, String algo, List<String> columns, Map<String, String> options,
                            String parser, String comment) {
    }

    /**
     * Runs a vector or full-text DDL statement (names already MariaDB's) as MatrixOne would.
     *
     * @param ddl       runs one MariaDB DDL statement the way the engine runs DDL here (inside a transaction,
     *                  reversibly on its second connection)
     * @param variables reads a MatrixOne session variable of the session ({@code experimental_hnsw_index})
     */
    Reply handle(Statement s, Session session, Consumer<String> ddl, Function<String, String> variables) {
        Db db = new Db(session.backend());
        String current = db.currentDatabase();
        if (s.startsWith("ALTER")) {
            return alterTable(s, db, current, ddl, variables);
        }
        if (tableKeyword(s) > 0) {
            return createTable(s, db, current, ddl, variables);
        }
        return createIndex(s, db, current, ddl, variables);
    }

    /** {@code CREATE [FULLTEXT] INDEX i [USING algo] ON t (cols) [options]}. */
    private Reply createIndex(Statement s, Db db, String current, Consumer<String> ddl, Function<String, String> vars) {
        TokenCursor c = s.cursor();
        c.expect("CREATE");
        boolean fulltext = c.accept("FULLTEXT");
        c.expect("INDEX");
        String name = c.identifier();
        String algo = fulltext ? "fulltext" : null;
        if (c.accept("USING")) {
            algo = c.next().value().toLowerCase(Locale.ROOT);
        }
        c.expect("ON");
        String[] table = tableName(c, current);
        int open = c.index();
        int close = VectorFunctions.matching(s.tokens(), open);
        if (algo == null || close < 0) {
            throw MoException.emulator("CREATE INDEX of this form is not emulated");
        }
        IndexDef def = indexDef(s, name, algo, open, close);
        addIndex(db, table[0], table[1], def, ddl, vars);
        refreshTriggers(db, table[0], table[1], ddl);
        return Reply.Ok.EMPTY;
    }

    /** {@code CREATE TABLE t (... v vecf32(3) ..., KEY i USING ivfflat (v) ..., FULLTEXT f (a) WITH PARSER p)}. */
    private Reply createTable(Statement s, Db db, String current, Consumer<String> ddl, Function<String, String> vars) {
        int i = tableKeyword(s) + 1;
        boolean ifNotExists = s.matchesAt(i, "IF", "NOT", "EXISTS");
        TokenCursor c = s.cursor();
        c.reset(ifNotExists ? i + 3 : i);
        String[] table = tableName(c, current);
        int open = c.index();
        if (!s.get(open).isPunct("(")) {
            throw MoException.emulator("CREATE TABLE ... with vector columns is emulated with a column list only");
        }
        if (db.tableExists(table[0], table[1])) {
            if (ifNotExists) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.tableExists(table[1]);
        }
        int close = VectorFunctions.matching(s.tokens(), open);
        StringBuilder sql = new StringBuilder(s.sql().substring(s.first().start(), s.get(open).end()));
        List<IndexDef> indexes = new ArrayList<>();
        boolean first = true;
        for (int[] e : elements(s, open + 1, close)) {
            Token head = s.get(e[0]);
            String text;
            if (head.is("FULLTEXT") || ((head.is("KEY") || head.is("INDEX")) && hasUsingVector(s, e[0], e[1]))) {
                indexes.add(indexElement(s, e[0], e[1]));
                continue;
            }
            if (head.isIdentifier() && !(head.kind() == Token.Kind.WORD && NOT_COLUMNS.contains(head.upper()))) {
                text = column(s, e[0], e[1]);
            } else {
                text = s.sql().substring(head.start(), s.get(e[1] - 1).end());
            }
            sql.append(first ? "" : ", ").append(text);
            first = false;
        }
        sql.append(s.sql(), s.get(close).start(), s.get(s.size() - 1).end());
        ddl.accept(sql.toString());
        try {
            for (IndexDef def : indexes) {
                addIndex(db, table[0], table[1], def, ddl, vars);
            }
        } catch (RuntimeException e) {
            ddl.accept("DROP TABLE IF EXISTS " + Sql.id(table[0], table[1])); // MatrixOne creates all or nothing
            throw e;
        }
        refreshTriggers(db, table[0], table[1], ddl);
        return Reply.Ok.EMPTY;
    }

    /** {@code ALTER TABLE t spec, ...} with vector columns, vector or full-text indexes, REINDEX. */
    private Reply alterTable(Statement s, Db db, String current, Consumer<String> ddl, Function<String, String> vars) {
        TokenCursor c = s.cursor();
        c.expect("ALTER");
        c.expect("TABLE");
        String[] table = tableName(c, current);
        if (!db.tableExists(table[0], table[1])) {
            throw MoException.noSuchTable(table[0], table[1]);
        }
        List<String> kept = new ArrayList<>();
        List<IndexDef> adds = new ArrayList<>();
        List<int[]> reindexes = new ArrayList<>();
        for (int[] e : elements(s, c.index(), s.size())) {
            int k = e[0];
            if (s.matchesAt(k, "ALTER", "REINDEX")) {
                reindexes.add(e);
            } else if (s.matchesAt(k, "ALTER", "INDEX") && (s.matchesAt(k + 3, "IVFFLAT") || s.matchesAt(k + 3, "HNSW"))) {
                // auto_update / day / hour schedule the server's own rebuilds: nothing to emulate
                requireVectorIndex(db, table, s.get(k + 2).value(), "Can't ALTER INDEX");
            } else if (s.matchesAt(k, "ADD") && (s.matchesAt(k + 1, "FULLTEXT")
                    || (s.matchesAt(k + 1, "KEY") || s.matchesAt(k + 1, "INDEX")) && hasUsingVector(s, k + 1, e[1]))) {
                adds.add(indexElement(s, k + 1, e[1]));
            } else if (s.matchesAt(k, "ADD") || s.matchesAt(k, "MODIFY") || s.matchesAt(k, "CHANGE")) {
                int col = k + 1 + (s.matchesAt(k + 1, "COLUMN") ? 1 : 0);
                if (s.matchesAt(k, "CHANGE")) {
                    col++; // CHANGE old new type
                }
                String prefix = s.sql().substring(s.get(k).start(), s.get(col).start());
                kept.add(prefix + column(s, col, e[1]));
            } else {
                kept.add(s.sql().substring(s.get(k).start(), s.get(e[1] - 1).end()));
            }
        }
        if (!kept.isEmpty()) {
            ddl.accept("ALTER TABLE " + Sql.id(table[0], table[1]) + " " + String.join(", ", kept));
        }
        for (IndexDef def : adds) {
            addIndex(db, table[0], table[1], def, ddl, vars);
        }
        for (int[] e : reindexes) {
            reindex(s, e[0], e[1], db, table, ddl);
        }
        refreshTriggers(db, table[0], table[1], ddl);
        return Reply.Ok.EMPTY;
    }

    /** {@code ALTER REINDEX i IVFFLAT|HNSW [options]}: the index's recorded options updated. */
    private void reindex(Statement s, int from, int to, Db db, String[] table, Consumer<String> ddl) {
        String name = s.get(from + 2).value();
        IndexRow index = requireVectorIndex(db, table, name, "Can't REINDEX");
        Map<String, String> params = new TreeMap<>(index.meta().params());
        params.putAll(options(s, from + 4, to));
        params.remove("force_sync");
        String build = null;
        if (index.meta().algo().equals("ivfflat")) { // new centroids from the rows present, the next version
            build = IvfIndexTables.newBuild();
            ColumnRow col = columns(db, table[0], table[1]).get(index.columns().get(0).toLowerCase(Locale.ROOT));
            IvfIndexTables.build(db, build, IvfIndexTables.version(db, index.meta().build()) + 1, table[0], table[1],
                    col.name(), col.vector().bits(), params.get("op_type"), lists(params));
        }
        IndexMeta meta = new IndexMeta(index.meta().algo(), params, index.meta().comment(), build);
        ddl.accept("ALTER TABLE " + Sql.id(table[0], table[1]) + " DROP INDEX " + Sql.id(name) + ", ADD INDEX "
                + Sql.id(name) + " (" + Sql.id(index.columns().get(0)) + "(1)) COMMENT " + Sql.str(meta.marker()));
        if (build != null && !db.backend().inTransaction()) {
            IvfIndexTables.collectGarbage(db);
        }
    }

    private IndexRow requireVectorIndex(Db db, String[] table, String name, String what) {
        for (IndexRow r : indexes(db, table[0], table[1])) {
            if (r.name().equalsIgnoreCase(name) && r.meta() != null && r.meta().isVector()) {
                return r;
            }
        }
        throw MoException.internal(what + " '" + name + "'; check that column/key exists");
    }

    // ------------------------------------------------------------------------------------------ indexes

    /** Checks an index as MatrixOne does and adds it to the MariaDB table with its recorded parameters. */
    private void addIndex(Db db, String schema, String table, IndexDef def, Consumer<String> ddl,
                          Function<String, String> vars) {
        Map<String, ColumnRow> columns = columns(db, schema, table);
        List<IndexRow> existing = indexes(db, schema, table);
        if (def.algo().equals("fulltext")) {
            addFulltext(schema, table, def, columns, existing, ddl, vars);
            return;
        }
        String algoName = def.algo().toUpperCase(Locale.ROOT);
        if (!def.algo().equals("ivfflat") && !def.algo().equals("hnsw")) {
            throw MoException.notSupported("index type " + def.algo() + " is not emulated");
        }
        if (def.algo().equals("hnsw")) {
            requireVersion("2.1.0", "USING HNSW");
            List<ColumnRow> pk = columns.values().stream().filter(ColumnRow::primary).toList();
            if (pk.isEmpty()) {
                throw MoException.internal("primary key cannot be empty for hnsw index");
            }
            if (pk.size() != 1 || !pk.get(0).dataType().equals("bigint")) {
                throw MoException.internal("type of primary key must be bigint");
            }
        }
        if (def.columns().size() != 1) {
            throw MoException.notSupported("don't support multi column  " + (def.algo().equals("hnsw") ? "HNSW" : "IVF")
                    + " vector index");
        }
        String column = def.columns().get(0);
        ColumnRow col = columns.get(column.toLowerCase(Locale.ROOT));
        if (col == null) {
            throw MoException.invalidInput("column '" + column + "' is not exist");
        }
        if (col.vector() == null) {
            throw MoException.notSupported(def.algo().equals("hnsw") ? "HNSW only supports VECF32 and VECF64 column types"
                    : "IVFFLAT only supports VECFXX column types");
        }
        for (IndexRow r : existing) {
            if (r.meta() != null && r.meta().algo().equals(def.algo()) && r.columns().get(0).equalsIgnoreCase(column)) {
                throw MoException.notSupported("Multiple " + algoName + " indexes are not allowed to use the same column");
            }
        }
        Map<String, String> params = new TreeMap<>(def.options());
        String opType = params.getOrDefault("op_type", "vector_l2_ops").toLowerCase(Locale.ROOT);
        if (!Set.of("vector_l2_ops", "vector_l2sq_ops", "vector_ip_ops", "vector_cosine_ops").contains(opType)
                && !(def.algo().equals("ivfflat") && opType.equals("vector_l1_ops"))) {
            throw MoException.invalidInput("invalid op_type: " + params.get("op_type"));
        }
        params.put("op_type", opType);
        if (def.algo().equals("ivfflat")) {
            params.putIfAbsent("lists", "1");
        }
        if (def.algo().equals("hnsw") && !enabled(vars, "experimental_hnsw_index")) {
            throw MoException.internal("experimental_hnsw_index is not enabled");
        }
        if (def.algo().equals("ivfflat") && version.compareTo(SWITCHES_GONE) < 0 && !enabled(vars, "experimental_ivf_index")) {
            throw MoException.internal("IVF index is not enabled");
        }
        String build = null;
        if (def.algo().equals("ivfflat")) { // clustered now, from the rows present (version 0)
            build = IvfIndexTables.newBuild();
            IvfIndexTables.build(db, build, 0, schema, table, col.name(), col.vector().bits(), opType, lists(params));
        }
        IndexMeta meta = new IndexMeta(def.algo(), params, def.comment(), build);
        ddl.accept("ALTER TABLE " + Sql.id(schema, table) + " ADD INDEX " + Sql.id(def.name()) + " ("
                + Sql.id(col.name()) + "(1)) COMMENT " + Sql.str(meta.marker()));
        if (build != null && !db.backend().inTransaction()) {
            IvfIndexTables.collectGarbage(db);
        }
    }

    /** An IVF-flat index's {@code lists}: a positive number, as MatrixOne's grammar requires. */
    private static int lists(Map<String, String> params) {
        String lists = params.get("lists");
        if (!lists.matches("0*[1-9][0-9]{0,8}")) {
            throw MoException.parseError("You have an error in your SQL syntax; check the manual that corresponds to "
                    + "your MatrixOne server version for the right syntax to use. LISTS should be greater than 0");
        }
        return Integer.parseInt(lists);
    }

    private void addFulltext(String schema, String table, IndexDef def, Map<String, ColumnRow> columns,
                             List<IndexRow> existing, Consumer<String> ddl, Function<String, String> vars) {
        requireVersion("2.0.0", "FULLTEXT INDEX");
        for (IndexRow r : existing) {
            if (r.meta() != null && r.meta().algo().equals("fulltext") && r.columns().size() == def.columns().size()
                    && r.columns().stream().allMatch(c -> def.columns().stream().anyMatch(c::equalsIgnoreCase))) {
                throw MoException.notSupported("Fulltext index are not allowed to use the same column");
            }
        }
        List<String> quoted = new ArrayList<>();
        for (String name : def.columns()) {
            ColumnRow col = columns.get(name.toLowerCase(Locale.ROOT));
            if (col == null) {
                throw MoException.invalidInput("column '" + name + "' does not exist");
            }
            if (col.vector() != null || !FULLTEXT_TYPES.contains(col.dataType())) {
                throw MoException.notSupported("fulltext index only support char, varchar, text, datalink and json");
            }
            quoted.add(Sql.id(col.name()));
        }
        Map<String, String> params = new TreeMap<>();
        if (def.parser() != null) {
            String parser = def.parser().toLowerCase(Locale.ROOT);
            boolean known = switch (parser) {
                case "ngram", "default", "json" -> true;
                case "json_value" -> version.compareTo(TargetVersion.parse("2.1.0")) >= 0;
                case "gojieba" -> version.compareTo(TargetVersion.parse("4.1.0")) >= 0;
                default -> false;
            };
            if (!known) {
                throw MoException.notSupported("Fulltext parser " + parser + " not supported");
            }
            params.put("parser", parser);
        }
        if (version.compareTo(SWITCHES_GONE) < 0 && !enabled(vars, "experimental_fulltext_index")) {
            throw MoException.internal("FullText index is not enabled");
        }
        IndexMeta meta = new IndexMeta("fulltext", params, def.comment(), null);
        ddl.accept("ALTER TABLE " + Sql.id(schema, table) + " ADD FULLTEXT INDEX " + Sql.id(def.name()) + " ("
                + String.join(", ", quoted) + ") COMMENT " + Sql.str(meta.marker()));
    }

    private void requireVersion(String since, String what) {
        if (version.compareTo(TargetVersion.parse(since)) < 0) {
            throw MoException.parseError("You have an error in your SQL syntax; check the manual that corresponds to "
                    + "your MatrixOne server version for the right syntax to use. " + what + " is not supported");
        }
    }

    private static boolean enabled(Function<String, String> vars, String name) {
        String v = vars.apply(name);
        if (v == null) {
            return false;
        }
        String t = v.replace("'", "").trim().toLowerCase(Locale.ROOT);
        return t.equals("1") || t.equals("on") || t.equals("true");
    }

    /** Whether a KEY/INDEX element has {@code USING IVFFLAT|HNSW} (before or after its column list). */
    private static boolean hasUsingVector(Statement s, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (s.get(i).is("USING") && (s.get(i + 1).is("IVFFLAT") || s.get(i + 1).is("HNSW"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An index element: {@code FULLTEXT [KEY|INDEX] name (cols) [WITH PARSER p]} or
     * {@code KEY|INDEX name USING algo (col) [options]}.
     */
    private IndexDef indexElement(Statement s, int from, int to) {
        int i = from;
        String algo = null;
        if (s.get(i).is("FULLTEXT")) {
            algo = "fulltext";
            i++;
        }
        if (s.get(i).is("KEY") || s.get(i).is("INDEX")) {
            i++;
        }
        String name = s.get(i).isPunct("(") ? null : s.get(i++).value();
        if (s.get(i).is("USING")) {
            algo = s.get(i + 1).value().toLowerCase(Locale.ROOT);
            i += 2;
        }
        if (!s.get(i).isPunct("(")) {
            throw MoException.emulator("this index definition is not emulated");
        }
        int close = VectorFunctions.matching(s.tokens(), i);
        IndexDef def = indexDef(s, name, algo, i, close);
        if (def.name() == null) {
            return new IndexDef(def.columns().get(0), def.algo(), def.columns(), def.options(), def.parser(), def.comment());
        }
        return def;
    }

    /** The column list at {@code open..close} and the options after it, up to the end of the element. */
    private IndexDef indexDef(Statement s, String name, String algo, int open, int close) {
        List<String> cols = new ArrayList<>();
        for (int k = open + 1; k < close; k++) {
            Token t = s.get(k);
            if (t.isIdentifier() && (s.get(k - 1).isPunct("(") || s.get(k - 1).isPunct(","))) {
                cols.add(t.value());
            }
        }
        int end = s.size();
        for (int k = close + 1; k < s.size(); k++) {
            if (s.get(k).isPunct(",") || s.get(k).isPunct(")")) {
                end = k;
                break;
            }
        }
        Map<String, String> options = options(s, close + 1, end);
        String parser = options.remove("parser");
        String comment = options.remove("comment");
        return new IndexDef(name, algo, cols, options, parser, comment == null ? "" : comment);
    }

    /** {@code LISTS = 4 OP_TYPE 'x' M 16 ... WITH PARSER p COMMENT 'c'}, keys lower-cased. */
    private static Map<String, String> options(Statement s, int from, int to) {
        Map<String, String> out = new LinkedHashMap<>();
        int k = from;
        while (k < to) {
            Token t = s.get(k);
            if (t.is("WITH") && s.matchesAt(k + 1, "PARSER")) {
                out.put("parser", s.get(k + 2).value());
                k += 3;
                continue;
            }
            if (t.kind() != Token.Kind.WORD) {
                k++;
                continue;
            }
            String key = t.value().toLowerCase(Locale.ROOT);
            int v = k + 1;
            if (v < to && s.get(v).isPunct("=")) {
                v++;
            }
            if (v < to && (s.get(v).kind() == Token.Kind.NUMBER || s.get(v).kind() == Token.Kind.STRING
                    || s.get(v).is("TRUE") || s.get(v).is("FALSE"))) {
                if (Set.of("lists", "op_type", "m", "ef_construction", "ef_search", "comment", "quantization")
                        .contains(key)) {
                    out.put(key, s.get(v).value());
                }
                k = v + 1;
            } else {
                k++; // a flag (ASYNC, FORCE_SYNC, VISIBLE ...): nothing to record
            }
        }
        return out;
    }

    /** A column definition with a vector type turned into MariaDB's: MEDIUMTEXT, the type kept in the comment. */
    private static String column(Statement s, int from, int to) {
        String text = s.sql().substring(s.get(from).start(), s.get(to - 1).end());
        Token type = s.get(from + 1);
        if (type == null || !(type.is("VECF32") || type.is("VECF64"))
                || !(s.get(from + 2) != null && s.get(from + 2).isPunct("("))) {
            return text;
        }
        Token dim = s.get(from + 3);
        if (dim == null || dim.kind() != Token.Kind.NUMBER || s.get(from + 4) == null || !s.get(from + 4).isPunct(")")) {
            throw MoException.parseError("You have an error in your SQL syntax; check the manual that corresponds to "
                    + "your MatrixOne server version for the right syntax to use. vector type needs a dimension");
        }
        String marker = COLUMN_MARKER + type.value().toLowerCase(Locale.ROOT) + "(" + dim.value() + ")]";
        StringBuilder b = new StringBuilder();
        b.append(s.sql(), s.get(from).start(), type.start()).append("MEDIUMTEXT");
        int k = from + 5;
        int copied = s.get(from + 4).end();
        boolean commented = false;
        for (; k < to; k++) {
            if (s.get(k).is("COMMENT") && k + 1 < to && s.get(k + 1).kind() == Token.Kind.STRING) {
                b.append(s.sql(), copied, s.get(k + 1).start()).append(Sql.str(marker + s.get(k + 1).value()));
                copied = s.get(k + 1).end();
                commented = true;
                k++;
            }
        }
        b.append(s.sql(), copied, s.get(to - 1).end());
        if (!commented) {
            b.append(" COMMENT ").append(Sql.str(marker));
        }
        return b.toString();
    }

    /** The elements of a comma-separated list between tokens {@code from} and {@code to}: [first, end) pairs. */
    private static List<int[]> elements(Statement s, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int k = from; k < to; k++) {
            Token t = s.get(k);
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                depth--;
            } else if (depth == 0 && t.isPunct(",")) {
                if (k > start) {
                    out.add(new int[] {start, k});
                }
                start = k + 1;
            }
        }
        if (to > start) {
            out.add(new int[] {start, to});
        }
        return out;
    }

    /** {@code [db.]table} at the cursor: {schema, table}. */
    private static String[] tableName(TokenCursor c, String current) {
        String first = c.identifier();
        if (c.acceptPunct(".")) {
            return new String[] {first, c.identifier()};
        }
        if (current == null) {
            throw new MoException(1046, "HY000", "No database selected");
        }
        return new String[] {current, first};
    }

    // ------------------------------------------------------------------------------------------ SHOW INDEX

    /** {@code SHOW INDEX|INDEXES|KEYS FROM|IN t [FROM|IN db]}. */
    static boolean isShowIndex(Statement s) {
        return s.startsWith("SHOW") && (s.matchesAt(1, "INDEX") || s.matchesAt(1, "INDEXES") || s.matchesAt(1, "KEYS")
                || s.matchesAt(1, "EXTENDED", "INDEX"));
    }

    private static final List<String> SHOW_INDEX_COLUMNS = List.of("Table", "Non_unique", "Key_name", "Seq_in_index",
            "Column_name", "Collation", "Cardinality", "Sub_part", "Packed", "Null", "Index_type", "Comment",
            "Index_comment", "Index_params", "Visible", "Expression");

    /**
     * MariaDB's SHOW INDEX answer in MatrixOne 4.2.0's shape: {@code Index_type} {@code ivfflat} / {@code hnsw} /
     * {@code fulltext} and {@code Index_params} as recorded in the index comment, {@code Visible}, {@code Expression}
     * (the column); MariaDB's {@code BTREE} is MatrixOne's empty type, and the one-character prefix that carries a
     * vector index is not shown.
     */
    static Reply showIndex(BackendResult r) {
        List<Column> columns = new ArrayList<>();
        for (String c : SHOW_INDEX_COLUMNS) {
            columns.add(c.equals("Non_unique") || c.equals("Seq_in_index") || c.equals("Cardinality")
                    ? Column.bigint(c) : Column.varchar(c));
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : r.rows()) {
            Map<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i < r.columns().size(); i++) {
                m.put(r.columns().get(i), row.get(i));
            }
            if (NgramFulltext.isShadow(m.get("Key_name"))) {
                continue; // an ngram index's tokens: the emulator's, not the user's
            }
            IndexMeta meta = indexMeta(m.get("Index_comment"));
            String type = meta != null ? meta.algo() : "BTREE".equals(m.get("Index_type")) ? "" : m.get("Index_type");
            List<String> out = new ArrayList<>();
            out.add(m.get("Table"));
            out.add(m.get("Non_unique"));
            out.add(m.get("Key_name"));
            out.add(m.get("Seq_in_index"));
            out.add(m.get("Column_name"));
            out.add("A");
            out.add("0");
            out.add(meta != null && meta.isVector() ? null : m.get("Sub_part"));
            out.add(m.get("Packed"));
            out.add(m.get("Null"));
            out.add(type == null ? "" : type);
            out.add(m.get("Comment") == null ? "" : m.get("Comment"));
            out.add(meta != null ? meta.comment() : m.getOrDefault("Index_comment", ""));
            out.add(meta != null ? meta.paramsJson() : "");
            out.add("YES".equalsIgnoreCase(m.get("Ignored")) ? "NO" : "YES");
            out.add(m.get("Column_name"));
            rows.add(out);
        }
        return new Reply.ResultSet(columns, rows);
    }

    /**
     * A DROP TABLE inside a transaction moves the table to another schema until COMMIT ({@link TxDdl}), which MariaDB
     * refuses for a table with triggers (1435 "Trigger in wrong schema"): the vector triggers go first. A ROLLBACK
     * then brings the table back without them (its vectors are no longer checked on write).
     */
    static void beforeDropInTransaction(Statement s, Db db, Consumer<String> ddl) {
        if (!s.startsWith("DROP") || !(s.matchesAt(1, "TABLE") || s.matchesAt(1, "TEMPORARY", "TABLE"))) {
            return;
        }
        TokenCursor c = s.cursor();
        c.reset(s.matchesAt(1, "TABLE") ? 2 : 3);
        c.accept("IF", "EXISTS");
        String current = db.currentDatabase();
        do {
            String first = c.identifier();
            String[] name = c.acceptPunct(".") ? new String[] {first, c.identifier()} : new String[] {current, first};
            if (name[0] == null) {
                return;
            }
            for (List<String> t : db.rows("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = "
                    + Sql.str(name[0]) + " AND EVENT_OBJECT_TABLE = " + Sql.str(name[1])
                    + " AND TRIGGER_NAME LIKE '\\_\\_mo\\_vec\\_%'")) {
                ddl.accept("DROP TRIGGER IF EXISTS " + Sql.id(name[0], t.get(0)));
            }
        } while (c.acceptPunct(","));
    }

    private static final Set<String> NOT_A_TABLE = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "WITH",
            "FORMAT", "ANALYZE", "EXTENDED", "PARTITIONS", "TABLE");

    /** {@code DESC|DESCRIBE [db.]t}. */
    static boolean isDescribe(Statement s) {
        return (s.startsWith("DESC") || s.startsWith("DESCRIBE")) && s.size() >= 2 && s.get(1).isIdentifier()
                && !(s.get(1).kind() == Token.Kind.WORD && NOT_A_TABLE.contains(s.get(1).upper()));
    }

    /**
     * DESCRIBE of a table with vector columns: MariaDB's answer with MatrixOne's type for them
     * ({@code VECF32(3)}, as 4.2.0 prints it); other tables are forwarded unchanged.
     */
    static Reply describe(String physicalSql, Session session) {
        Statement s = new Statement(physicalSql, SqlLexer.tokenize(physicalSql));
        Db db = new Db(session.backend());
        TokenCursor c = s.cursor();
        c.reset(1);
        String first = c.identifier();
        String[] name = c.acceptPunct(".") ? new String[] {first, c.identifier()} : new String[] {db.currentDatabase(), first};
        Map<String, ColumnRow> columns = name[0] == null ? Map.of() : columns(db, name[0], name[1]);
        if (columns.values().stream().noneMatch(col -> col.vector() != null || NgramFulltext.isShadow(col.name()))) {
            return new Reply.Forward(physicalSql);
        }
        BackendResult r = session.backend().execute(physicalSql);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : r.rows()) {
            if (NgramFulltext.isShadow(row.get(0))) {
                continue;
            }
            List<String> out = new ArrayList<>(row);
            ColumnRow col = columns.get(row.get(0).toLowerCase(Locale.ROOT));
            if (col != null && col.vector() != null) {
                out.set(1, col.vector().sql().toUpperCase(Locale.ROOT));
            }
            rows.add(out);
        }
        return new Reply.ResultSet(r.columns().stream().map(Column::varchar).toList(), rows);
    }

    // ------------------------------------------------------------------------------------------ information_schema

    /** {@code information_schema.columns} with vector columns typed as MatrixOne 4.2.0 types them. */
    private static final String COLUMNS_VIEW = Sql.id(Catalog.META_SCHEMA, "columns");

    /**
     * The view behind {@link #informationSchemaColumns}: MariaDB's {@code COLUMNS} with {@code DATA_TYPE}
     * {@code VECF32}, {@code COLUMN_TYPE} {@code VECF32(3)} and the user's comment for vector columns. Invoker's
     * rights, so that each user sees what information_schema shows it.
     */
    static String columnsViewStatement() {
        String vector = "COLUMN_COMMENT REGEXP '^[[]mo:vecf(32|64)[(][0-9]+[)][]]'";
        return "CREATE OR REPLACE SQL SECURITY INVOKER VIEW " + COLUMNS_VIEW + " AS SELECT TABLE_CATALOG, TABLE_SCHEMA, "
                + "TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT, IS_NULLABLE, IF(" + vector + ", "
                + "UPPER(SUBSTRING_INDEX(SUBSTRING(COLUMN_COMMENT, 5), '(', 1)), DATA_TYPE) AS DATA_TYPE, IF(" + vector
                + ", NULL, CHARACTER_MAXIMUM_LENGTH) AS CHARACTER_MAXIMUM_LENGTH, IF(" + vector + ", NULL, "
                + "CHARACTER_OCTET_LENGTH) AS CHARACTER_OCTET_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, "
                + "IF(" + vector + ", NULL, CHARACTER_SET_NAME) AS CHARACTER_SET_NAME, IF(" + vector + ", NULL, "
                + "COLLATION_NAME) AS COLLATION_NAME, IF(" + vector + ", UPPER(SUBSTRING_INDEX(SUBSTRING(COLUMN_COMMENT, 5), "
                + "']', 1)), COLUMN_TYPE) AS COLUMN_TYPE, COLUMN_KEY, EXTRA, PRIVILEGES, IF(" + vector + ", "
                + "SUBSTRING(COLUMN_COMMENT, LOCATE(']', COLUMN_COMMENT) + 1), COLUMN_COMMENT) AS COLUMN_COMMENT, "
                + "IS_GENERATED, GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE COLUMN_NAME NOT LIKE "
                + NgramFulltext.SHADOW_LIKE;
    }

    /** A cheap test before {@link #informationSchemaColumns}. */
    static boolean mayNameInformationSchema(String sql) {
        return TableReferences.mentions(sql, "information_schema");
    }

    /**
     * Client SQL with {@code information_schema.columns} read from {@link #columnsViewStatement the view} that shows
     * vector columns' types (the Python SDK finds an index's vector column there); other information_schema tables
     * and unqualified references (after {@code USE information_schema}) are MariaDB's.
     */
    static String informationSchemaColumns(String sql, List<Token> tokens) {
        return TableReferences.replace(sql, tokens, (schema, table) -> schema != null
                && schema.equalsIgnoreCase("information_schema") && table.equalsIgnoreCase("columns") ? COLUMNS_VIEW : null);
    }

    // ------------------------------------------------------------------------------------------ SHOW CREATE TABLE

    private static final Pattern CREATE_VECTOR_COLUMN = Pattern.compile(
            "^(\\s*`(?:[^`]|``)+`) mediumtext(.*?) COMMENT '\\[mo:(vecf(?:32|64)\\(\\d+\\))\\]((?:[^']|'')*)'(,?)$");
    private static final Pattern CREATE_VECTOR_INDEX = Pattern.compile(
            "^(\\s*)KEY (`(?:[^`]|``)+`) \\((`(?:[^`]|``)+`)\\(1\\)\\) COMMENT '((?:[^']|'')*)'(,?)$");
    private static final Pattern CREATE_FULLTEXT_INDEX = Pattern.compile(
            "^(\\s*)FULLTEXT KEY (`(?:[^`]|``)+`) \\(([^)]*)\\) COMMENT '((?:[^']|'')*)'(,?)$");

    /**
     * SHOW CREATE TABLE answered as MatrixOne 4.2.0 prints vector columns and indexes: {@code `v` vecf32(3)},
     * {@code KEY `i` USING ivfflat (`v`) lists = 2  op_type 'vector_l2_ops' }, {@code FULLTEXT `f`(`a`,`b`) WITH
     * PARSER ngram}, instead of the MEDIUMTEXT columns and marked indexes that carry them in MariaDB.
     */
    static Reply showCreate(Reply reply) {
        if (!(reply instanceof Reply.ResultSet rs) || rs.columns().size() < 2
                || !rs.columns().get(1).name().equalsIgnoreCase("Create Table")) {
            return reply;
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : rs.rows()) {
            List<String> out = new ArrayList<>(row);
            String text = NgramFulltext.hideInCreate(row.get(1));
            out.set(1, text);
            if (text != null && text.contains(COLUMN_MARKER) || text != null && text.contains("COMMENT '" + INDEX_MARKER)) {
                StringBuilder b = new StringBuilder();
                for (String line : text.split("\n", -1)) {
                    b.append(b.length() == 0 ? "" : "\n").append(createLine(line));
                }
                out.set(1, b.toString());
            }
            rows.add(out);
        }
        return new Reply.ResultSet(rs.columns(), rows);
    }

    private static String createLine(String line) {
        Matcher m = CREATE_VECTOR_COLUMN.matcher(line);
        if (m.matches()) {
            String user = m.group(4);
            return m.group(1) + " " + m.group(3) + m.group(2) + (user.isEmpty() ? "" : " COMMENT '" + user + "'")
                    + m.group(5);
        }
        m = CREATE_VECTOR_INDEX.matcher(line);
        IndexMeta meta = m.matches() ? indexMeta(m.group(4).replace("''", "'")) : null;
        if (meta != null && meta.isVector()) {
            StringBuilder b = new StringBuilder(m.group(1)).append("KEY ").append(m.group(2)).append(" USING ")
                    .append(meta.algo()).append(" (").append(m.group(3)).append(") ");
            for (String key : List.of("lists", "m", "ef_construction", "ef_search")) {
                if (meta.params().containsKey(key)) {
                    b.append(key).append(" = ").append(meta.params().get(key)).append("  ");
                }
            }
            b.append("op_type '").append(meta.params().get("op_type")).append("' ");
            return b.append(m.group(5)).toString();
        }
        m = CREATE_FULLTEXT_INDEX.matcher(line);
        meta = m.matches() ? indexMeta(m.group(4).replace("''", "'")) : null;
        if (meta != null && !meta.isVector()) {
            String parser = meta.params().get("parser");
            return m.group(1) + "FULLTEXT " + m.group(2) + "(" + m.group(3) + ")"
                    + (parser == null ? "" : " WITH PARSER " + parser) + m.group(5);
        }
        return line;
    }

    // ------------------------------------------------------------------------------------------ metadata

    /** A column as MariaDB knows it, with the vector type its comment records. */
    record ColumnRow(String name, String dataType, boolean primary, VecType vector) {
    }

    /** An index as MariaDB knows it, with what its comment records (null for MariaDB's own indexes). */
    record IndexRow(String name, boolean unique, String type, List<String> columns, IndexMeta meta) {
    }

    /** The table's columns by lower-cased name, in table order. */
    static Map<String, ColumnRow> columns(Db db, String schema, String table) {
        Map<String, ColumnRow> out = new LinkedHashMap<>();
        for (List<String> r : db.rows("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_KEY, COLUMN_COMMENT FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = " + Sql.str(schema) + " AND TABLE_NAME = " + Sql.str(table)
                + " ORDER BY ORDINAL_POSITION")) {
            out.put(r.get(0).toLowerCase(Locale.ROOT), new ColumnRow(r.get(0), r.get(1).toLowerCase(Locale.ROOT),
                    "PRI".equals(r.get(2)), vectorType(r.get(3))));
        }
        return out;
    }

    /** The table's indexes, in MariaDB's order, each with its columns in order. */
    static List<IndexRow> indexes(Db db, String schema, String table) {
        Map<String, IndexRow> out = new LinkedHashMap<>();
        for (List<String> r : db.rows("SELECT INDEX_NAME, NON_UNIQUE, INDEX_TYPE, COLUMN_NAME, INDEX_COMMENT FROM "
                + "information_schema.STATISTICS WHERE TABLE_SCHEMA = " + Sql.str(schema) + " AND TABLE_NAME = "
                + Sql.str(table) + " ORDER BY INDEX_NAME = 'PRIMARY' DESC, NON_UNIQUE, SEQ_IN_INDEX")) {
            IndexRow row = out.computeIfAbsent(r.get(0), n -> new IndexRow(n, "0".equals(r.get(1)), r.get(2),
                    new ArrayList<>(), indexMeta(r.get(4))));
            row.columns().add(r.get(3));
        }
        return new ArrayList<>(out.values());
    }

    // ------------------------------------------------------------------------------------------ triggers

    /** The table's triggers that check and normalise its vector columns: made, replaced, or dropped. */
    static void refreshTriggers(Db db, String schema, String table, Consumer<String> ddl) {
        StringBuilder body = new StringBuilder();
        for (ColumnRow c : columns(db, schema, table).values()) {
            if (c.vector() != null) {
                body.append(" SET NEW.").append(Sql.id(c.name())).append(" = `").append(VectorFunctions.SCHEMA)
                        .append("`.mo_vec_in(NEW.").append(Sql.id(c.name())).append(", ").append(c.vector().bits())
                        .append(", ").append(c.vector().dim()).append(");");
            }
        }
        String insert = triggerName("i", table);
        String update = triggerName("u", table);
        if (body.length() == 0) {
            ddl.accept("DROP TRIGGER IF EXISTS " + Sql.id(schema, insert));
            ddl.accept("DROP TRIGGER IF EXISTS " + Sql.id(schema, update));
            return;
        }
        ddl.accept("CREATE OR REPLACE TRIGGER " + Sql.id(schema, insert) + " BEFORE INSERT ON " + Sql.id(schema, table)
                + " FOR EACH ROW BEGIN" + body + " END");
        ddl.accept("CREATE OR REPLACE TRIGGER " + Sql.id(schema, update) + " BEFORE UPDATE ON " + Sql.id(schema, table)
                + " FOR EACH ROW BEGIN" + body + " END");
    }

    /** A trigger name unique per table and within MariaDB's 64 characters. */
    static String triggerName(String kind, String table) {
        CRC32 crc = new CRC32();
        crc.update(table.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String name = "__mo_vec_" + kind + "_" + Long.toHexString(crc.getValue()) + "_" + table;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
