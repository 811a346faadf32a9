package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots, copy-on-create: the objects in scope are copied into hidden schemas ({@code __mo_snap_*}) and
 * described in {@code __mo_emulator.snapshot_objects}; the snapshot itself is a real row of
 * {@code mo_catalog.mo_snapshots}. Stateless: everything lives in MariaDB.
 */
final class SnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);

    private final Nanos clock;
    private final TargetVersion version;

    SnapshotStore(Nanos clock, TargetVersion version) {
        this.clock = clock;
        this.version = version;
    }

    Optional<SnapshotRecord> find(Db db, String name) {
        List<List<String>> rows = db.rows("SELECT sname, ts, level, account_name, database_name, table_name "
                + "FROM mo_catalog.mo_snapshots WHERE sname = " + Sql.str(name));
        return rows.isEmpty() ? Optional.empty() : Optional.of(record(rows.get(0)));
    }

    /** The snapshot named in a read, clone or restore, or MatrixOne's "find 0 snapshot records" error (§1.8). */
    SnapshotRecord require(Db db, String name) {
        return find(db, name).orElseThrow(() ->
                MoException.internal("find 0 snapshot records by name(" + name + "), expect only 1"));
    }

    private static SnapshotRecord record(List<String> r) {
        return new SnapshotRecord(r.get(0), Long.parseLong(r.get(1)), r.get(2), nz(r.get(3)), nz(r.get(4)), nz(r.get(5)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    List<SnapshotObject> objects(Db db, String sname) {
        List<SnapshotObject> out = new ArrayList<>();
        for (List<String> r : db.rows("SELECT db_name, table_name, kind, copy_schema, create_sql FROM "
                + Catalog.SNAPSHOT_OBJECTS + " WHERE sname = " + Sql.str(sname) + " ORDER BY db_name, kind, table_name")) {
            out.add(new SnapshotObject(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)));
        }
        return out;
    }

    Optional<SnapshotObject> object(Db db, String sname, String dbName, String table) {
        return objects(db, sname).stream().filter(o -> o.db().equals(dbName) && o.table().equals(table)).findFirst();
    }

    /**
     * The newest snapshot taken at or before {@code maxTs} whose scope includes {@code dbName}.{@code table},
     * with the object if the table existed then.
     */
    Optional<SnapshotRecord> newestCovering(Db db, String dbName, String table, long maxTs) {
        String sql = "SELECT s.sname, s.ts, s.level, s.account_name, s.database_name, s.table_name "
                + "FROM mo_catalog.mo_snapshots s WHERE s.ts <= " + maxTs + " AND EXISTS (SELECT 1 FROM "
                + Catalog.SNAPSHOT_OBJECTS + " o WHERE o.sname = s.sname AND o.db_name = " + Sql.str(dbName)
                + " AND (o.table_name = " + Sql.str(table) + " OR (o.kind = 'DATABASE' AND s.level <> 'table'))) "
                + "ORDER BY s.ts DESC LIMIT 1";
        List<List<String>> rows = db.rows(sql);
        return rows.isEmpty() ? Optional.empty() : Optional.of(record(rows.get(0)));
    }

    /**
     * Copies the databases in scope and records the snapshot. {@code tableOnly} restricts a single-database
     * scope to one table (table-level snapshots).
     */
    SnapshotRecord create(Db db, String name, String level, String account, List<String> databases, String tableOnly) {
        String copyId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        List<String> created = new ArrayList<>();
        try {
            int i = 0;
            for (String d : databases) {
                String copy = Catalog.COPY_PREFIX + copyId + "_" + i++;
                db.exec("CREATE DATABASE " + Sql.id(copy));
                created.add(copy);
                copyDatabase(db, name, d, copy, tableOnly);
            }
            long ts = clock.next();
            String dbCol = "database".equals(level) || "table".equals(level) ? databases.get(0) : "";
            String tblCol = "table".equals(level) ? tableOnly : "";
            db.exec("INSERT INTO mo_catalog.mo_snapshots (snapshot_id, sname, ts, level, account_name, database_name, "
                    + "table_name, obj_id) VALUES (" + Sql.str(UUID.randomUUID().toString()) + ", " + Sql.str(name) + ", "
                    + ts + ", " + Sql.str(level) + ", " + Sql.str(account) + ", " + Sql.str(dbCol) + ", "
                    + Sql.str(tblCol) + ", " + objId(level, db, account) + ")");
            LOG.debug("snapshot {} ({} level) copied {} database(s) at ts {}", name, level, databases.size(), ts);
            return new SnapshotRecord(name, ts, level, account, dbCol, tblCol);
        } catch (RuntimeException e) {
            for (String copy : created) {
                dropQuietly(db, copy);
            }
            db.exec("DELETE FROM " + Catalog.SNAPSHOT_OBJECTS + " WHERE sname = " + Sql.str(name));
            throw e;
        }
    }

    private String objId(String level, Db db, String account) {
        return switch (level) {
            case "cluster" -> "18446744073709551615"; // math.MaxUint64 (mo_sql.md §1.4)
            case "account" -> {
                String id = db.scalar("SELECT account_id FROM mo_catalog.mo_account WHERE account_name = " + Sql.str(account));
                yield id == null ? "0" : id;
            }
            default -> "0";
        };
    }

    private void copyDatabase(Db db, String sname, String d, String copy, String tableOnly) {
        String createDb = db.query("SHOW CREATE DATABASE " + Sql.id(d)).rows().get(0).get(1);
        insertObject(db, sname, d, "", "DATABASE", copy, createDb);
        for (List<String> t : db.tables(d)) {
            String table = t.get(0);
            if (tableOnly != null && !tableOnly.equals(table)) {
                continue;
            }
            if ("VIEW".equals(t.get(1))) {
                String def = db.query("SHOW CREATE VIEW " + Sql.id(d, table)).rows().get(0).get(1);
                insertObject(db, sname, d, table, "VIEW", null, def);
                continue;
            }
            String def = db.showCreateTable(d, table);
            db.createLike(d, table, copy, table, false);
            db.copyRows(d, table, copy, table);
            insertObject(db, sname, d, table, "TABLE", copy, def);
        }
    }

    private static void insertObject(Db db, String sname, String d, String table, String kind, String copy, String def) {
        db.exec("INSERT INTO " + Catalog.SNAPSHOT_OBJECTS + " (sname, db_name, table_name, kind, copy_schema, create_sql) "
                + "VALUES (" + Sql.str(sname) + ", " + Sql.str(d) + ", " + Sql.str(table) + ", " + Sql.str(kind) + ", "
                + Sql.str(copy) + ", " + Sql.str(def) + ")");
    }

    /** Drops the snapshot's row and its copies. */
    void drop(Db db, String name) {
        for (List<String> r : db.rows("SELECT DISTINCT copy_schema FROM " + Catalog.SNAPSHOT_OBJECTS
                + " WHERE sname = " + Sql.str(name) + " AND copy_schema IS NOT NULL")) {
            dropQuietly(db, r.get(0));
        }
        db.exec("DELETE FROM " + Catalog.SNAPSHOT_OBJECTS + " WHERE sname = " + Sql.str(name));
        db.exec("DELETE FROM mo_catalog.mo_snapshots WHERE sname = " + Sql.str(name));
    }

    private static void dropQuietly(Db db, String schema) {
        try {
            db.exec("DROP DATABASE IF EXISTS " + Sql.id(schema));
        } catch (BackendException e) {
            LOG.warn("could not drop snapshot copy {}: {}", schema, e.getMessage());
        }
    }

    /** The SELECT behind SHOW SNAPSHOTS (build_show.go buildShowSnapShots), newest first. */
    String showSql(String userWhere) {
        String filter = "sname NOT LIKE 'ccpr\\_%'" + (version.isV4OrLater() ? " AND kind != 'branch'" : "");
        String inner = "SELECT sname AS SNAPSHOT_NAME, "
                + "DATE_ADD(TIMESTAMP'1970-01-01 00:00:00', INTERVAL ts DIV 1000 MICROSECOND) AS `TIMESTAMP`, "
                + "level AS SNAPSHOT_LEVEL, account_name AS ACCOUNT_NAME, database_name AS DATABASE_NAME, "
                + "table_name AS TABLE_NAME, ts AS __ts FROM mo_catalog.mo_snapshots WHERE " + filter;
        return "SELECT SNAPSHOT_NAME, __ts, SNAPSHOT_LEVEL, ACCOUNT_NAME, DATABASE_NAME, TABLE_NAME FROM (" + inner
                + ") AS snapshots" + (userWhere == null ? "" : " WHERE " + userWhere) + " ORDER BY __ts DESC";
    }
}
