package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Publications and same-emulator subscriptions (mo_sql.md §6), with MatrixOne's bookkeeping
 * (publication_subscription.go, sql/compile/pub_sub.go): a publication is a row of {@code mo_catalog.mo_pubs};
 * every account allowed to subscribe has a row in {@code mo_catalog.mo_subs} (no {@code sub_name} until it
 * subscribes); dropping a publication marks subscribed rows deleted (status 2) and removes the others; taking an
 * account off the list marks its subscription not authorised (status 1). Subscribing
 * ({@code CREATE DATABASE d FROM acc PUBLICATION p}) creates {@code d} with one view per published table, so the
 * subscriber reads the publisher's live data (DIFFERENCES.md).
 */
final class PublicationHandler {
    static final int NORMAL = 0;
    static final int NOT_AUTHORIZED = 1;
    static final int DELETED = 2;

    private final Namespaces namespaces;

    PublicationHandler(Namespaces namespaces) {
        this.namespaces = namespaces;
    }

    record Pub(String account, String name, String database, String tables, String accounts, String comment) {
        boolean visibleTo(String account) {
            return accounts.equals("all") || Arrays.asList(accounts.split(",")).contains(account);
        }
    }

    /** What a subscription database subscribes to. */
    record Subscription(String pubAccount, String pubName) {
        String createSql(String db) {
            return "create database " + Sql.id(db) + " from " + Sql.id(pubAccount) + " publication " + Sql.id(pubName);
        }

        /** The subscription of a {@link #createSql} statement. */
        static Subscription of(String createSql) {
            TokenCursor c = new TokenCursor(createSql, SqlLexer.tokenize(createSql));
            c.expect("CREATE");
            c.expect("DATABASE");
            c.identifier();
            c.expect("FROM");
            String account = c.identifier();
            c.expect("PUBLICATION");
            return new Subscription(account, c.identifier());
        }
    }

    Reply create(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("CREATE");
        c.expect("PUBLICATION");
        c.accept("IF", "NOT", "EXISTS"); // accepted and ignored: an existing publication is 1062 (finding F-06)
        String name = c.identifier();
        c.expect("DATABASE");
        if (c.acceptPunct("*")) {
            throw MoException.emulator("account level publications (DATABASE *) are not emulated");
        }
        String database = c.identifier();
        List<String> tableList = c.accept("TABLE") ? identList(c) : null;
        c.expect("ACCOUNT");
        boolean all = c.accept("ALL");
        List<String> accountList = all ? List.of() : identList(c);
        String comment = c.accept("COMMENT") ? c.string() : "";
        c.expectEnd();
        checkAdmin(session, "create");
        Db db = new Db(session.backend());
        create(db, namespaces.of(db, session), name, database, tableList, all, accountList, comment);
        return Reply.Ok.EMPTY;
    }

    /** createPublication (publication_subscription.go): the row, then the subscribers' rows. */
    void create(Db db, Namespace me, String name, String database, List<String> tableList, boolean all,
                List<String> accountList, String comment) {
        Map<String, String> accounts = otherAccounts(db, me.account());
        Map<String, String> subscribers;
        String accountsText;
        if (all) {
            if (!me.isSys()) {
                throw MoException.internal("only sys account and authorized normal accounts can publish to all accounts");
            }
            subscribers = accounts;
            accountsText = "all";
        } else {
            if (accountList.contains(me.account())) {
                throw MoException.internal("can't publish to self");
            }
            subscribers = named(accountList, accounts);
            accountsText = String.join(",", subscribers.keySet());
        }
        checkDatabase(db, me, database);
        String tables = tables(db, me, database, tableList);
        if (find(db, me.account(), name) != null) {
            // the row's primary key refuses it: MatrixOne checks nothing before the insert, IF NOT EXISTS included
            throw new MoException(1062, "HY000", "Duplicate entry '(" + me.id() + "," + name + ")' for key '(account_id,pub_name)'");
        }
        db.exec("INSERT INTO mo_catalog.mo_pubs (account_id, account_name, pub_name, database_name, database_id, all_table, "
                + "table_list, account_list, created_time, owner, creator, `comment`) VALUES (" + me.id() + ", "
                + Sql.str(me.account()) + ", " + Sql.str(name) + ", " + Sql.str(database) + ", 0, "
                + (tables.equals("*") ? 1 : 0) + ", " + Sql.str(tables) + ", " + Sql.str(accountsText) + ", NOW(), 0, 0, "
                + Sql.str(comment) + ")");
        Pub pub = new Pub(me.account(), name, database, tables, accountsText, comment);
        // rows left behind by a dropped publication of the same name come back to life
        for (List<String> r : subRows(db, me.account(), name)) {
            String sub = r.get(0);
            update(db, pub, sub, subscribers.containsKey(sub) ? NORMAL : NOT_AUTHORIZED);
        }
        Set<String> existing = new LinkedHashSet<>(subRows(db, me.account(), name).stream().map(r -> r.get(0)).toList());
        subscribers.forEach((sub, id) -> {
            if (!existing.contains(sub)) {
                insertSub(db, pub, me.id(), sub, id);
            }
        });
    }

