package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CREATE SNAPSHOT, DROP SNAPSHOT and SHOW SNAPSHOTS (mo_sql.md §1). */
final class SnapshotHandler {

    private final SnapshotStore store;
    private final Namespaces namespaces;
    private final PublicationHandler publications;

    SnapshotHandler(SnapshotStore store, Namespaces namespaces, PublicationHandler publications) {
        this.store = store;
        this.namespaces = namespaces;
        this.publications = publications;
    }

    /** Snapshot names: no blanks or quotes ({@code inputNameIsInvalid}), folded to lower case (§1.5). */
    static String snapshotName(String raw) {
        for (char c : raw.toCharArray()) {
            if (c == ' ' || c == '\t' || c == '`' || c == '"' || c == '\'') {
                throw MoException.internal("invalid input");
            }
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    record Create(String name, boolean ifNotExists, String level, String account, String db, String table) {
    }

    /** {@code CREATE SNAPSHOT [IF NOT EXISTS] s FOR {CLUSTER | ACCOUNT [a] | DATABASE d | TABLE d t}}. */
    static Create parseCreate(Statement s) {
        TokenCursor c = s.cursor();
        c.expect("CREATE");
        c.expect("SNAPSHOT");
        boolean ine = c.accept("IF", "NOT", "EXISTS");
        String name = c.identifier();
        c.expect("FOR");
        Create out;
        if (c.accept("CLUSTER")) {
            out = new Create(name, ine, "cluster", null, null, null);
        } else if (c.accept("ACCOUNT")) {
            String acc = null;
            if (!c.atEnd()) {
                if (c.peek().is("FROM")) {
                    throw MoException.emulator("snapshots of subscribed objects (FROM ... PUBLICATION) are not emulated");
                }
                acc = c.identifier();
            }
            out = new Create(name, ine, "account", acc, null, null);
        } else if (c.accept("DATABASE")) {
            out = new Create(name, ine, "database", null, c.identifier(), null);
        } else if (c.accept("TABLE")) {
            String d = c.identifier();
            out = new Create(name, ine, "table", null, d, c.identifier());
        } else {
            throw c.syntaxError();
        }
        if (c.peek() != null && c.peek().is("FROM")) {
            throw MoException.emulator("snapshots of subscribed objects (FROM ... PUBLICATION) are not emulated");
        }
        c.expectEnd();
        return new Create(snapshotName(out.name()), out.ifNotExists(), out.level(), out.account(), out.db(), out.table());
    }

    Reply create(Statement s, Session session) {
        Create req = parseCreate(s);
        Db db = new Db(session.backend());
        Privileges.checkAdminRole(session);
        String current = session.account();
        // doCheckCreateSnapshotPriv (snapshot.go)
        if (req.level().equals("cluster") && !Privileges.isSys(session)) {
            throw MoException.internal("only sys tenant can create cluster level snapshot");
        }
        String account = req.account() == null ? current : req.account();
        if (req.level().equals("account") && !account.equals(current) && !Privileges.isSys(session)) {
            throw MoException.internal("only sys tenant can create tenant level snapshot for other tenant");
        }
        Namespace me = namespaces.of(db, session);
        if (store.find(db, me, req.name()).isPresent()) {
            if (req.ifNotExists()) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("snapshot " + req.name() + " already exists");
        }
        List<SnapshotStore.Scope> scope = new ArrayList<>();
        List<Namespace> accounts = new ArrayList<>();
        switch (req.level()) {
            case "cluster" -> {
                accounts.addAll(namespaces.all(db));
                accounts.forEach(ns -> addDatabases(db, ns, scope));
                account = "";
            }
            case "account" -> {
                Namespace target = namespaces.find(db, account);
                if (target == null) {
                    throw MoException.internal("account " + account + " does not exist");
                }
                accounts.add(target);
                addDatabases(db, target, scope);
            }
            case "database" -> {
                checkDatabase(db, me, req.db());
                scope.add(new SnapshotStore.Scope(me, req.db()));
            }
            default -> {
                checkDatabase(db, me, req.db());
                if (!db.tableExists(me.physical(req.db()), req.table())) {
                    throw MoException.internal("table " + req.db() + "." + req.table() + " does not exist");
                }
                scope.add(new SnapshotStore.Scope(me, req.db()));
            }
        }
        store.create(db, me, req.name(), req.level(), account, scope, req.level().equals("table") ? req.table() : null);
        store.recordAccounts(db, me, req.name(), accounts);
        if (req.level().equals("cluster")) {
            store.recordPublications(db, me, req.name());
        }
        return Reply.Ok.EMPTY;
    }

    private void addDatabases(Db db, Namespace ns, List<SnapshotStore.Scope> scope) {
        for (String d : namespaces.databases(db, ns)) {
            PublicationHandler.Subscription sub = publications.subscriptionOf(db, ns, d);
            scope.add(new SnapshotStore.Scope(ns, d, sub == null ? null : sub.createSql(d)));
        }
    }

    private static void checkDatabase(Db db, Namespace ns, String name) {
        if (Db.isSystemSchema(name)) {
            throw MoException.internal("can not create snapshot for system database " + name);
        }
        if (!db.databaseExists(ns.physical(name))) {
            throw MoException.internal("database " + name + " does not exist");
        }
    }

    /** {@code DROP SNAPSHOT [IF EXISTS] s}. */
    Reply drop(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("DROP");
        c.expect("SNAPSHOT");
        boolean ifExists = c.accept("IF", "EXISTS");
        String name = c.identifier();
        if (!c.atEnd() && c.peek().is("FROM")) {
            throw MoException.emulator("snapshots of subscribed objects (FROM ... PUBLICATION) are not emulated");
        }
        c.expectEnd();
        name = snapshotName(name);
        Privileges.checkAdminRole(session);
        Db db = new Db(session.backend());
        Namespace me = namespaces.of(db, session);
        if (store.find(db, me, name).isEmpty()) {
            if (ifExists) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("snapshot " + name + " does not exist");
        }
        store.drop(db, me, name);
        return Reply.Ok.EMPTY;
    }

    /**
     * {@code SHOW SNAPSHOTS [WHERE expr]}. The labels stay upper case with a WHERE clause too (the WHERE wraps the
     * base query's upper-case aliases, returnByWhereAndBaseSQL; seen on 4.2.0, finding F-18).
     */
    Reply show(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("SHOW");
        c.expect("SNAPSHOTS");
        String where = null;
        if (c.accept("WHERE")) {
            if (c.atEnd()) {
                throw c.syntaxError();
            }
            where = s.textFrom(c.index());
        } else {
            c.expectEnd();
        }
        List<String> labels = List.of("SNAPSHOT_NAME", "TIMESTAMP", "SNAPSHOT_LEVEL", "ACCOUNT_NAME", "DATABASE_NAME", "TABLE_NAME");
        List<Column> columns = new ArrayList<>();
        for (String l : labels) {
            columns.add(Column.varchar(l));
        }
        List<List<String>> rows = new ArrayList<>();
        Db db = new Db(session.backend());
        for (List<String> r : db.rows(store.showSql(namespaces.of(db, session), where))) {
            rows.add(List.of(r.get(0), Nanos.formatUtc(Long.parseLong(r.get(1))), r.get(2), nz(r.get(3)), nz(r.get(4)), nz(r.get(5))));
        }
        return new Reply.ResultSet(columns, rows);
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }
}
