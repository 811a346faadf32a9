package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MatrixOne's catalog tables {@code mo_database}, {@code mo_tables} and {@code mo_columns} over MariaDB's
 * information_schema, in MatrixOne's columns: as views in every account's {@code mo_catalog} (its own databases
 * only), and as of a snapshot, built from what the snapshot kept. MatrixOne's hidden parts are shown as it shows
 * them: a {@code __mo_rowid} column for every table, {@code __mo_fake_pk_col} for tables without a primary key,
 * {@code __mo_cpkey_col} for composite primary keys, one {@code __mo_index_*} table per secondary or unique index.
 */
final class CatalogTables {
    static final Set<String> TABLES = Set.of("mo_database", "mo_tables", "mo_columns");

    private CatalogTables() {
    }

    /** How one source of rows names its schemas: the column, the account's name for it, which rows count. */
    private record Source(String logical, String filter) {
        String logical(String column) {
            return logical.replace("%s", column);
        }

        String filter(String column) {
            return filter.replace("%s", column);
        }
    }

    /** The live views of an account's catalog. */
    static List<String> views(Namespace ns) {
        String catalog = ns.catalog();
        Source live;
        if (ns.isSys()) {
            live = new Source("%s", "%s NOT REGEXP '^a[0-9]+#' AND %s NOT LIKE '\\\\_\\\\_mo\\\\_%' "
                    + "AND %s NOT IN ('performance_schema', 'sys')");
        } else {
            String prefix = ns.prefix();
            live = new Source("IF(%s LIKE '" + prefix + "%', SUBSTRING(%s, " + (prefix.length() + 1) + "), %s)",
                    "(%s LIKE '" + prefix + "%' OR %s IN ('information_schema', 'mysql', 'system', 'system_metrics'))");
        }
        return List.of(
                "CREATE OR REPLACE VIEW " + Sql.id(catalog, "mo_database") + " AS " + databases(ns, live),
                "CREATE OR REPLACE VIEW " + Sql.id(catalog, "mo_tables") + " AS " + tables(ns, live, List.of()),
                "CREATE OR REPLACE VIEW " + Sql.id(catalog, "mo_columns") + " AS " + columns(ns, live),
                "CREATE OR REPLACE VIEW " + Sql.id(catalog, "mo_indexes") + " AS " + indexes(ns, live));
    }

    /** {@code table} ({@code mo_database}, ...) of {@code ns} as the snapshot whose objects are given saw it. */
    static String asOf(Namespace ns, String table, List<SnapshotObject> objects) {
        Map<String, String> copies = new LinkedHashMap<>(); // copy schema -> database
        List<String> databases = new ArrayList<>(systemDatabases(ns));
        List<String> views = new ArrayList<>();
        for (SnapshotObject o : objects) {
            if (!o.account().equals(ns.account())) {
                continue;
            }
            if (o.isTable()) {
                copies.put(o.copySchema(), o.db());
            } else if (o.isView()) {
                views.add(relation(ns, Sql.str(o.db()), Sql.str(o.table()), "'v'", "''", "NULL"));
            } else if (o.isDatabase()) {
                databases.add(database(ns, Sql.str(o.db())));
            }
        }
        if (table.equals("mo_database")) {
            return String.join(" UNION ALL ", databases);
        }
        StringBuilder map = new StringBuilder("CASE %s");
        copies.forEach((copy, d) -> map.append(" WHEN ").append(Sql.str(copy)).append(" THEN ").append(Sql.str(d)));
        map.append(" END");
        String in = copies.isEmpty() ? "NULL" : String.join(", ", copies.keySet().stream().map(Sql::str).toList());
        Source snap = new Source(map.toString(), "%s IN (" + in + ")");
        return table.equals("mo_tables") ? tables(ns, snap, views) : columns(ns, snap);
    }

    private static List<String> systemDatabases(Namespace ns) {
        return (ns.isSys() ? AccountHandler.SYS_SYSTEM_DATABASES : AccountHandler.ACCOUNT_SYSTEM_DATABASES).stream()
                .map(d -> database(ns, Sql.str(d))).toList();
    }

    private static String owner(Namespace ns) {
        return ns.isSys() ? "0" : "2";
    }

    private static String creator(Namespace ns) {
        return ns.isSys() ? "1" : "2";
    }