    Reply alter(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("ALTER");
        c.expect("PUBLICATION");
        c.accept("IF", "EXISTS"); // accepted and ignored: a missing publication is an error (doAlterPublication, F-06)
        String name = c.identifier();
        String mode = null;
        List<String> list = null;
        if (c.accept("ACCOUNT")) {
            if (c.accept("ALL")) {
                mode = "ALL";
            } else if (c.peek() != null && (c.peek().is("ADD") || c.peek().is("DROP"))) {
                mode = c.next().upper();
                list = identList(c);
            } else {
                mode = "SET";
                list = identList(c);
            }
        }
        String database = c.accept("DATABASE") ? c.identifier() : null;
        List<String> tableList = c.accept("TABLE") ? identList(c) : null;
        String comment = c.accept("COMMENT") ? c.string() : null;
        c.expectEnd();
        checkAdmin(session, "alter");
        Db db = new Db(session.backend());
        Namespace me = namespaces.of(db, session);
        Pub pub = find(db, me.account(), name);
        if (pub == null) {
            throw MoException.internal("publication '" + name + "' does not exist");
        }
        Map<String, String> accounts = otherAccounts(db, me.account());
        Map<String, String> subscribers = pub.accounts().equals("all") ? accounts
                : named(Arrays.asList(pub.accounts().split(",")).stream().filter(accounts::containsKey).toList(), accounts);
        String accountsText = pub.accounts();
        if ("ALL".equals(mode)) {
            if (!me.isSys()) {
                throw MoException.internal("only sys account and authorized normal accounts can publish to all accounts");
            }
            subscribers = accounts;
            accountsText = "all";
        } else if ("SET".equals(mode)) {
            if (list.contains(me.account())) {
                throw MoException.internal("can't publish to self");
            }
            subscribers = named(list, accounts);
            accountsText = String.join(",", subscribers.keySet());
        } else if (mode != null) {
            if (pub.accounts().equals("all")) {
                throw MoException.internal(mode.equals("ADD") ? "cannot add account from all account option"
                        : "cannot drop accounts from all account option");
            }
            Map<String, String> changed = new TreeMap<>(subscribers);
            if (mode.equals("ADD")) {
                if (list.contains(me.account())) {
                    throw MoException.internal("can't publish to self");
                }
                changed.putAll(named(list, accounts));
            } else {
                for (String a : list) {
                    if (!accounts.containsKey(a)) {
                        throw MoException.internal("not existed account name '" + a + "'");
                    }
                    changed.remove(a);
                }
            }
            subscribers = changed;
            accountsText = String.join(",", subscribers.keySet());
        }
        String newDb = pub.database();
        if (database != null) {
            checkDatabase(db, me, database);
            newDb = database;
        }
        String newTables = tableList != null ? tables(db, me, newDb, tableList) : pub.tables();
        String newComment = comment != null && !comment.isEmpty() ? comment : pub.comment();
        db.exec("UPDATE mo_catalog.mo_pubs SET account_list = " + Sql.str(accountsText) + ", `comment` = " + Sql.str(newComment)
                + ", database_name = " + Sql.str(newDb) + ", table_list = " + Sql.str(newTables) + ", all_table = "
                + (newTables.equals("*") ? 1 : 0) + ", update_time = NOW() WHERE account_name = " + Sql.str(me.account())
                + " AND pub_name = " + Sql.str(name));
        Pub updated = new Pub(me.account(), name, newDb, newTables, accountsText, newComment);
        Set<String> existing = new LinkedHashSet<>();
        for (List<String> r : subRows(db, me.account(), name)) {
            String sub = r.get(0);
            existing.add(sub);
            if (!subscribers.containsKey(sub)) {
                if (r.get(1) == null) {
                    deleteSub(db, me.account(), name, sub);
                } else {
                    update(db, updated, sub, NOT_AUTHORIZED);
                }
            } else {
                update(db, updated, sub, NORMAL);
            }
        }
        subscribers.forEach((sub, id) -> {
            if (!existing.contains(sub)) {
                insertSub(db, updated, me.id(), sub, id);
            }
        });
        return Reply.Ok.EMPTY;
    }

