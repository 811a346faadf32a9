package io.matrixone.emulator.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RESTORE from a snapshot or a PITR, in the grammar of the target version only (mo_sql.md §4.1, §4.2, §5.3):
 * v4.x {@code RESTORE {CLUSTER | ACCOUNT a | DATABASE [a.]d | TABLE [a.]d.t}{SNAPSHOT = s} [TO ACCOUNT b]},
 * v3.0.x {@code RESTORE {CLUSTER | ACCOUNT a [DATABASE d [TABLE t]]} FROM SNAPSHOT s [TO ACCOUNT b]}. The other
 * generation's form is MatrixOne's 1064 at the token where that version's parser stops.
 */
final class RestoreHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreHandler.class);

    private final SnapshotStore store;
    private final PitrHandler pitr;
    private final TargetVersion version;

    RestoreHandler(SnapshotStore store, PitrHandler pitr, TargetVersion version) {
        this.store = store;
        this.pitr = pitr;
        this.version = version;
    }

    /** A snapshot restore; {@code account} is the statement's account ({@code null} when omitted). */
    record SnapshotRestore(String level, String account, String db, String table, String snapshot, String toAccount) {
    }

    /** Either a {@link SnapshotRestore} or a {@link PitrHandler.Restore}. */
    Object parse(Statement s) {
        TokenCursor c = s.cursor();
        c.expect("RESTORE");
        return version.hasNewRestoreGrammar() ? parseV4(c) : parseV3(c);
    }

    private Object parseV4(TokenCursor c) {
        int start = c.index();
        if (c.accept("CLUSTER")) {
            if (isBrace(c)) {
                return endV4(c, new SnapshotRestore("cluster", null, null, null, snapshotName(c), null), false);
            }
        } else if (c.accept("ACCOUNT")) {
            String a = c.identifier();
            if (isBrace(c)) {
                return endV4(c, new SnapshotRestore("account", a, null, null, snapshotName(c), null), true);
            }
        } else if (c.accept("DATABASE")) {
            String x = c.identifier();
            if (c.acceptPunct(".")) {
                String d = c.identifier();
                if (!isBrace(c)) {
                    throw c.syntaxError();
                }
                return endV4(c, new SnapshotRestore("database", x, d, null, snapshotName(c), null), true);
            }
            if (isBrace(c)) {
                return endV4(c, new SnapshotRestore("database", null, x, null, snapshotName(c), null), true);
            }
        } else if (c.accept("TABLE")) {
            String x = c.identifier();
            c.expectPunct(".");
            String y = c.identifier();
            SnapshotRestore r;
            if (c.acceptPunct(".")) {
                String z = c.identifier();
                if (!isBrace(c)) {
                    throw c.syntaxError();
                }
                r = new SnapshotRestore("table", x, y, z, snapshotName(c), null);
            } else {
                if (!isBrace(c)) {
                    throw c.syntaxError();
                }
                r = new SnapshotRestore("table", null, x, y, snapshotName(c), null);
            }
            return endV4(c, r, true);
        }
        c.reset(start);
        return PitrHandler.parseRestore(c, version);
    }

    private static boolean isBrace(TokenCursor c) {
        return c.peek() != null && c.peek().isPunct("{");
    }

    /** {@code {SNAPSHOT = ident | 'string'}} (restore_snapshot_name); the string form is lower-cased. */
    private static String snapshotName(TokenCursor c) {
        c.expectPunct("{");
        c.expect("SNAPSHOT");
        c.expectPunct("=");
        String name = c.identifierOrString();
        c.expectPunct("}");
        return SnapshotHandler.snapshotName(name);
    }

    private static SnapshotRestore endV4(TokenCursor c, SnapshotRestore r, boolean toAccountAllowed) {
        String to = null;
        if (toAccountAllowed && c.accept("TO")) {
            c.expect("ACCOUNT");
            to = c.identifier();
        }
        c.expectEnd();
        return new SnapshotRestore(r.level(), r.account(), r.db(), r.table(), r.snapshot(), to);
    }

    private Object parseV3(TokenCursor c) {
        int start = c.index();
        if (c.accept("CLUSTER")) {
            c.expect("FROM");
            if (c.accept("SNAPSHOT")) {
                String sp = SnapshotHandler.snapshotName(c.identifier());
                c.expectEnd();
                return new SnapshotRestore("cluster", null, null, null, sp, null);
            }
        } else if (c.accept("ACCOUNT")) {
            String a = c.identifier();
            if (c.accept("DATABASE")) {
                String d = c.identifier();
                String t = null;
                if (c.accept("TABLE")) {
                    t = c.identifier();
                }
                c.expect("FROM");
                c.expect("SNAPSHOT");
                String sp = SnapshotHandler.snapshotName(c.identifier());
                c.expectEnd();
                return new SnapshotRestore(t == null ? "database" : "table", a, d, t, sp, null);
            }
            c.expect("FROM");
            if (c.accept("SNAPSHOT")) {
                String sp = SnapshotHandler.snapshotName(c.identifier());
                String to = null;
                if (c.accept("TO")) {
                    c.expect("ACCOUNT");
                    to = c.identifier();
                }
                c.expectEnd();
                return new SnapshotRestore("account", a, null, null, sp, to);
            }
        }
        c.reset(start);
        return PitrHandler.parseRestore(c, version);
    }

    Reply restore(Statement s, Session session) {
        Object parsed = parse(s);
        if (parsed instanceof PitrHandler.Restore pr) {
            Privileges.checkAdminRole(session);
            return pitr.restore(pr, session);
        }
        SnapshotRestore r = (SnapshotRestore) parsed;
        Db db = new Db(session.backend());
        SnapshotRecord snap = store.require(db, r.snapshot());
        String account = r.account() != null ? r.account() : snap.accountName().isEmpty() ? session.account() : snap.accountName();
        checkRestorePriv(session, snap, r, account);
        if (r.toAccount() != null && !r.toAccount().equals(account)) {
            throw MoException.emulator("RESTORE ... TO ACCOUNT another account is not emulated: every account shares one MariaDB namespace");
        }
        List<SnapshotObject> objects = store.objects(db, snap.name());
        db.withoutForeignKeyChecks(() -> {
            switch (r.level()) {
                case "table" -> {
                    SnapshotObject o = objects.stream().filter(x -> x.db().equals(r.db()) && x.table().equals(r.table()) && x.isTable())
                            .findFirst().orElseThrow(() -> MoException.noSuchTable(r.db(), r.table()));
                    if (!db.databaseExists(r.db())) {
                        createDatabase(db, objects, r.db());
                    }
                    restoreTable(db, o);
                }
                case "database" -> {
                    if (objects.stream().noneMatch(x -> x.db().equals(r.db()) && x.isDatabase())) {
                        throw MoException.internal("database " + r.db() + " does not exist");
                    }
                    restoreDatabase(db, objects, r.db());
                }
                default -> {
                    Set<String> inSnapshot = new HashSet<>();
                    objects.stream().filter(SnapshotObject::isDatabase).forEach(o -> inSnapshot.add(o.db()));
                    for (String d : db.userDatabases()) {
                        if (!inSnapshot.contains(d)) {
                            db.exec("DROP DATABASE " + Sql.id(d)); // created after the snapshot
                        }
                    }
                    for (String d : inSnapshot) {
                        restoreDatabase(db, objects, d);
                    }
                }
            }
        });
        LOG.debug("restored {} level from snapshot {}", r.level(), snap.name());
        return Reply.Ok.EMPTY;
    }

    /** checkRestorePriv (snapshot.go, v4.2.0), in MatrixOne's order. */
    private static void checkRestorePriv(Session session, SnapshotRecord snap, SnapshotRestore r, String account) {
        boolean sys = Privileges.isSys(session);
        Privileges.checkAdminRole(session);
        switch (r.level()) {
            case "cluster" -> {
                if (!sys) {
                    throw MoException.internal("non-sys account can't restore cluster level snapshot");
                }
                if (!snap.level().equals("cluster")) {
                    throw MoException.internal("snapshot " + snap.name() + " is not cluster level snapshot");
                }
            }
            case "account" -> {
                if (account.equals(Privileges.SYS) && !sys) {
                    throw MoException.internal("non-sys account can't restore sys account");
                }
                if (r.toAccount() != null) {
                    if (!sys) {
                        throw MoException.internal("non-sys account can't restore snapshot to another account");
                    }
                    if (r.toAccount().equals(Privileges.SYS) && !snap.accountName().equals(Privileges.SYS)) {
                        throw MoException.internal("non-sys account's snapshot can't restore to sys account");
                    }
                }
                if (snap.level().equals("database") || snap.level().equals("table")) {
                    throw MoException.internal("can't restore account from db or table level snapshot");
                }
            }
            case "database" -> {
                if (Db.isSystemSchema(r.db())) {
                    throw MoException.internal("can't restore db: " + r.db());
                }
                if (snap.level().equals("cluster")) {
                    throw MoException.internal("can't restore db from cluster level snapshot");
                }
                if (snap.level().equals("table")) {
                    throw MoException.internal("can't restore db from table level snapshot");
                }
                if (!account.equals(session.account())) {
                    throw MoException.internal("can't restore database from other account's snapshot");
                }
                if (snap.level().equals("database") && !snap.databaseName().equals(r.db())) {
                    throw MoException.internal("databaseName(" + r.db() + ") does not match snapshot.databaseName(" + snap.databaseName() + ")");
                }
            }
            default -> {
                if (Db.isSystemSchema(r.db())) {
                    throw MoException.internal("can't restore db: " + r.db());
                }
                if (snap.level().equals("cluster")) {
                    throw MoException.internal("can't restore db from cluster level snapshot");
                }
                if (!account.equals(session.account())) {
                    throw MoException.internal("can't restore table from other account's snapshot");
                }
                if (snap.level().equals("table") && (!snap.databaseName().equals(r.db()) || !snap.tableName().equals(r.table()))) {
                    throw MoException.internal("tableName(" + r.table() + ") does not match snapshot.tableName(" + snap.tableName() + ")");
                }
            }
        }
        if (!snap.accountName().equals(account) && !snap.level().equals("cluster")) {
            throw MoException.internal("accountName(" + account + ") does not match snapshot.accountName(" + snap.accountName() + ")");
        }
    }

    private static void createDatabase(Db db, List<SnapshotObject> objects, String d) {
        String ddl = objects.stream().filter(o -> o.db().equals(d) && o.isDatabase()).map(SnapshotObject::createSql)
                .findFirst().orElse("CREATE DATABASE " + Sql.id(d));
        db.exec(ddl);
    }

    /** Brings one database back to the snapshot: tables refilled or recreated, later tables and views dropped. */
    private static void restoreDatabase(Db db, List<SnapshotObject> objects, String d) {
        if (!db.databaseExists(d)) {
            createDatabase(db, objects, d);
        }
        Set<String> names = new HashSet<>();
        for (SnapshotObject o : objects) {
            if (o.db().equals(d) && !o.isDatabase()) {
                names.add(o.table());
            }
        }
        for (List<String> t : db.tables(d)) {
            if (!names.contains(t.get(0))) {
                db.exec(("VIEW".equals(t.get(1)) ? "DROP VIEW " : "DROP TABLE ") + Sql.id(d, t.get(0)));
            }
        }
        for (SnapshotObject o : objects) {
            if (o.db().equals(d) && o.isTable()) {
                restoreTable(db, o);
            }
        }
        for (SnapshotObject o : objects) {
            if (o.db().equals(d) && o.isView()) {
                db.exec("DROP VIEW IF EXISTS " + Sql.id(d, o.table()));
                db.exec(qualify(o.createSql(), " VIEW " + Sql.id(o.table()), " VIEW " + Sql.id(d, o.table())));
            }
        }
    }

    /** Refills a table from its copy, or recreates it from its snapshot-time definition if it differs or is gone. */
    private static void restoreTable(Db db, SnapshotObject o) {
        String d = o.db();
        String t = o.table();
        boolean sameShape = db.tableExists(d, t) && normalize(db.showCreateTable(d, t)).equals(normalize(o.createSql()));
        if (sameShape) {
            db.exec("START TRANSACTION");
            try {
                db.exec("DELETE FROM " + Sql.id(d, t));
                db.copyRows(o.copySchema(), t, d, t);
                db.exec("COMMIT");
            } catch (RuntimeException e) {
                db.exec("ROLLBACK");
                throw e;
            }
            return;
        }
        if (db.tableExists(d, t)) {
            db.exec("DROP TABLE " + Sql.id(d, t));
        }
        db.exec(qualify(o.createSql(), "CREATE TABLE " + Sql.id(t), "CREATE TABLE " + Sql.id(d, t)));
        db.copyRows(o.copySchema(), t, d, t);
    }

    private static String qualify(String ddl, String from, String to) {
        int at = ddl.indexOf(from);
        return at < 0 ? ddl : ddl.substring(0, at) + to + ddl.substring(at + from.length());
    }

    /** SHOW CREATE TABLE text without the volatile AUTO_INCREMENT counter and PITR's versioning clause. */
    private static String normalize(String ddl) {
        return ddl.replaceAll(" AUTO_INCREMENT=\\d+", "").replace(" WITH SYSTEM VERSIONING", "");
    }
}
