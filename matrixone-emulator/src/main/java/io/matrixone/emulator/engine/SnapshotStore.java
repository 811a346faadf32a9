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

    /**
     * A database in a snapshot's scope: the namespace it is in and its name there; a subscription database is
     * kept as the statement that subscribes it again ({@code subscribe}), not as data.
     */
    record Scope(Namespace ns, String logical, String subscribe) {
        Scope(Namespace ns, String logical) {
            this(ns, logical, null);
        }

        String account() {
            return ns.account();
        }

        String physical() {
            return ns.physical(logical);
        }
    }

    /** What a snapshot remembers of an account, so that restoring it can bring back a dropped account. */
    record AccountInfo(String name, String admin, String auth, String comments) {
    }

    /** The snapshot of this name among {@code owner}'s snapshots (names are per account). */
    Optional<SnapshotRecord> find(Db db, Namespace owner, String name) {
        List<List<String>> rows = db.rows("SELECT sname, ts, level, account_name, database_name, table_name "
                + "FROM " + table(owner) + " WHERE sname = BINARY " + Sql.str(name)); // case-sensitive, as on MatrixOne
        return rows.isEmpty() ? Optional.empty() : Optional.of(record(rows.get(0)));
    }

    /** The snapshot named in a read, clone or restore, or MatrixOne's "find 0 snapshot records" error (§1.8). */
    SnapshotRecord require(Db db, Namespace owner, String name) {
        return find(db, owner, name).orElseThrow(() ->
                MoException.internal("find 0 snapshot records by name(" + name + "), expect only 1"));
    }

    private static String table(Namespace owner) {
        return Sql.id(owner.catalog(), "mo_snapshots");
    }

    private static SnapshotRecord record(List<String> r) {
        return new SnapshotRecord(r.get(0), Long.parseLong(r.get(1)), r.get(2), nz(r.get(3)), nz(r.get(4)), nz(r.get(5)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    List<SnapshotObject> objects(Db db, Namespace owner, String sname) {
        List<SnapshotObject> out = new ArrayList<>();
        for (List<String> r : db.rows("SELECT obj_account, db_name, table_name, kind, copy_schema, create_sql FROM "
                + Catalog.SNAPSHOT_OBJECTS + " WHERE owner = " + Sql.str(owner.account()) + " AND sname = " + Sql.str(sname)
                + " ORDER BY obj_account, db_name, kind, table_name")) {
            out.add(new SnapshotObject(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)));
        }
        return out;
    }

    Optional<SnapshotObject> object(Db db, Namespace owner, String sname, String account, String dbName, String table) {
        return objects(db, owner, sname).stream()
                .filter(o -> o.account().equals(account) && o.db().equals(dbName) && o.table().equals(table)).findFirst();
    }

    /**
     * The newest of {@code owner}'s snapshots taken at or before {@code maxTs} whose scope includes
     * {@code account}'s {@code dbName}.{@code table}.
     */
    Optional<SnapshotRecord> newestCovering(Db db, Namespace owner, String account, String dbName, String table, long maxTs) {
        String sql = "SELECT s.sname, s.ts, s.level, s.account_name, s.database_name, s.table_name "
                + "FROM " + table(owner) + " s WHERE s.ts <= " + maxTs + " AND EXISTS (SELECT 1 FROM "
                + Catalog.SNAPSHOT_OBJECTS + " o WHERE o.owner = " + Sql.str(owner.account()) + " AND o.sname = s.sname"
                + " AND o.obj_account = " + Sql.str(account) + " AND o.db_name = " + Sql.str(dbName)
                + " AND (o.table_name = " + Sql.str(table) + " OR (o.kind = 'DATABASE' AND s.level <> 'table'))) "
                + "ORDER BY s.ts DESC LIMIT 1";
        List<List<String>> rows = db.rows(sql);
        return rows.isEmpty() ? Optional.empty() : Optional.of(record(rows.get(0)));
    }

    /**
     * Copies the databases in scope and records the snapshot among {@code owner}'s. {@code tableOnly} restricts a
     * single-database scope to one table (table-level snapshots).
     */
    SnapshotRecord create(Db db, Namespace owner, String name, String level, String account, List<Scope> scope,
                          String tableOnly) {
        String copyId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        List<String> created = new ArrayList<>();
        try {
            int i = 0;
            for (Scope d : scope) {
                String copy = Catalog.COPY_PREFIX + copyId + "_" + i++;
                db.exec("CREATE DATABASE " + Sql.id(copy));
                created.add(copy);
                copyDatabase(db, owner, name, d, copy, tableOnly);
            }
            long ts = clock.next();
            String dbCol = "database".equals(level) || "table".equals(level) ? scope.get(0).logical() : "";
            String tblCol = "table".equals(level) ? tableOnly : "";
            db.exec("INSERT INTO " + table(owner) + " (snapshot_id, sname, ts, level, account_name, database_name, "
                    + "table_name, obj_id) VALUES (" + Sql.str(UUID.randomUUID().toString()) + ", " + Sql.str(name) + ", "
                    + ts + ", " + Sql.str(level) + ", " + Sql.str(account) + ", " + Sql.str(dbCol) + ", "
                    + Sql.str(tblCol) + ", " + objId(level, db, account) + ")");
            LOG.debug("snapshot {} ({} level) copied {} database(s) at ts {}", name, level, scope.size(), ts);
            return new SnapshotRecord(name, ts, level, account, dbCol, tblCol);
        } catch (RuntimeException e) {
            for (String copy : created) {
                dropQuietly(db, copy);
            }
            db.exec("DELETE FROM " + Catalog.SNAPSHOT_OBJECTS + " WHERE owner = " + Sql.str(owner.account())
                    + " AND sname = " + Sql.str(name));
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

    private void copyDatabase(Db db, Namespace owner, String sname, Scope d, String copy, String tableOnly) {
        if (d.subscribe() != null) {
            insertObject(db, owner, sname, d, "", "SUBSCRIPTION", null, d.subscribe());
            return;
        }
        String createDb = db.query("SHOW CREATE DATABASE " + Sql.id(d.physical())).rows().get(0).get(1);
        insertObject(db, owner, sname, d, "", "DATABASE", copy, createDb);
        for (List<String> t : db.tables(d.physical())) {
            String table = t.get(0);
            if (tableOnly != null && !tableOnly.equals(table)) {
                continue;
            }
            if ("VIEW".equals(t.get(1))) {
                String def = db.viewDefinition(d.physical(), table);
                insertObject(db, owner, sname, d, table, "VIEW", null, Views.portable(def, d.ns()));
                continue;
            }
            String def = db.showCreateTable(d.physical(), table);
            db.createLike(d.physical(), table, copy, table, false);
            db.copyRows(d.physical(), table, copy, table);
            insertObject(db, owner, sname, d, table, "TABLE", copy, def);
        }
    }

    private static void insertObject(Db db, Namespace owner, String sname, Scope d, String table, String kind, String copy,
                                     String def) {
        db.exec("INSERT INTO " + Catalog.SNAPSHOT_OBJECTS + " (owner, sname, obj_account, db_name, table_name, kind, "
                + "copy_schema, create_sql) VALUES (" + Sql.str(owner.account()) + ", " + Sql.str(sname) + ", "
                + Sql.str(d.account()) + ", " + Sql.str(d.logical()) + ", " + Sql.str(table) + ", " + Sql.str(kind) + ", "
                + Sql.str(copy) + ", " + Sql.str(def) + ")");
    }

    /** A publication as a snapshot saw it. */
    record PubInfo(String account, String name, String database, String tables, String accounts, String comment) {
    }

    /** Remembers the publications of a cluster snapshot, which a cluster restore creates again. */
    void recordPublications(Db db, Namespace owner, String sname) {
        db.exec("INSERT INTO " + Catalog.SNAPSHOT_PUBS + " (owner, sname, account_name, pub_name, database_name, table_list, "
                + "account_list, `comment`) SELECT " + Sql.str(owner.account()) + ", " + Sql.str(sname) + ", account_name, "
                + "pub_name, database_name, table_list, account_list, `comment` FROM mo_catalog.mo_pubs");
    }

    List<PubInfo> publications(Db db, Namespace owner, String sname) {
        return db.rows("SELECT account_name, pub_name, database_name, table_list, account_list, `comment` FROM "
                + Catalog.SNAPSHOT_PUBS + " WHERE owner = " + Sql.str(owner.account()) + " AND sname = " + Sql.str(sname)
                + " ORDER BY account_name, pub_name").stream()
                .map(r -> new PubInfo(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5))).toList();
    }

    /** Remembers the accounts a cluster or account snapshot covers (admin and password hash, if readable). */
    void recordAccounts(Db db, Namespace owner, String sname, List<Namespace> accounts) {
        for (Namespace ns : accounts) {
            if (ns.isSys()) {
                continue;
            }
            List<List<String>> row = db.rows("SELECT admin_name, comments FROM mo_catalog.mo_account WHERE account_name = "
                    + Sql.str(ns.account()));
            if (row.isEmpty()) {
                continue;
            }
            String admin = row.get(0).get(0);
            String auth = null;
            try {
                auth = db.scalar("SELECT authentication_string FROM mysql.user WHERE user = "
                        + Sql.str(AccountHandler.mariaUser(ns.account(), admin)) + " LIMIT 1");
            } catch (BackendException e) {
                LOG.debug("cannot read the password hash of account {}: {}", ns.account(), e.getMessage());
            }
            db.exec("REPLACE INTO " + Catalog.SNAPSHOT_ACCOUNTS + " (owner, sname, account_name, admin_name, auth, comments) "
                    + "VALUES (" + Sql.str(owner.account()) + ", " + Sql.str(sname) + ", " + Sql.str(ns.account()) + ", "
                    + Sql.str(admin) + ", " + Sql.str(auth) + ", " + Sql.str(row.get(0).get(1)) + ")");
        }
    }

    /** The account as the snapshot saw it, or {@code null}. */
    AccountInfo account(Db db, Namespace owner, String sname, String account) {
        List<List<String>> rows = db.rows("SELECT account_name, admin_name, auth, comments FROM " + Catalog.SNAPSHOT_ACCOUNTS
                + " WHERE owner = " + Sql.str(owner.account()) + " AND sname = " + Sql.str(sname) + " AND account_name = "
                + Sql.str(account));
        return rows.isEmpty() ? null : new AccountInfo(rows.get(0).get(0), rows.get(0).get(1), rows.get(0).get(2),
                rows.get(0).get(3));
    }

    /** Every account the snapshot remembers. */
    List<String> accounts(Db db, Namespace owner, String sname) {
        return db.rows("SELECT account_name FROM " + Catalog.SNAPSHOT_ACCOUNTS + " WHERE owner = " + Sql.str(owner.account())
                + " AND sname = " + Sql.str(sname)).stream().map(r -> r.get(0)).toList();
    }

    /** Drops the snapshot's row and its copies. */
    void drop(Db db, Namespace owner, String name) {
        String key = "owner = " + Sql.str(owner.account()) + " AND sname = " + Sql.str(name);
        for (List<String> r : db.rows("SELECT DISTINCT copy_schema FROM " + Catalog.SNAPSHOT_OBJECTS
                + " WHERE " + key + " AND copy_schema IS NOT NULL")) {
            dropQuietly(db, r.get(0));
        }
        db.exec("DELETE FROM " + Catalog.SNAPSHOT_OBJECTS + " WHERE " + key);
        db.exec("DELETE FROM " + Catalog.SNAPSHOT_ACCOUNTS + " WHERE " + key);
        db.exec("DELETE FROM " + Catalog.SNAPSHOT_PUBS + " WHERE " + key);
        db.exec("DELETE FROM " + table(owner) + " WHERE sname = " + Sql.str(name));
    }

    /** Drops every snapshot an account took, with its copies: the account is being dropped. */
    void dropAll(Db db, Namespace owner) {
        for (List<String> r : db.rows("SELECT DISTINCT copy_schema FROM " + Catalog.SNAPSHOT_OBJECTS
                + " WHERE owner = " + Sql.str(owner.account()) + " AND copy_schema IS NOT NULL")) {
            dropQuietly(db, r.get(0));
        }
        db.exec("DELETE FROM " + Catalog.SNAPSHOT_OBJECTS + " WHERE owner = " + Sql.str(owner.account()));
        db.exec("DELETE FROM " + Catalog.SNAPSHOT_ACCOUNTS + " WHERE owner = " + Sql.str(owner.account()));
        db.exec("DELETE FROM " + Catalog.SNAPSHOT_PUBS + " WHERE owner = " + Sql.str(owner.account()));
    }

    private static void dropQuietly(Db db, String schema) {
        try {
            db.exec("DROP DATABASE IF EXISTS " + Sql.id(schema));
        } catch (BackendException e) {
            LOG.warn("could not drop snapshot copy {}: {}", schema, e.getMessage());
        }
    }

    /** The SELECT behind SHOW SNAPSHOTS (build_show.go buildShowSnapShots), newest first. */
    String showSql(Namespace owner, String userWhere) {
        String filter = "sname NOT LIKE 'ccpr\\_%'" + (version.isV4OrLater() ? " AND kind != 'branch'" : "");
        String inner = "SELECT sname AS SNAPSHOT_NAME, "
                + "DATE_ADD(TIMESTAMP'1970-01-01 00:00:00', INTERVAL ts DIV 1000 MICROSECOND) AS `TIMESTAMP`, "
                + "level AS SNAPSHOT_LEVEL, account_name AS ACCOUNT_NAME, database_name AS DATABASE_NAME, "
                + "table_name AS TABLE_NAME, ts AS __ts FROM " + table(owner) + " WHERE " + filter;
        return "SELECT SNAPSHOT_NAME, __ts, SNAPSHOT_LEVEL, ACCOUNT_NAME, DATABASE_NAME, TABLE_NAME FROM (" + inner
                + ") AS snapshots" + (userWhere == null ? "" : " WHERE " + userWhere) + " ORDER BY __ts DESC";
    }
}