    Reply drop(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("DROP");
        c.expect("PUBLICATION");
        boolean ifExists = c.accept("IF", "EXISTS");
        String name = c.identifier();
        c.expectEnd();
        checkAdmin(session, "drop");
        Db db = new Db(session.backend());
        if (find(db, session.account(), name) == null) {
            if (ifExists) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("publication '" + name + "' does not exist");
        }
        drop(db, session.account(), name);
        return Reply.Ok.EMPTY;
    }

    /** dropPublication: subscribed rows become "deleted", the others go. */
    void drop(Db db, String account, String name) {
        db.exec("DELETE FROM mo_catalog.mo_pubs WHERE account_name = " + Sql.str(account) + " AND pub_name = " + Sql.str(name));
        String key = "pub_account_name = " + Sql.str(account) + " AND pub_name = " + Sql.str(name);
        db.exec("DELETE FROM mo_catalog.mo_subs WHERE " + key + " AND sub_name IS NULL");
        db.exec("UPDATE mo_catalog.mo_subs SET status = " + DELETED + ", pub_database = '', pub_tables = '', pub_comment = '' "
                + "WHERE " + key);
    }

    /** The publications of {@code ns} on database {@code logicalDb} are dropped with it (snapshot.go dropDb). */
    void dropPublicationsOn(Db db, Namespace ns, String logicalDb) {
        for (List<String> r : db.rows("SELECT pub_name FROM mo_catalog.mo_pubs WHERE account_name = " + Sql.str(ns.account())
                + " AND database_name = " + Sql.str(logicalDb))) {
            drop(db, ns.account(), r.get(0));
        }
    }

