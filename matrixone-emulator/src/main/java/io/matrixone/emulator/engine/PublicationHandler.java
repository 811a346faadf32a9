package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Publications and same-emulator subscriptions (mo_sql.md §6). Publications are rows of {@code mo_catalog.mo_pubs};
 * subscribing ({@code CREATE DATABASE d FROM acc PUBLICATION p}) creates database {@code d} holding one view per
 * published table, so the subscriber reads the publisher's live data (DIFFERENCES.md).
 */
final class PublicationHandler {

    private final Namespaces namespaces;

    PublicationHandler(Namespaces namespaces) {
        this.namespaces = namespaces;
    }

    record Pub(String account, String name, String database, String tables, String accounts, String comment) {
        boolean visibleTo(String account) {
            return accounts.equals("all") || Arrays.asList(accounts.split(",")).contains(account);
        }
    }

    Reply create(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("CREATE");
        c.expect("PUBLICATION");
        boolean ine = c.accept("IF", "NOT", "EXISTS");
        String name = c.identifier();
        c.expect("DATABASE");
        if (c.acceptPunct("*")) {
            throw MoException.emulator("account level publications (DATABASE *) are not emulated");
        }
        String database = c.identifier();
        String tables = c.accept("TABLE") ? String.join(",", identList(c)) : "*";
        c.expect("ACCOUNT");
        String accounts = c.accept("ALL") ? "all" : String.join(",", identList(c));
        String comment = c.accept("COMMENT") ? c.string() : "";
        c.expectEnd();
        if (!Privileges.role(session).equalsIgnoreCase(Privileges.isSys(session) ? "moadmin" : "accountadmin")) {
            throw MoException.internal("only admin can create publication");
        }
        Db db = new Db(session.backend());
        if (find(db, session.account(), name) != null) {
            if (ine) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("publication " + name + " already exists");
        }
        checkTarget(db, namespaces.of(db, session), session, database, tables, accounts);
        db.exec("INSERT INTO mo_catalog.mo_pubs (account_id, account_name, pub_name, database_name, database_id, all_table, "
                + "table_list, account_list, created_time, owner, creator, `comment`) VALUES (" + accountId(db, session.account())
                + ", " + Sql.str(session.account()) + ", " + Sql.str(name) + ", " + Sql.str(database) + ", 0, "
                + (tables.equals("*") ? 1 : 0) + ", " + Sql.str(tables) + ", " + Sql.str(accounts) + ", NOW(), 0, 0, "
                + Sql.str(comment) + ")");
        return Reply.Ok.EMPTY;
    }

    private static void checkTarget(Db db, Namespace ns, Session session, String database, String tables, String accounts) {
        if (Db.isSystemSchema(database)) {
            throw MoException.internal("Unknown database name '" + database + "', not support publishing system database");
        }
        if (!db.databaseExists(ns.physical(database))) {
            throw MoException.internal("database '" + database + "' does not exist");
        }
        if (!tables.equals("*")) {
            for (String t : tables.split(",")) {
                if (!db.tableExists(ns.physical(database), t)) {
                    throw MoException.internal("table '" + t + "' not exists");
                }
            }
        }
        if (accounts.equals("all")) {
            if (!Privileges.isSys(session)) {
                throw MoException.internal("only sys account and authorized normal accounts can publish to all accounts");
            }
            return;
        }
        for (String a : accounts.split(",")) {
            if (a.equals(session.account())) {
                throw MoException.internal("can't publish to self");
            }
            if (AccountHandler.find(db, a) == null) {
                throw MoException.internal("not existed account name '" + a + "'");
            }
        }
    }

    private static List<String> identList(TokenCursor c) {
        List<String> out = new ArrayList<>();
        do {
            out.add(c.identifier());
        } while (c.acceptPunct(","));
        return out;
    }