    private static String database(Namespace ns, String name) {
        return "SELECT CRC32(" + name + ") AS dat_id, " + name + " AS datname, 'def' AS dat_catalog_name, "
                + "CONCAT('create database ', " + name + ") AS dat_createsql, " + owner(ns) + " AS owner, " + creator(ns)
                + " AS creator, CAST(NULL AS DATETIME) AS created_time, " + Math.max(ns.id(), 0) + " AS account_id, '' AS dat_type";
    }

    private static String databases(Namespace ns, Source src) {
        String col = "SCHEMA_NAME";
        return "SELECT CRC32(" + src.logical(col) + ") AS dat_id, " + src.logical(col) + " AS datname, 'def' AS dat_catalog_name, "
                + "CONCAT('create database ', " + src.logical(col) + ") AS dat_createsql, " + owner(ns) + " AS owner, "
                + creator(ns) + " AS creator, CAST(NULL AS DATETIME) AS created_time, " + Math.max(ns.id(), 0)
                + " AS account_id, '' AS dat_type FROM information_schema.SCHEMATA WHERE " + src.filter(col);
    }

    private static String relation(Namespace ns, String db, String name, String kind, String comment, String created) {
        return "SELECT CRC32(CONCAT(" + db + ", '.', " + name + ")) AS rel_id, " + name + " AS relname, " + db
                + " AS reldatabase, CRC32(" + db + ") AS reldatabase_id, 'p' AS relpersistence, " + kind + " AS relkind, "
                + comment + " AS rel_comment, '' AS rel_createsql, " + created + " AS created_time, " + creator(ns)
                + " AS creator, " + owner(ns) + " AS owner, " + Math.max(ns.id(), 0) + " AS account_id, 0 AS partitioned, "
                + "'' AS partition_info, '' AS viewdef, '' AS `constraint`, 0 AS rel_version, 0 AS catalog_version, "
                + "'' AS extra_info, CRC32(CONCAT(" + db + ", '.', " + name + ")) AS rel_logical_id";
    }

    private static String tables(Namespace ns, Source src, List<String> extraRows) {
        String db = src.logical("TABLE_SCHEMA");
        List<String> parts = new ArrayList<>();
        parts.add(relation(ns, db, "TABLE_NAME", "IF(TABLE_TYPE = 'VIEW', 'v', 'r')", "TABLE_COMMENT", "CREATE_TIME")
                + " FROM information_schema.TABLES WHERE " + src.filter("TABLE_SCHEMA"));
        // the hidden tables of each secondary, unique, full-text or vector index, as mo_indexes names them
        parts.add(relation(ns, db, hiddenName("s"), "r.relkind", "''", "NULL") + " FROM (SELECT TABLE_SCHEMA, "
                + "TABLE_NAME, INDEX_NAME, MIN(NON_UNIQUE) AS NON_UNIQUE, " + ALGO + " AS algo FROM " + statistics(src)
                + " AND INDEX_NAME <> 'PRIMARY' GROUP BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME) s JOIN " + ROLES
                + " r ON r.algo = s.algo");
        parts.addAll(extraRows);
        return String.join(" UNION ALL ", parts);
    }

    /** What kind of index a STATISTICS row is: {@code ivfflat}, {@code hnsw}, {@code fulltext} or empty. */
    private static final String ALGO = "IF(MIN(INDEX_TYPE) = 'FULLTEXT', 'fulltext', IF(MIN(INDEX_COMMENT) LIKE 'mo:ivfflat%', "
            + "'ivfflat', IF(MIN(INDEX_COMMENT) LIKE 'mo:hnsw%', 'hnsw', '')))";
    /**
     * Each kind of index's hidden tables: {@code algo_table_type} in mo_indexes, {@code relkind} in mo_tables
     * (MatrixOne 4.2.0: {@code i} for secondary and unique indexes, the role for IVF-flat, empty for HNSW).
     */
    private static final String ROLES = "(SELECT '' AS algo, '' AS role, 'i' AS relkind UNION ALL SELECT 'fulltext', '', "
            + "'fulltext' UNION ALL SELECT 'ivfflat', 'metadata', 'metadata' UNION ALL SELECT 'ivfflat', 'centroids', "
            + "'centroids' UNION ALL SELECT 'ivfflat', 'entries', 'entries' UNION ALL SELECT 'hnsw', 'hnsw_meta', '' "
            + "UNION ALL SELECT 'hnsw', 'hnsw_index', '')";