    /** SHOW PUBLICATIONS [LIKE 'p']: the session account's publications and who subscribed. */
    Reply show(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("SHOW");
        c.expect("PUBLICATIONS");
        String like = c.accept("LIKE") ? c.string() : null;
        c.expectEnd();
        Db db = new Db(session.backend());
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : db.rows("SELECT p.pub_name, p.database_name, p.table_list, p.account_list, "
                + "(SELECT GROUP_CONCAT(s.sub_account_name ORDER BY s.sub_account_name SEPARATOR ',') FROM mo_catalog.mo_subs s "
                + "WHERE s.pub_account_name = p.account_name AND s.pub_name = p.pub_name AND s.sub_name IS NOT NULL), "
                + "DATE_FORMAT(p.created_time, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(p.update_time, '%Y-%m-%d %H:%i:%s'), p.`comment` "
                + "FROM mo_catalog.mo_pubs p WHERE p.account_name = " + Sql.str(session.account())
                + (like == null ? " ORDER BY p.update_time DESC, p.created_time DESC" : " AND p.pub_name LIKE " + Sql.str(like)
                + " ORDER BY p.pub_name"))) {
            rows.add(Arrays.asList(r.get(0), r.get(1), r.get(2), r.get(3).equals("all") ? "*" : r.get(3),
                    r.get(4) == null ? "" : r.get(4), r.get(5), r.get(6), r.get(7)));
        }
        // MatrixOne's frontend builds this result by hand: its own type ids, no character set (finding F-15)
        List<Column> cols = List.of(bare("publication", VARCHAR), bare("database", VARCHAR), bare("tables", TEXT),
                bare("sub_account", TEXT), bare("subscribed_accounts", TEXT), bare("create_time", TIMESTAMP),
                bare("update_time", TIMESTAMP), bare("comments", TEXT));
        return new Reply.ResultSet(cols, rows);
    }

    /** SHOW CREATE PUBLICATION p (build_show.go buildShowCreatePublications): the statement, rebuilt from mo_pubs. */
    Reply showCreate(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("SHOW");
        c.expect("CREATE");
        c.expect("PUBLICATION");
        String name = c.identifier();
        c.expectEnd();
        Db db = new Db(session.backend());
        List<List<String>> rows = db.rows("SELECT pub_name, CONCAT('CREATE PUBLICATION ', pub_name, ' DATABASE ', database_name, "
                + "CASE table_list WHEN '*' THEN '' ELSE CONCAT(' TABLE ', table_list) END, ' ACCOUNT ', account_list) "
                + "FROM mo_catalog.mo_pubs WHERE account_name = " + Sql.str(session.account()) + " AND pub_name = " + Sql.str(name));
        return new Reply.ResultSet(List.of(Column.varchar("Publication"), Column.varchar("Create Publication")), rows);
    }

    /** SHOW SUBSCRIPTIONS [ALL] [LIKE 'p'] (doShowSubscriptions): the account's rows; without ALL only subscribed ones. */
    Reply showSubscriptions(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("SHOW");
        c.expect("SUBSCRIPTIONS");
        boolean all = c.accept("ALL");
        String like = c.accept("LIKE") ? c.string() : null;
        c.expectEnd();
        Db db = new Db(session.backend());
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : db.rows("SELECT pub_name, pub_account_name, pub_database, pub_tables, pub_comment, "
                + "DATE_FORMAT(pub_time, '%Y-%m-%d %H:%i:%s'), sub_name, DATE_FORMAT(sub_time, '%Y-%m-%d %H:%i:%s'), status "
                + "FROM mo_catalog.mo_subs WHERE sub_account_name = " + Sql.str(session.account())
                + (all ? "" : " AND sub_name IS NOT NULL")
                + (like == null ? " ORDER BY sub_time DESC, pub_time DESC" : " AND pub_name LIKE " + Sql.str(like) + " ORDER BY pub_name"))) {
            boolean normal = Integer.parseInt(r.get(8)) == NORMAL;
            rows.add(Arrays.asList(r.get(0), r.get(1), normal ? r.get(2) : null, normal ? r.get(3) : null,
                    normal ? r.get(4) : null, normal ? r.get(5) : null, r.get(6), r.get(7), r.get(8)));
        }
        List<Column> cols = List.of(bare("pub_name", VARCHAR), bare("pub_account", VARCHAR), bare("pub_database", VARCHAR),
                bare("pub_tables", TEXT), bare("pub_comment", TEXT), bare("pub_time", TIMESTAMP),
                bare("sub_name", VARCHAR), bare("sub_time", TIMESTAMP), bare("status", TINYINT));
        return new Reply.ResultSet(cols, rows);
    }

    /** {@code CREATE DATABASE [IF NOT EXISTS] d FROM acc PUBLICATION p}: a database of views over the published tables. */
    Reply subscribe(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("CREATE");
        if (!c.accept("DATABASE")) {
            c.expect("SCHEMA");
        }
        boolean ine = c.accept("IF", "NOT", "EXISTS");
        String name = c.identifier();
        c.expect("FROM");
        if (c.peek() != null && c.peek().kind() == Token.Kind.STRING) {
            throw MoException.emulator("cross-cluster subscriptions (FROM 'uri' ...) are not emulated");
        }
        String pubAccount = c.identifier();
        c.expect("PUBLICATION");
        String pubName = c.identifier();
        c.expectEnd();
        Db db = new Db(session.backend());
        Namespace me = namespaces.of(db, session);
        if (db.databaseExists(me.physical(name))) {
            if (ine) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.databaseExists(name);
        }
        subscribe(db, me, name, new Subscription(pubAccount, pubName));
        return Reply.Ok.EMPTY;
    }

    /** checkSubscriptionValidCommon, then the subscription database and its mo_subs row (pub_sub.go). */
    void subscribe(Db db, Namespace me, String name, Subscription sub) {
        if (sub.pubAccount().equals(me.account())) {
            throw MoException.internal("can not subscribe to self");
        }
        Namespace publisher = namespaces.find(db, sub.pubAccount());
        if (publisher == null) {
            throw MoException.internal("there is no publication account " + sub.pubAccount());
        }
        List<String> acc = AccountHandler.find(db, sub.pubAccount());
        if (acc != null && "suspend".equals(acc.get(2))) {
            throw MoException.internal("the account " + sub.pubAccount() + " is suspended");
        }
        Pub pub = find(db, sub.pubAccount(), sub.pubName());
        if (pub == null) {
            throw MoException.internal("there is no publication " + sub.pubName());
        }
        if (!pub.visibleTo(me.account())) {
            throw MoException.internal("the account " + me.account() + " is not allowed to subscribe the publication " + sub.pubName());
        }
        String key = "pub_account_name = " + Sql.str(sub.pubAccount()) + " AND pub_name = " + Sql.str(sub.pubName())
                + " AND sub_account_name = " + Sql.str(me.account());
        if (!db.scalar("SELECT COUNT(*) FROM mo_catalog.mo_subs WHERE " + key + " AND sub_name IS NOT NULL").equals("0")) {
            throw MoException.internal("publication " + sub.pubName() + " can only be subscribed once");
        }
        String source = publisher.physical(pub.database());
        List<String> tables = pub.tables().equals("*")
                ? db.tables(source).stream().map(t -> t.get(0)).toList() : List.of(pub.tables().split(","));
        String target = me.physical(name);
        db.exec("CREATE DATABASE " + Sql.id(target));
        try {
            for (String t : tables) {
                db.exec("CREATE VIEW " + Sql.id(target, t) + " AS SELECT * FROM " + Sql.id(source, t));
            }
            long updated = db.query("UPDATE mo_catalog.mo_subs SET sub_name = " + Sql.str(name) + ", sub_time = NOW() WHERE "
                    + key + " AND status = " + NORMAL + " AND sub_name IS NULL").affectedRows();
            if (updated != 1) {
                throw MoException.internal("publication " + sub.pubName() + " is not authorized or no longer exists");
            }
        } catch (RuntimeException e) {
            db.exec("DROP DATABASE IF EXISTS " + Sql.id(target));
            throw e;
        }
    }

    /** The publication a database of {@code ns} subscribes to, or {@code null}. */
    Subscription subscriptionOf(Db db, Namespace ns, String logicalDb) {
        List<List<String>> rows = db.rows("SELECT pub_account_name, pub_name FROM mo_catalog.mo_subs WHERE sub_account_name = "
                + Sql.str(ns.account()) + " AND sub_name = " + Sql.str(logicalDb));
        return rows.isEmpty() ? null : new Subscription(rows.get(0).get(0), rows.get(0).get(1));
    }

    /** dropSubscription (pub_sub.go): the subscription database is going away. */
    void dropSubscription(Db db, Namespace ns, String logicalDb) {
        String key = "sub_account_name = " + Sql.str(ns.account()) + " AND sub_name = " + Sql.str(logicalDb);
        db.exec("UPDATE mo_catalog.mo_subs SET sub_name = NULL, sub_time = NULL WHERE " + key + " AND status = " + NORMAL);
        db.exec("DELETE FROM mo_catalog.mo_subs WHERE " + key + " AND status <> " + NORMAL);
    }

    static Pub find(Db db, String account, String name) {
        List<List<String>> rows = db.rows("SELECT account_name, pub_name, database_name, table_list, account_list, `comment` "
                + "FROM mo_catalog.mo_pubs WHERE account_name = " + Sql.str(account) + " AND pub_name = " + Sql.str(name));
        if (rows.isEmpty()) {
            return null;
        }
        List<String> r = rows.get(0);
        return new Pub(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5));
    }

    private static void checkAdmin(Session session, String verb) {
        if (!Privileges.role(session).equalsIgnoreCase(Privileges.isSys(session) ? "moadmin" : "accountadmin")) {
            throw MoException.internal("only admin can " + verb + " publication");
        }
    }

    private static void checkDatabase(Db db, Namespace ns, String database) {
        if (Db.isSystemSchema(database)) {
            throw MoException.internal("Unknown database name '" + database + "', not support publishing system database");
        }
        if (!db.databaseExists(ns.physical(database))) {
            throw MoException.internal("database '" + database + "' does not exist");
        }
    }

    /** genPubTablesStr: {@code *}, or the listed tables, each of which must exist. */
    private static String tables(Db db, Namespace ns, String database, List<String> tableList) {
        if (tableList == null) {
            return "*";
        }
        for (String t : tableList) {
            if (!db.tableExists(ns.physical(database), t)) {
                throw MoException.internal("table '" + t + "' not exists");
            }
        }
        return String.join(",", tableList);
    }

    /** Every account but {@code me}: name to id, sorted by name. */
    private static Map<String, String> otherAccounts(Db db, String me) {
        Map<String, String> out = new TreeMap<>();
        for (List<String> r : db.rows("SELECT account_name, account_id FROM mo_catalog.mo_account WHERE account_name <> "
                + Sql.str(me))) {
            out.put(r.get(0), r.get(1));
        }
        return out;
    }

    /** getSetAccounts: the named accounts, each of which must exist. */
    private static Map<String, String> named(List<String> names, Map<String, String> accounts) {
        Map<String, String> out = new TreeMap<>();
        for (String a : names) {
            if (!accounts.containsKey(a)) {
                throw MoException.internal("not existed account name '" + a + "'");
            }
            out.put(a, accounts.get(a));
        }
        return out;
    }

    /** {sub_account_name, sub_name} of a publication's rows. */
    private static List<List<String>> subRows(Db db, String account, String name) {
        return db.rows("SELECT sub_account_name, sub_name FROM mo_catalog.mo_subs WHERE pub_account_name = " + Sql.str(account)
                + " AND pub_name = " + Sql.str(name));
    }

    private static void insertSub(Db db, Pub pub, long pubAccountId, String sub, String subId) {
        db.exec("INSERT INTO mo_catalog.mo_subs (sub_account_id, sub_account_name, sub_name, sub_time, pub_account_id, "
                + "pub_account_name, pub_name, pub_database, pub_tables, pub_time, pub_comment, status) VALUES (" + subId + ", "
                + Sql.str(sub) + ", NULL, NULL, " + pubAccountId + ", " + Sql.str(pub.account()) + ", " + Sql.str(pub.name())
                + ", " + Sql.str(pub.database()) + ", " + Sql.str(pub.tables()) + ", NOW(), " + Sql.str(pub.comment()) + ", "
                + NORMAL + ")");
    }

    private static void update(Db db, Pub pub, String sub, int status) {
        db.exec("UPDATE mo_catalog.mo_subs SET pub_database = " + Sql.str(pub.database()) + ", pub_tables = "
                + Sql.str(pub.tables()) + ", pub_comment = " + Sql.str(pub.comment()) + ", pub_time = NOW(), status = " + status
                + " WHERE pub_account_name = " + Sql.str(pub.account()) + " AND pub_name = " + Sql.str(pub.name())
                + " AND sub_account_name = " + Sql.str(sub));
    }

    private static void deleteSub(Db db, String account, String name, String sub) {
        db.exec("DELETE FROM mo_catalog.mo_subs WHERE pub_account_name = " + Sql.str(account) + " AND pub_name = " + Sql.str(name)
                + " AND sub_account_name = " + Sql.str(sub));
    }

    private static List<String> identList(TokenCursor c) {
        List<String> out = new ArrayList<>();
        do {
            out.add(c.identifier());
        } while (c.acceptPunct(","));
        return out;
    }

    private static final Column.Type VARCHAR = Column.Type.BARE_VARCHAR;
    private static final Column.Type TEXT = Column.Type.BARE_TEXT;
    private static final Column.Type TIMESTAMP = Column.Type.BARE_TIMESTAMP;
    private static final Column.Type TINYINT = Column.Type.BARE_TINYINT;

    private static Column bare(String name, Column.Type type) {
        return new Column(name, type);
    }
}