    Reply alter(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("ALTER");
        c.expect("PUBLICATION");
        boolean ifExists = c.accept("IF", "EXISTS");
        String name = c.identifier();
        Db db = new Db(session.backend());
        Pub pub = find(db, session.account(), name);
        String accounts = null;
        String addOrDrop = null;
        List<String> delta = null;
        if (c.accept("ACCOUNT")) {
            if (c.accept("ALL")) {
                accounts = "all";
            } else if (c.peek() != null && (c.peek().is("ADD") || c.peek().is("DROP"))) {
                addOrDrop = c.next().upper();
                delta = identList(c);
            } else {
                accounts = String.join(",", identList(c));
            }
        }
        String database = c.accept("DATABASE") ? c.identifier() : null;
        String tables = c.accept("TABLE") ? String.join(",", identList(c)) : null;
        String comment = c.accept("COMMENT") ? c.string() : null;
        c.expectEnd();
        if (!Privileges.role(session).equalsIgnoreCase(Privileges.isSys(session) ? "moadmin" : "accountadmin")) {
            throw MoException.internal("only admin can alter publication");
        }
        if (pub == null) {
            if (ifExists) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("publication '" + name + "' does not exist");
        }
        if (addOrDrop != null) {
            if (pub.accounts().equals("all")) {
                throw MoException.internal(addOrDrop.equals("ADD") ? "cannot add account from all account option"
                        : "cannot drop accounts from all account option");
            }
            Set<String> set = new LinkedHashSet<>(Arrays.asList(pub.accounts().split(",")));
            if (addOrDrop.equals("ADD")) {
                set.addAll(delta);
            } else {
                delta.forEach(set::remove);
            }
            accounts = String.join(",", set);
        }
        String newDb = database == null ? pub.database() : database;
        String newTables = tables == null ? (database == null ? pub.tables() : "*") : tables;
        String newAccounts = accounts == null ? pub.accounts() : accounts;
        checkTarget(db, namespaces.of(db, session), session, newDb, newTables, newAccounts.isEmpty() ? "all" : newAccounts);
        db.exec("UPDATE mo_catalog.mo_pubs SET database_name = " + Sql.str(newDb) + ", table_list = " + Sql.str(newTables)
                + ", all_table = " + (newTables.equals("*") ? 1 : 0) + ", account_list = " + Sql.str(newAccounts)
                + (comment == null ? "" : ", `comment` = " + Sql.str(comment)) + ", update_time = NOW() WHERE account_name = "
                + Sql.str(session.account()) + " AND pub_name = " + Sql.str(name));
        return Reply.Ok.EMPTY;
    }

    Reply drop(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("DROP");
        c.expect("PUBLICATION");
        boolean ifExists = c.accept("IF", "EXISTS");
        String name = c.identifier();
        c.expectEnd();
        if (!Privileges.role(session).equalsIgnoreCase(Privileges.isSys(session) ? "moadmin" : "accountadmin")) {
            throw MoException.internal("only admin can drop publication");
        }
        Db db = new Db(session.backend());
        if (find(db, session.account(), name) == null) {
            if (ifExists) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("publication '" + name + "' does not exist");
        }
        db.exec("DELETE FROM mo_catalog.mo_pubs WHERE account_name = " + Sql.str(session.account()) + " AND pub_name = " + Sql.str(name));
        db.exec("UPDATE mo_catalog.mo_subs SET status = 2 WHERE pub_account_name = " + Sql.str(session.account())
                + " AND pub_name = " + Sql.str(name));
        return Reply.Ok.EMPTY;
    }

