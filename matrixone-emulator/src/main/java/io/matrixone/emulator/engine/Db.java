package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;

/** Convenience queries over a session's {@link Backend}. */
final class Db {

    /** Schemas that are never user data: MariaDB's own, MatrixOne's catalog and the emulator's hidden ones. */
    static final List<String> SYSTEM_SCHEMAS = List.of("mysql", "information_schema", "performance_schema", "sys",
            "system", "system_metrics", "mo_task", "mo_debug",
            "mo_catalog", Catalog.META_SCHEMA);

    private final Backend backend;

    Db(Backend backend) {
        this.backend = backend;
    }

    Backend backend() {
        return backend;
    }

    void exec(String sql) {
        backend.execute(sql);
    }

    BackendResult query(String sql) {
        return backend.execute(sql);
    }

    String scalar(String sql) {
        return backend.execute(sql).scalar();
    }

    List<List<String>> rows(String sql) {
        return backend.execute(sql).rows();
    }

    static boolean isSystemSchema(String db) {
        return SYSTEM_SCHEMAS.contains(db.toLowerCase(java.util.Locale.ROOT)) || db.startsWith(Catalog.COPY_PREFIX);
    }

    boolean databaseExists(String db) {
        return scalar("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = " + Sql.str(db)).equals("1");
    }

    boolean tableExists(String db, String table) {
        return !scalar("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + Sql.str(db)
                + " AND TABLE_NAME = " + Sql.str(table)).equals("0");
    }

    /** The session's current database, or {@code null}. */
    String currentDatabase() {
        return scalar("SELECT DATABASE()");
    }

    /** Tables and views of a database: name and TABLE_TYPE ({@code BASE TABLE}, {@code VIEW}, {@code SYSTEM VERSIONED}). */
    List<List<String>> tables(String db) {
        return rows("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + Sql.str(db)
                + " AND TABLE_TYPE IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED') ORDER BY TABLE_NAME");
    }

    /** Comma-separated, quoted list of the columns a copy can write (generated columns excluded). */
    String insertableColumns(String db, String table) {
        return String.join(", ", insertableColumnList(db, table));
    }

    /** The quoted names of the columns an INSERT may set, in table order. */
    List<String> insertableColumnList(String db, String table) {
        List<String> cols = new ArrayList<>();
        for (List<String> r : rows("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " + Sql.str(db)
                + " AND TABLE_NAME = " + Sql.str(table) + " AND EXTRA NOT LIKE '%GENERATED%' ORDER BY ORDINAL_POSITION")) {
            cols.add(Sql.id(r.get(0)));
        }
        return cols;
    }

    boolean isSystemVersioned(String db, String table) {
        return "SYSTEM VERSIONED".equals(scalar("SELECT TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                + Sql.str(db) + " AND TABLE_NAME = " + Sql.str(table)));
    }

    /**
     * {@code CREATE VIEW `db`.`v` AS ...} with every name qualified: SHOW CREATE VIEW leaves out the database of
     * names in the session's current database, information_schema.VIEWS never does.
     */
    String viewDefinition(String db, String view) {
        List<List<String>> r = rows("SELECT VIEW_DEFINITION, CHECK_OPTION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = "
                + Sql.str(db) + " AND TABLE_NAME = " + Sql.str(view));
        String check = r.get(0).get(1);
        return "CREATE VIEW " + Sql.id(db, view) + " AS " + r.get(0).get(0)
                + (check == null || check.equals("NONE") ? "" : " WITH " + check + " CHECK OPTION");
    }

    String showCreateTable(String db, String table) {
        return query("SHOW CREATE TABLE " + Sql.id(db, table)).rows().get(0).get(1);
    }

    /** Copies the rows of {@code src} into the existing table {@code dst} (same columns). */
    void copyRows(String srcDb, String srcTable, String dstDb, String dstTable) {
        String cols = insertableColumns(dstDb, dstTable);
        if (cols.isEmpty()) {
            return;
        }
        exec("INSERT INTO " + Sql.id(dstDb, dstTable) + " (" + cols + ") SELECT " + cols + " FROM " + Sql.id(srcDb, srcTable));
    }

    /**
     * Creates {@code dst} with the structure of {@code src} (no rows, no foreign keys: CREATE TABLE ... LIKE)
     * and without system versioning, which belongs to the live table only.
     */
    void createLike(String srcDb, String srcTable, String dstDb, String dstTable, boolean temporary) {
        exec("CREATE " + (temporary ? "TEMPORARY " : "") + "TABLE " + Sql.id(dstDb, dstTable) + " LIKE " + Sql.id(srcDb, srcTable));
        if (!temporary && isSystemVersioned(dstDb, dstTable)) {
            exec("ALTER TABLE " + Sql.id(dstDb, dstTable) + " DROP SYSTEM VERSIONING");
        }
    }

    /** Runs {@code body} with foreign-key checks off, restoring the session's previous setting. */
    void withoutForeignKeyChecks(Runnable body) {
        String old = scalar("SELECT @@foreign_key_checks");
        exec("SET foreign_key_checks = 0");
        try {
            body.run();
        } finally {
            exec("SET foreign_key_checks = " + ("0".equals(old) ? "0" : "1"));
        }
    }
}