    /**
     * STATISTICS rows of the source's schemas, without the indexes MariaDB adds for foreign keys and the emulator's
     * own on an ngram index's shadow column ({@link NgramFulltext}).
     */
    private static String statistics(Source src) {
        return "information_schema.STATISTICS s WHERE " + src.filter("s.TABLE_SCHEMA") + " AND s.INDEX_NAME NOT LIKE "
                + NgramFulltext.SHADOW_LIKE + " AND NOT EXISTS (SELECT 1 FROM "
                + "information_schema.TABLE_CONSTRAINTS k WHERE k.TABLE_SCHEMA = s.TABLE_SCHEMA AND k.TABLE_NAME = "
                + "s.TABLE_NAME AND k.CONSTRAINT_NAME = s.INDEX_NAME AND k.CONSTRAINT_TYPE = 'FOREIGN KEY')";
    }

    /** The hidden table's name for index rows {@code s} joined with their roles {@code r} ({@link IvfIndexTables#tableName}). */
    private static String hiddenName(String s) {
        return IvfIndexTables.tableNameSql(s + ".TABLE_SCHEMA", s + ".TABLE_NAME", s + ".INDEX_NAME", "r.role",
                s + ".NON_UNIQUE = 0");
    }

    /**
     * {@code mo_indexes} in MatrixOne 4.2.0's columns: one row per index column and hidden table (an IVF-flat index
     * has three: metadata, centroids, entries; HNSW two), and for a secondary index one more for the primary key
     * MatrixOne appends to it ({@code __mo_alias_<pk>}). Ids are CRC32s, {@code table_id} joins with
     * {@code mo_tables.rel_id}; {@code algo_params} and the comment come from the emulator's index comment.
     */
    private static String indexes(Namespace ns, Source src) {
        String db = src.logical("s.TABLE_SCHEMA");
        String kind = "IF(s.INDEX_NAME = 'PRIMARY', 'PRIMARY', IF(s.INDEX_TYPE = 'FULLTEXT', 'FULLTEXT', "
                + "IF(s.NON_UNIQUE = 0, 'UNIQUE', 'MULTIPLE')))";
        String params = "IFNULL(SUBSTRING(REGEXP_SUBSTR(s.INDEX_COMMENT, '^mo:[a-z]+ [{][^}]*[}]'), "
                + "LOCATE('{', s.INDEX_COMMENT)), '')";
        String comment = "IF(s.INDEX_COMMENT LIKE 'mo:%', IF(LOCATE('|', s.INDEX_COMMENT) > 0, "
                + "SUBSTRING(s.INDEX_COMMENT, LOCATE('|', s.INDEX_COMMENT) + 1), ''), s.INDEX_COMMENT)";
        String row = "SELECT CRC32(CONCAT(s.TABLE_SCHEMA, '.', s.TABLE_NAME, '.', s.INDEX_NAME, '.', r.role)) AS id, "
                + "CRC32(CONCAT(" + db + ", '.', s.TABLE_NAME)) AS table_id, CRC32(" + db + ") AS database_id, "
                + "s.INDEX_NAME AS name, " + kind + " AS type, r.algo AS algo, r.role AS algo_table_type, " + params
                + " AS algo_params, IF(s.IGNORED = 'YES', 0, 1) AS is_visible, 0 AS hidden, " + comment + " AS comment, ";
        String indexed = row + "s.COLUMN_NAME AS column_name, s.SEQ_IN_INDEX AS ordinal_position, NULL AS options, "
                + "IF(s.INDEX_NAME = 'PRIMARY', NULL, " + hiddenName("s") + ") AS index_table_name, NULL AS included_columns "
                + "FROM (SELECT s.*, " + ALGO.replace("MIN(", "(") + " AS algo FROM " + statistics(src) + ") s JOIN "
                + ROLES + " r ON r.algo = s.algo";
        String pk = "(SELECT IF(COUNT(*) = 0, '__mo_fake_pk_col', IF(COUNT(*) > 1, '__mo_cpkey_col', MIN(p.COLUMN_NAME))) "
                + "FROM information_schema.KEY_COLUMN_USAGE p WHERE p.TABLE_SCHEMA = s.TABLE_SCHEMA AND p.TABLE_NAME = "
                + "s.TABLE_NAME AND p.CONSTRAINT_NAME = 'PRIMARY')";
        String alias = row + "CONCAT('__mo_alias_', " + pk + "), MAX(s.SEQ_IN_INDEX) + 1, NULL, " + hiddenName("s")
                + ", NULL FROM " + statistics(src) + " AND s.INDEX_NAME <> 'PRIMARY' AND s.NON_UNIQUE = 1 "
                + "AND s.INDEX_TYPE <> 'FULLTEXT' AND s.INDEX_COMMENT NOT LIKE 'mo:%' "
                + "GROUP BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME";
        return indexed + " UNION ALL " + alias.replace("r.role", "''").replace("r.algo", "''");
    }