    /** SHOW PUBLICATIONS [LIKE 'p']: the session account's publications. */
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
                + "WHERE s.pub_account_name = p.account_name AND s.pub_name = p.pub_name AND s.status = 0), "
                + "DATE_FORMAT(p.created_time, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(p.update_time, '%Y-%m-%d %H:%i:%s'), p.`comment` "
                + "FROM mo_catalog.mo_pubs p WHERE p.account_name = " + Sql.str(session.account())
                + (like == null ? "" : " AND p.pub_name LIKE " + Sql.str(like)) + " ORDER BY p.created_time DESC, p.pub_name")) {
            rows.add(Arrays.asList(r.get(0), r.get(1), r.get(2), r.get(3).equals("all") ? "*" : r.get(3), r.get(4), r.get(5),
                    r.get(6), r.get(7)));
        }
        List<Column> cols = List.of(Column.varchar("publication"), Column.varchar("database"), Column.varchar("tables"),
                Column.varchar("sub_account"), Column.varchar("subscribed_accounts"), new Column("create_time", Column.Type.TIMESTAMP),
                new Column("update_time", Column.Type.TIMESTAMP), Column.varchar("comments"));
        return new Reply.ResultSet(cols, rows);
    }

    /** SHOW SUBSCRIPTIONS [ALL] [LIKE 'p']: status 0 normal, 2 publication dropped (show-subscriptions.md). */
    Reply showSubscriptions(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("SHOW");
        c.expect("SUBSCRIPTIONS");
        boolean all = c.accept("ALL");
        String like = c.accept("LIKE") ? c.string() : null;
        c.expectEnd();
        Db db = new Db(session.backend());
        List<List<String>> rows = new ArrayList<>();
        String me = session.account();
        for (List<String> r : db.rows("SELECT pub_name, pub_account_name, pub_database, pub_tables, pub_comment, "
                + "DATE_FORMAT(pub_time, '%Y-%m-%d %H:%i:%s'), sub_name, DATE_FORMAT(sub_time, '%Y-%m-%d %H:%i:%s'), status "
                + "FROM mo_catalog.mo_subs WHERE sub_account_name = " + Sql.str(me)
                + (like == null ? "" : " AND pub_name LIKE " + Sql.str(like)) + " ORDER BY sub_time DESC")) {
            rows.add(r);
        }
        if (all) {
            for (List<String> r : db.rows("SELECT account_name, pub_name, database_name, table_list, account_list, `comment`, "
                    + "DATE_FORMAT(created_time, '%Y-%m-%d %H:%i:%s') FROM mo_catalog.mo_pubs WHERE account_name <> " + Sql.str(me)
                    + (like == null ? "" : " AND pub_name LIKE " + Sql.str(like)) + " ORDER BY created_time DESC")) {
                Pub p = new Pub(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5));
                boolean subscribed = rows.stream().anyMatch(x -> x.get(0).equals(p.name()) && x.get(1).equals(p.account()));
                if (p.visibleTo(me) && !subscribed) {
                    rows.add(Arrays.asList(p.name(), p.account(), p.database(), p.tables(), p.comment(), r.get(6), null, null, "0"));
                }
            }
        }
        List<Column> cols = List.of(Column.varchar("pub_name"), Column.varchar("pub_account"), Column.varchar("pub_database"),
                Column.varchar("pub_tables"), Column.varchar("pub_comment"), new Column("pub_time", Column.Type.TIMESTAMP),
                Column.varchar("sub_name"), new Column("sub_time", Column.Type.TIMESTAMP), new Column("status", Column.Type.TINYINT));
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
        if (pubAccount.equals(session.account())) {
            throw MoException.internal("can not subscribe to self");
        }
        Namespace publisher = namespaces.find(db, pubAccount);
        if (publisher == null) {
            throw MoException.internal("there is no publication account " + pubAccount);
        }
        Pub pub = find(db, pubAccount, pubName);
        if (pub == null) {
            throw MoException.internal("there is no publication " + pubName);
        }
        if (!pub.visibleTo(session.account())) {
            throw MoException.internal("the account " + session.account() + " is not allowed to subscribe the publication " + pubName);
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
        } catch (RuntimeException e) {
            db.exec("DROP DATABASE IF EXISTS " + Sql.id(target));
            throw e;
        }
        db.exec("REPLACE INTO mo_catalog.mo_subs (sub_account_id, sub_account_name, sub_name, sub_time, pub_account_id, "
                + "pub_account_name, pub_name, pub_database, pub_tables, pub_time, pub_comment, status) VALUES ("
                + accountId(db, session.account()) + ", " + Sql.str(session.account()) + ", " + Sql.str(name) + ", NOW(), "
                + accountId(db, pubAccount) + ", " + Sql.str(pubAccount) + ", " + Sql.str(pubName) + ", " + Sql.str(pub.database())
                + ", " + Sql.str(pub.tables()) + ", NOW(), " + Sql.str(pub.comment()) + ", 0)");
        return Reply.Ok.EMPTY;
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

    private static String accountId(Db db, String account) {
        String id = db.scalar("SELECT account_id FROM mo_catalog.mo_account WHERE account_name = " + Sql.str(account));
        return id == null ? "0" : id;
    }
}
