package io.matrixone.emulator.engine;

import java.util.ArrayList;
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
    private final Namespaces namespaces;
    private final AccountHandler accounts;
    private final PublicationHandler publications;

    RestoreHandler(SnapshotStore store, PitrHandler pitr, TargetVersion version, Namespaces namespaces, AccountHandler accounts,
                   PublicationHandler publications) {
        this.store = store;
        this.pitr = pitr;
        this.version = version;
        this.namespaces = namespaces;
        this.accounts = accounts;
        this.publications = publications;
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
        Namespace me = namespaces.of(db, session);
        SnapshotRecord snap = store.require(db, me, r.snapshot());
        String account = r.account() != null ? r.account() : snap.accountName().isEmpty() ? session.account() : snap.accountName();
        checkRestorePriv(session, snap, r, account);
        List<SnapshotObject> objects = store.objects(db, me, snap.name());
        db.withoutForeignKeyChecks(() -> {
            switch (r.level()) {
                case "table" -> {
                    SnapshotObject o = objects.stream().filter(x -> x.account().equals(me.account()) && x.db().equals(r.db())
                            && x.table().equals(r.table()) && x.isTable())
                            .findFirst().orElseThrow(() -> MoException.noSuchTable(r.db(), r.table()));
                    if (!db.databaseExists(me.physical(r.db()))) {
                        db.exec("CREATE DATABASE " + Sql.id(me.physical(r.db())));
                    }
                    restoreTable(db, o, me.physical(r.db()));
                }
                case "database" -> {
                    List<SnapshotObject> mine = of(objects, me.account());
                    if (mine.stream().noneMatch(x -> x.db().equals(r.db()) && x.isDatabase())) {
                        throw MoException.internal("database " + r.db() + " does not exist");
                    }
                    restoreDatabase(db, mine, r.db(), me);
                }
                case "account" -> {
                    String to = r.toAccount() != null ? r.toAccount() : account;
                    Namespace target = namespaces.find(db, to);
                    if (target == null && r.toAccount() == null) {
                        target = accounts.recreate(db, store.account(db, me, snap.name(), account));
                    }
                    if (target == null) {
                        throw MoException.internal("account " + to + " does not exist");
                    }
                    List<Runnable> subscriptions = new ArrayList<>();
                    restoreAccount(db, of(objects, account), target, subscriptions);
                    subscriptions.forEach(Runnable::run);
                }
                default -> {
                    Set<String> inSnapshot = new java.util.TreeSet<>(store.accounts(db, me, snap.name()));
                    objects.forEach(o -> inSnapshot.add(o.account()));
                    List<Runnable> subscriptions = new ArrayList<>();
                    for (String a : inSnapshot) {
                        Namespace target = namespaces.find(db, a);
                        if (target == null) {
                            target = accounts.recreate(db, store.account(db, me, snap.name(), a));
                        }
                        if (target != null) {
                            restoreAccount(db, of(objects, a), target, subscriptions);
                        }
                    }
                    // restorePubsWithSnapshotName, then the subscriptions (snapshot.go, cluster level)
                    for (SnapshotStore.PubInfo p : store.publications(db, me, snap.name())) {
                        Namespace owner = namespaces.find(db, p.account());
                        if (owner != null && PublicationHandler.find(db, p.account(), p.name()) == null) {
                            try {
                                publications.create(db, owner, p.name(), p.database(),
                                        p.tables().equals("*") ? null : List.of(p.tables().split(",")), p.accounts().equals("all"),
                                        p.accounts().equals("all") ? List.of() : List.of(p.accounts().split(",")), p.comment());
                            } catch (MoException e) {
                                LOG.debug("publication {} of {} not restored: {}", p.name(), p.account(), e.getMessage());
                            }
                        }
                    }
                    subscriptions.forEach(Runnable::run);
                }
            }
        });
        LOG.debug("restored {} level from snapshot {}", r.level(), snap.name());
        return Reply.Ok.EMPTY;
    }

    private static List<SnapshotObject> of(List<SnapshotObject> objects, String account) {
        return objects.stream().filter(o -> o.account().equals(account)).toList();
    }

    /**
     * Brings an account's databases back to the snapshot (restoreToAccount, snapshot.go): publications on them are
     * dropped, later databases and subscriptions go, the others are restored; subscription databases subscribe
     * again (added to {@code subscriptions}, run once publications are back) if their publication still exists.
     */
    private void restoreAccount(Db db, List<SnapshotObject> objects, Namespace target, List<Runnable> subscriptions) {
        java.util.Map<String, SnapshotObject> inSnapshot = new java.util.TreeMap<>();
        objects.stream().filter(SnapshotObject::isDatabase).forEach(o -> inSnapshot.put(o.db(), o));
        for (String d : namespaces.databases(db, target)) {
            publications.dropPublicationsOn(db, target, d);
            boolean subscription = publications.subscriptionOf(db, target, d) != null;
            if (subscription) {
                publications.dropSubscription(db, target, d);
            }
            SnapshotObject was = inSnapshot.get(d);
            if (was == null || subscription || was.isSubscription()) {
                db.exec("DROP DATABASE " + Sql.id(target.physical(d)));
            }
        }
        for (SnapshotObject o : inSnapshot.values()) {
            if (!o.isSubscription()) {
                restoreTables(db, objects, o.db(), target);
            }
        }
        for (SnapshotObject o : inSnapshot.values()) {
            if (o.isSubscription()) {
                subscriptions.add(() -> {
                    try {
                        publications.subscribe(db, target, o.db(), PublicationHandler.Subscription.of(o.createSql()));
                    } catch (MoException e) {
                        LOG.debug("subscription {} of {} not restored: {}", o.db(), target.account(), e.getMessage());
                    }
                });
            } else {
                restoreViews(db, objects, o.db(), target);
            }
        }
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

    /** Brings one database back to the snapshot: tables refilled or recreated, later tables and views dropped. */
    private static void restoreDatabase(Db db, List<SnapshotObject> objects, String d, Namespace target) {
        restoreTables(db, objects, d, target);
        restoreViews(db, objects, d, target);
    }

    /** The database's tables; views come after every database's tables (a view may read another database). */
    private static void restoreTables(Db db, List<SnapshotObject> objects, String d, Namespace target) {
        String physical = target.physical(d);
        if (!db.databaseExists(physical)) {
            db.exec("CREATE DATABASE " + Sql.id(physical));
        }
        Set<String> names = new HashSet<>();
        for (SnapshotObject o : objects) {
            if (o.db().equals(d) && !o.isDatabase()) {
                names.add(o.table());
            }
        }
        for (List<String> t : db.tables(physical)) {
            if (!names.contains(t.get(0)) || "VIEW".equals(t.get(1))) {
                db.exec(("VIEW".equals(t.get(1)) ? "DROP VIEW " : "DROP TABLE ") + Sql.id(physical, t.get(0)));
            }
        }
        for (SnapshotObject o : objects) {
            if (o.db().equals(d) && o.isTable()) {
                restoreTable(db, o, physical);
            }
        }
    }

    /** The database's views, each after the views it reads (retried until no more can be created). */
    private static void restoreViews(Db db, List<SnapshotObject> objects, String d, Namespace target) {
        String physical = target.physical(d);
        List<SnapshotObject> pending = new ArrayList<>(objects.stream().filter(o -> o.db().equals(d) && o.isView()).toList());
        BackendException last = null;
        while (!pending.isEmpty()) {
            List<SnapshotObject> failed = new ArrayList<>();
            for (SnapshotObject o : pending) {
                try {
                    db.exec("DROP VIEW IF EXISTS " + Sql.id(physical, o.table()));
                    db.exec(Views.definitionIn(o.createSql(), physical, o.table(), target));
                } catch (BackendException e) {
                    failed.add(o);
                    last = e;
                }
            }
            if (failed.size() == pending.size()) {
                throw last;
            }
            pending = failed;
        }
    }

    /** Refills a table from its copy, or recreates it from its snapshot-time definition if it differs or is gone. */
    private static void restoreTable(Db db, SnapshotObject o, String physical) {
        String t = o.table();
        boolean sameShape = db.tableExists(physical, t) && normalize(db.showCreateTable(physical, t)).equals(normalize(o.createSql()));
        if (sameShape) {
            db.exec("START TRANSACTION");
            try {
                db.exec("DELETE FROM " + Sql.id(physical, t));
                db.copyRows(o.copySchema(), t, physical, t);
                db.exec("COMMIT");
            } catch (RuntimeException e) {
                db.exec("ROLLBACK");
                throw e;
            }
            return;
        }
        if (db.tableExists(physical, t)) {
            db.exec("DROP TABLE " + Sql.id(physical, t));
        }
        db.exec(qualify(o.createSql(), "CREATE TABLE " + Sql.id(t), "CREATE TABLE " + Sql.id(physical, t)));
        db.copyRows(o.copySchema(), t, physical, t);
        NgramFulltext.sync(db, physical, t, db::exec); // a table made again from its definition has no triggers
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