    private static String columns(Namespace ns, Source src) {
        String db = src.logical("c.TABLE_SCHEMA");
        String account = String.valueOf(Math.max(ns.id(), 0));
        String base = "information_schema.TABLES t WHERE t.TABLE_TYPE <> 'VIEW' AND " + src.filter("t.TABLE_SCHEMA");
        String pkCount = "(SELECT COUNT(*) FROM information_schema.KEY_COLUMN_USAGE p WHERE p.TABLE_SCHEMA = c.TABLE_SCHEMA "
                + "AND p.TABLE_NAME = c.TABLE_NAME AND p.CONSTRAINT_NAME = 'PRIMARY')";
        String visible = "SELECT CONCAT(" + db + ", '-', c.TABLE_NAME, '-', c.COLUMN_NAME) AS att_uniq_name, " + account
                + " AS account_id, CRC32(" + db + ") AS att_database_id, " + db + " AS att_database, "
                + "CRC32(CONCAT(" + db + ", '.', c.TABLE_NAME)) AS att_relname_id, c.TABLE_NAME AS att_relname, "
                + "c.COLUMN_NAME AS attname, c.DATA_TYPE AS atttyp, c.ORDINAL_POSITION AS attnum, "
                + "COALESCE(c.CHARACTER_MAXIMUM_LENGTH, c.NUMERIC_PRECISION, 0) AS att_length, "
                + "IF(c.IS_NULLABLE = 'NO', 1, 0) AS attnotnull, IF(c.COLUMN_DEFAULT IS NULL, 0, 1) AS atthasdef, "
                + "COALESCE(c.COLUMN_DEFAULT, '') AS att_default, 0 AS attisdropped, "
                + "IF(c.COLUMN_KEY = 'PRI', 'p', '') AS att_constraint_type, IF(c.COLUMN_TYPE LIKE '%unsigned%', 1, 0) AS att_is_unsigned, "
                + "IF(c.EXTRA LIKE '%auto_increment%', 1, 0) AS att_is_auto_increment, c.COLUMN_COMMENT AS att_comment, "
                + "0 AS att_is_hidden FROM information_schema.COLUMNS c WHERE " + src.filter("c.TABLE_SCHEMA")
                + " AND c.COLUMN_NAME NOT LIKE " + NgramFulltext.SHADOW_LIKE
                + " AND EXISTS (SELECT 1 FROM " + base + " AND t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME)";
        String hidden = "SELECT CONCAT(" + db + ", '-', c.TABLE_NAME, '-', h.name), " + account + ", CRC32(" + db + "), " + db
                + ", CRC32(CONCAT(" + db + ", '.', c.TABLE_NAME)), c.TABLE_NAME, h.name, 'varchar', 0, 0, 0, 0, '', 0, '', 0, 0, '', 1 "
                + "FROM (SELECT t.TABLE_SCHEMA, t.TABLE_NAME FROM " + base + ") c JOIN (SELECT '__mo_rowid' AS name, -1 AS pk "
                + "UNION ALL SELECT '__mo_fake_pk_col', 0 UNION ALL SELECT '__mo_cpkey_col', 2) h "
                + "ON h.pk = -1 OR (h.pk = 0 AND " + pkCount + " = 0) OR (h.pk = 2 AND " + pkCount + " > 1)";
        return visible + " UNION ALL " + hidden;
    }
}
