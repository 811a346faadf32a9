package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CREATE / ALTER / DROP ACCOUNT and SHOW ACCOUNTS (mo_sql.md §7.1). An account is a row of
 * {@code mo_catalog.mo_account} plus a MariaDB user {@code account#admin} (mysql_native_password) that may work
 * on every user database: all accounts share MariaDB's one namespace (DIFFERENCES.md). Only sys manages accounts.
 */
final class AccountHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AccountHandler.class);
    /** MatrixOne's system databases of a non-sys account (SHOW DATABASES, SHOW ACCOUNTS' db_count). */
    static final List<String> ACCOUNT_SYSTEM_DATABASES = List.of("information_schema", "mo_catalog", "mysql", "system",
            "system_metrics");
    /** sys has two more. */
    static final List<String> SYS_SYSTEM_DATABASES = List.of("information_schema", "mo_catalog", "mo_debug", "mo_task",
            "mysql", "system", "system_metrics");

    private final TargetVersion version;
    private final Namespaces namespaces;
    private final SnapshotStore snapshots;

    AccountHandler(TargetVersion version, Namespaces namespaces, SnapshotStore snapshots) {
        this.version = version;
        this.namespaces = namespaces;
        this.snapshots = snapshots;
    }
    private static final String[] HOSTS = {"%", "localhost"};
    private static final String USER_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER, "
            + "CREATE TEMPORARY TABLES, LOCK TABLES, CREATE VIEW, SHOW VIEW, EXECUTE, CREATE ROUTINE, ALTER ROUTINE, "
            + "REFERENCES, TRIGGER, EVENT";

    record Create(String name, boolean ifNotExists, String admin, String password, String status, String comment) {
    }

    static String accountName(String raw) {
        String s = raw.trim();
        if (s.isEmpty() || !s.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-')) {
            throw MoException.internal("the account name is invalid");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    static Create parseCreate(Statement s) {
        TokenCursor c = s.cursor();
        c.expect("CREATE");
        c.expect("ACCOUNT");
        if (c.peek() != null && c.peek().is("FROM")) {
            throw MoException.emulator("cross-cluster account subscriptions (CREATE ACCOUNT FROM ...) are not emulated");
        }
        boolean ine = c.accept("IF", "NOT", "EXISTS");
        String name = c.identifierOrString();
        c.expect("ADMIN_NAME");
        c.acceptPunct("=");
        String admin = c.identifierOrString();
        String password = identified(c);
        String status = status(c);
        String comment = c.accept("COMMENT") ? c.string() : "";
        c.expectEnd();
        return new Create(accountName(name), ine, admin, password, status == null ? "open" : status, comment);
    }

    private static String identified(TokenCursor c) {
        c.expect("IDENTIFIED");
        if (c.accept("WITH")) {
            throw MoException.emulator("IDENTIFIED WITH is not emulated; use IDENTIFIED BY 'password'");
        }
        c.expect("BY");
        if (c.accept("RANDOM")) {
            throw MoException.emulator("IDENTIFIED BY RANDOM PASSWORD is not emulated");
        }
        return c.string();
    }

    private static String status(TokenCursor c) {
        if (c.accept("OPEN")) {
            return "open";
        }
        if (c.accept("SUSPEND")) {
            return "suspend";
        }
        if (c.accept("RESTRICTED")) {
            return "restricted";
        }
        return null;
    }

    static String mariaUser(String account, String admin) {
        return account + "#" + admin;
    }

    Reply create(Statement s, Session session) {
        Create req = parseCreate(s);
        Privileges.checkSysAdmin(session);
        Db db = new Db(session.backend());
        if (find(db, req.name()) != null) {
            if (req.ifNotExists()) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("the tenant " + req.name() + " exists");
        }
        createAccount(db, req.name(), req.admin(), "PASSWORD(" + Sql.str(req.password()) + ")", req.status(), req.comment());
        return Reply.Ok.EMPTY;
    }

    /**
     * The account's row, its admin's MariaDB user and its own {@code mo_catalog}.
     *
     * @param auth a MariaDB expression for the password hash
     */
    private Namespace createAccount(Db db, String name, String admin, String auth, String status, String comment) {
        // ids are never reused, as on MatrixOne: a new account must not inherit a dropped one's schemas
        String id = db.scalar("SELECT GREATEST(NEXTVAL(" + Catalog.ACCOUNT_IDS + "), COALESCE(MAX(account_id), 0) + 1) "
                + "FROM mo_catalog.mo_account");
        String user = mariaUser(name, admin);
        for (String host : HOSTS) {
            db.exec("CREATE USER " + Sql.str(user) + "@" + Sql.str(host) + " IDENTIFIED VIA mysql_native_password USING "
                    + auth + ("suspend".equals(status) ? " ACCOUNT LOCK" : ""));
            db.exec("GRANT " + USER_PRIVILEGES + " ON *.* TO " + Sql.str(user) + "@" + Sql.str(host));
        }
        db.exec("INSERT INTO mo_catalog.mo_account (account_id, account_name, admin_name, status, comments) VALUES ("
                + id + ", " + Sql.str(name) + ", " + Sql.str(admin) + ", " + Sql.str(status) + ", " + Sql.str(comment) + ")");
        namespaces.forget(name);
        Namespace ns = new Namespace(name, Long.parseLong(id));
        db.exec("CREATE DATABASE IF NOT EXISTS " + Sql.id(ns.catalog()));
        db.exec(Catalog.snapshotsTable(version, ns.catalog()));
        for (String sql : CatalogTables.views(ns)) {
            db.exec(sql);
        }
        LOG.debug("account {} created with admin {}", name, admin);
        return ns;
    }

    /** Brings back a dropped account a snapshot remembers (restore of a dropped account); {@code null} if it cannot. */
    Namespace recreate(Db db, SnapshotStore.AccountInfo info) {
        if (info == null || info.auth() == null) {
            return null;
        }
        return createAccount(db, info.name(), info.admin(), Sql.str(info.auth()), "open", info.comments() == null ? "" : info.comments());
    }

    Reply drop(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("DROP");
        c.expect("ACCOUNT");
        boolean ifExists = c.accept("IF", "EXISTS");
        String name = accountName(c.identifierOrString());
        c.expectEnd();
        Privileges.checkSysAdmin(session);
        if (name.equals(Privileges.SYS)) {
            throw MoException.internal("can not delete the account " + name);
        }
        Db db = new Db(session.backend());
        List<String> acc = find(db, name);
        if (acc == null) {
            if (ifExists) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("there is no account " + name);
        }
        for (String host : HOSTS) {
            db.exec("DROP USER IF EXISTS " + Sql.str(mariaUser(name, acc.get(1))) + "@" + Sql.str(host));
        }
        Namespace ns = namespaces.find(db, name);
        if (ns != null) {
            // MatrixOne drops the account's data and catalog with it; snapshots others took of it stay
            snapshots.dropAll(db, ns);
            for (List<String> r : db.rows("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")) {
                if (ns.owns(r.get(0))) {
                    db.exec("DROP DATABASE " + Sql.id(r.get(0)));
                }
            }
            db.exec("DELETE FROM mo_catalog.mo_pitr WHERE create_account = " + ns.id());
            db.exec("DELETE FROM mo_catalog.mo_pubs WHERE account_name = " + Sql.str(name));
            db.exec("DELETE FROM mo_catalog.mo_subs WHERE sub_account_name = " + Sql.str(name));
        }
        db.exec("DELETE FROM mo_catalog.mo_account WHERE account_name = " + Sql.str(name));
        namespaces.forget(name);
        return Reply.Ok.EMPTY;
    }

    Reply alter(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("ALTER");
        c.expect("ACCOUNT");
        if (c.peek() != null && c.peek().is("CONFIG")) {
            throw MoException.emulator("ALTER ACCOUNT CONFIG is not emulated");
        }
        boolean ifExists = c.accept("IF", "EXISTS");
        String name = accountName(c.identifierOrString());
        String admin = null;
        String password = null;
        if (c.accept("ADMIN_NAME")) {
            c.acceptPunct("=");
            admin = c.identifierOrString();
            password = identified(c);
        }
        String status = status(c);
        String comment = c.accept("COMMENT") ? c.string() : null;
        c.expectEnd();
        Privileges.checkSysAdmin(session);
        Db db = new Db(session.backend());
        List<String> acc = find(db, name);
        if (acc == null) {
            if (ifExists) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("there is no account " + name);
        }
        if (status != null && name.equals(Privileges.SYS) && !status.equals("open")) {
            throw MoException.internal("account sys can not be suspended");
        }
        String user = mariaUser(name, acc.get(1));
        if (admin != null) {
            if (!admin.equals(acc.get(1))) {
                throw MoException.internal("there is no user " + admin);
            }
            for (String host : HOSTS) {
                db.exec("ALTER USER " + Sql.str(user) + "@" + Sql.str(host) + " IDENTIFIED VIA mysql_native_password USING PASSWORD("
                        + Sql.str(password) + ")");
            }
        }
        if (status != null) {
            for (String host : HOSTS) {
                db.exec("ALTER USER " + Sql.str(user) + "@" + Sql.str(host) + (status.equals("suspend") ? " ACCOUNT LOCK" : " ACCOUNT UNLOCK"));
            }
            db.exec("UPDATE mo_catalog.mo_account SET status = " + Sql.str(status) + ", suspended_time = "
                    + (status.equals("suspend") ? "CURRENT_TIMESTAMP" : "NULL") + " WHERE account_name = " + Sql.str(name));
        }
        if (comment != null) {
            db.exec("UPDATE mo_catalog.mo_account SET comments = " + Sql.str(comment) + " WHERE account_name = " + Sql.str(name));
        }
        return Reply.Ok.EMPTY;
    }

    /** SHOW ACCOUNTS [LIKE 'pattern'] (show_account.go); non-sys sessions see their own row only. */
    Reply show(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("SHOW");
        c.expect("ACCOUNTS");
        String like = c.accept("LIKE") ? c.string() : null;
        c.expectEnd();
        Db db = new Db(session.backend());
        String where = (like == null ? "1=1" : "account_name LIKE " + Sql.str(like))
                + (Privileges.isSys(session) ? "" : " AND account_name = " + Sql.str(session.account()));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : db.rows("SELECT account_name, admin_name, created_time, status, suspended_time, comments, "
                + "account_id FROM mo_catalog.mo_account WHERE " + where + " ORDER BY account_id DESC")) {
            Namespace ns = Long.parseLong(r.get(6)) == 0 ? Namespace.sys() : new Namespace(r.get(0), Long.parseLong(r.get(6)));
            List<String> dbs = namespaces.databases(db, ns);
            long tables = 0;
            for (String d : dbs) {
                tables += db.tables(ns.physical(d)).size();
            }
            int system = (ns.isSys() ? SYS_SYSTEM_DATABASES : ACCOUNT_SYSTEM_DATABASES).size();
            rows.add(java.util.Arrays.asList(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), String.valueOf(system + dbs.size()),
                    String.valueOf(tables), "0.0", "0.0", r.get(5)));
        }
        List<Column> cols = List.of(Column.varchar("account_name"), Column.varchar("admin_name"),
                new Column("created_time", Column.Type.TIMESTAMP), Column.varchar("status"),
                new Column("suspended_time", Column.Type.TIMESTAMP), Column.bigint("db_count"), Column.bigint("tbl_count"),
                new Column("size", Column.Type.DOUBLE), new Column("snapshot_size", Column.Type.DOUBLE), Column.varchar("comments"));
        return new Reply.ResultSet(cols, rows);
    }

    /** {account_name, admin_name, status} or {@code null}. */
    static List<String> find(Db db, String name) {
        List<List<String>> rows = db.rows("SELECT account_name, admin_name, status FROM mo_catalog.mo_account WHERE account_name = "
                + Sql.str(name));
        return rows.isEmpty() ? null : rows.get(0);
    }
}
