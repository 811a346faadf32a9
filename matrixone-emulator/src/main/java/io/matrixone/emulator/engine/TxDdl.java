package io.matrixone.emulator.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DDL inside a transaction, as MatrixOne runs it: part of the transaction and undone by ROLLBACK. MariaDB would
 * commit the open transaction before any DDL, so the DDL runs on a second connection of the emulator's (its
 * own transaction stays open) and every step records how to undo it: a created object is dropped on ROLLBACK, a
 * dropped or truncated table is only moved aside ({@code __mo_txn}) until COMMIT, an altered table keeps a copy.
 * The session's own connection does the data work (a clone's rows, a subscription's catalog row), so that it sees
 * the transaction's uncommitted rows and is rolled back with it.
 *
 * <p>Where MariaDB cannot do that (the DDL needs a lock the transaction itself holds, e.g. ALTER of a table the
 * transaction wrote), the DDL runs on the session's connection after all: MariaDB then commits the statements
 * before it (DIFFERENCES.md). Other sessions do not see a database the transaction created (SHOW DATABASES, USE)
 * until COMMIT; other DDL they see at once.
 */
final class TxDdl {
    private static final Logger LOG = LoggerFactory.getLogger(TxDdl.class);
    /** Where dropped and replaced tables wait for the end of their transaction. */
    static final String TRASH = "__mo_txn";
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private final Supplier<Backend> connections;

    /** @param connections opens a connection to MariaDB with the emulator's own (administrator) login */
    TxDdl(Supplier<Backend> connections) {
        this.connections = connections;
    }

    boolean available() {
        return connections != null;
    }

    /** One transaction's DDL bookkeeping: the second connection and the undo and commit steps, newest first. */
    static final class Log {
        private Backend side;
        private final Deque<List<String>> undo = new ArrayDeque<>();
        private final List<String> onCommit = new ArrayList<>();
        /** Databases this transaction created: other sessions do not see them until COMMIT. */
        private final java.util.Set<String> created = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private int serial;

        boolean isEmpty() {
            return undo.isEmpty() && onCommit.isEmpty();
        }

        /** The MariaDB schemas the open transaction created. */
        java.util.Set<String> createdDatabases() {
            return created;
        }
    }

    // ---- the session's view while a clone or subscription runs in a transaction ---------------------------

    /**
     * The session as a handler sees it inside a transaction: CREATE DATABASE / TABLE / VIEW go to the second
     * connection (undone on ROLLBACK), everything else to the session's own connection.
     */
    Session route(Session session, Log log) {
        Backend own = session.backend();
        Backend routed = new Backend() {
            @Override
            public BackendResult execute(String sql) {
                List<Token> t = SqlLexer.tokenize(sql);
                Statement s = new Statement(sql, t);
                if (s.startsWith("CREATE") && (s.matchesAt(1, "DATABASE") || s.matchesAt(1, "SCHEMA"))) {
                    BackendResult r = side(log).execute(sql);
                    String name = s.get(s.size() - 1).value();
                    log.undo.push(List.of("DROP DATABASE IF EXISTS " + Sql.id(name)));
                    log.created.add(name);
                    return r;
                }
                if (s.startsWith("CREATE", "TABLE") || s.startsWith("CREATE", "VIEW")) {
                    Name name = name(s, 2, null);
                    BackendResult r = side(log).execute(sql);
                    log.undo.push(List.of((s.matchesAt(1, "VIEW") ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ")
                            + Sql.id(name.db(), name.table())));
                    return r;
                }
                if (s.startsWith("ALTER", "TABLE") || s.startsWith("DROP", "DATABASE")) {
                    return side(log).execute(sql);
                }
                return own.execute(sql);
            }

            @Override
            public boolean inTransaction() {
                return own.inTransaction();
            }
        };
        return new Session(session.id(), session.account(), session.user(), session.role(), routed);
    }

    // ---- a user's DDL statement in a transaction ----------------------------------------------------------

    /** How a DDL statement runs reversibly: on the second connection, then on the session's own, and its undo. */
    private static final class Plan {
        final List<String> side = new ArrayList<>();
        final List<String> own = new ArrayList<>();
        final List<String> undo = new ArrayList<>();
        final List<String> commit = new ArrayList<>();
        final List<String> created = new ArrayList<>();
    }

    /** A table name as parsed: its database (the current one if unqualified) and the index after it. */
    private record Name(String db, String table, int next) {
    }

    /**
     * Runs a DDL statement (database names already MariaDB's) inside the session's transaction.
     *
     * @param restartWithBegin whether to BEGIN again if MariaDB had to commit the transaction (it was BEGIN's)
     * @throws BackendException MariaDB's error for the DDL itself
     */
    void run(Statement s, Session session, Log log, boolean restartWithBegin) {
        Backend own = session.backend();
        String current = own.execute("SELECT DATABASE()").scalar();
        Plan plan = plan(s, new Db(own), current, log);
        Backend side = side(log);
        if (current != null) {
            side.execute("USE " + Sql.id(current));
        }
        int done = 0;
        try {
            for (String sql : plan.side) {
                side.execute(sql);
                done++;
            }
        } catch (BackendException e) {
            if (e.errorCode() != LOCK_WAIT_TIMEOUT) {
                throw e;
            }
            // the transaction holds a lock the DDL needs: MariaDB will commit it first (DIFFERENCES.md)
            LOG.warn("session {}: DDL needs a lock its own transaction holds; MariaDB commits the transaction's earlier "
                    + "statements before it", session.id());
            runSteps(own, plan.side.subList(done, plan.side.size()));
            if (restartWithBegin) {
                own.execute("BEGIN");
            }
        }
        if (!plan.undo.isEmpty()) {
            log.undo.push(plan.undo);
        }
        log.onCommit.addAll(plan.commit);
        log.created.addAll(plan.created);
        runSteps(own, plan.own);
    }

    private static void runSteps(Backend b, List<String> steps) {
        for (String sql : steps) {
            b.execute(sql);
        }
    }

    /** The steps that do the statement's work reversibly, and what undoes them or finishes them at COMMIT. */
    private Plan plan(Statement s, Db db, String current, Log log) {
        Plan p = new Plan();
        String sql = s.text();
        int i = s.matchesAt(1, "OR", "REPLACE") ? 3 : 1;
        if (s.startsWith("CREATE") && (s.matchesAt(i, "DATABASE") || s.matchesAt(i, "SCHEMA"))) {
            String name = s.get(s.matchesAt(i + 1, "IF") ? i + 4 : i + 1).value();
            if (!db.databaseExists(name)) {
                p.undo.add("DROP DATABASE IF EXISTS " + Sql.id(name));
                p.created.add(name);
            }
            p.side.add(sql);
        } else if (s.startsWith("CREATE") && s.matchesAt(i, "TABLE")) {
            Name n = name(s, s.matchesAt(i + 1, "IF") ? i + 4 : i + 1, current);
            int select = topLevelSelect(s, n.next());
            if (!db.tableExists(n.db(), n.table())) {
                p.undo.add("DROP TABLE IF EXISTS " + Sql.id(n.db(), n.table()));
            }
            if (select > 0) {
                // CREATE TABLE ... AS SELECT may read the transaction's own rows: the rows are copied on its connection
                String query = s.textFrom(select);
                p.side.add(s.sql().substring(s.first().start(), s.get(select).start()) + "SELECT * FROM (" + query
                        + ") AS __mo_q LIMIT 0");
                p.own.add("INSERT INTO " + Sql.id(n.db(), n.table()) + " SELECT * FROM (" + query + ") AS __mo_q");
            } else {
                p.side.add(sql);
            }
        } else if ((s.startsWith("CREATE") || s.startsWith("ALTER")) && s.indexOf("VIEW") > 0 && s.indexOf("VIEW") <= i + 6) {
            Name n = name(s, s.indexOf("VIEW") + 1, current);
            if (db.tableExists(n.db(), n.table())) {
                p.undo.add("DROP VIEW IF EXISTS " + Sql.id(n.db(), n.table()));
                p.undo.add(db.viewDefinition(n.db(), n.table()));
            } else {
                p.undo.add("DROP VIEW IF EXISTS " + Sql.id(n.db(), n.table()));
            }
            p.side.add(sql);
        } else if (s.startsWith("DROP", "TRIGGER")) {
            Name n = name(s, s.matchesAt(2, "IF", "EXISTS") ? 4 : 2, current);
            p.undo.addAll(triggers(db, n.db(), null, n.table()));
            p.side.add(sql);
        } else if (s.startsWith("DROP", "TABLE") || s.startsWith("DROP", "VIEW")) {
            dropTables(s, db, current, log, p);
        } else if (s.startsWith("DROP") && (s.matchesAt(1, "DATABASE") || s.matchesAt(1, "SCHEMA"))) {
            dropDatabase(s, db, log, p);
        } else if (s.startsWith("RENAME", "TABLE")) {
            int k = 2;
            while (k < s.size()) {
                Name from = name(s, k, current);
                Name to = name(s, from.next() + 1, current);
                p.undo.add(0, "RENAME TABLE " + Sql.id(to.db(), to.table()) + " TO " + Sql.id(from.db(), from.table()));
                k = to.next() + 1;
            }
            p.side.add(sql);
        } else if (s.startsWith("ALTER", "TABLE") && s.matchesAt(name(s, 2, current).next(), "RENAME")
                && !s.matchesAt(name(s, 2, current).next() + 1, "COLUMN") && !s.matchesAt(name(s, 2, current).next() + 1, "INDEX")
                && !s.matchesAt(name(s, 2, current).next() + 1, "KEY")) {
            Name from = name(s, 2, current);
            int k = from.next() + 1;
            if (s.matchesAt(k, "TO") || s.matchesAt(k, "AS")) {
                k++;
            }
            Name to = name(s, k, current);
            p.undo.add("RENAME TABLE " + Sql.id(to.db(), to.table()) + " TO " + Sql.id(from.db(), from.table()));
            p.side.add(sql);
        } else {
            // ALTER TABLE, TRUNCATE, CREATE/DROP INDEX: a copy of the table stands ready until the end
            Name table = alteredTable(s, current);
            if (table != null && db.tableExists(table.db(), table.table())) {
                String aside = aside(log, table.table());
                p.side.add("CREATE DATABASE IF NOT EXISTS " + Sql.id(TRASH));
                p.side.add("CREATE TABLE " + Sql.id(TRASH, aside) + " LIKE " + Sql.id(table.db(), table.table()));
                // named columns: SELECT * leaves out INVISIBLE ones (an ngram index's shadow, NgramFulltext)
                String cols = db.insertableColumns(table.db(), table.table());
                p.side.add("INSERT INTO " + Sql.id(TRASH, aside) + " (" + cols + ") SELECT " + cols + " FROM "
                        + Sql.id(table.db(), table.table()));
                p.undo.add("DROP TABLE IF EXISTS " + Sql.id(table.db(), table.table()));
                p.undo.add("RENAME TABLE " + Sql.id(TRASH, aside) + " TO " + Sql.id(table.db(), table.table()));
                p.undo.addAll(triggers(db, table.db(), table.table(), null)); // the copy has none of them
                p.commit.add("DROP TABLE IF EXISTS " + Sql.id(TRASH, aside));
            }
            p.side.add(sql);
        }
        return p;
    }

    /** CREATE TRIGGER statements for a table's triggers (or one trigger by name), as they are now. */
    private static List<String> triggers(Db db, String schema, String table, String trigger) {
        List<String> out = new ArrayList<>();
        for (List<String> r : db.rows("SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, "
                + "ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = " + Sql.str(schema)
                + (table != null ? " AND EVENT_OBJECT_TABLE = " + Sql.str(table) : " AND TRIGGER_NAME = " + Sql.str(trigger))
                + " ORDER BY ACTION_ORDER")) {
            out.add("CREATE TRIGGER " + Sql.id(schema, r.get(0)) + " " + r.get(1) + " " + r.get(2) + " ON "
                    + Sql.id(schema, r.get(3)) + " FOR EACH ROW " + r.get(4));
        }
        return out;
    }

    /** DROP TABLE / DROP VIEW: tables are moved aside until COMMIT, views remembered by their definition. */
    private void dropTables(Statement s, Db db, String current, Log log, Plan p) {
        boolean view = s.matchesAt(1, "VIEW");
        boolean ifExists = s.matchesAt(2, "IF", "EXISTS");
        int k = ifExists ? 4 : 2;
        while (k < s.size() && s.get(k).isIdentifier() && !s.get(k).is("RESTRICT") && !s.get(k).is("CASCADE")) {
            Name n = name(s, k, current);
            k = n.next() + 1;
            if (!db.tableExists(n.db(), n.table())) {
                if (!ifExists) {
                    p.side.add((view ? "DROP VIEW " : "DROP TABLE ") + Sql.id(n.db(), n.table())); // MariaDB's error
                }
                continue;
            }
            if (view) {
                p.undo.add(db.viewDefinition(n.db(), n.table()));
                p.side.add("DROP VIEW " + Sql.id(n.db(), n.table()));
            } else {
                String aside = aside(log, n.table());
                p.side.add("CREATE DATABASE IF NOT EXISTS " + Sql.id(TRASH));
                p.side.add("RENAME TABLE " + Sql.id(n.db(), n.table()) + " TO " + Sql.id(TRASH, aside));
                p.undo.add(0, "RENAME TABLE " + Sql.id(TRASH, aside) + " TO " + Sql.id(n.db(), n.table()));
                p.commit.add("DROP TABLE IF EXISTS " + Sql.id(TRASH, aside));
            }
        }
    }

    /** DROP DATABASE: its tables wait in a schema of their own until COMMIT. */
    private void dropDatabase(Statement s, Db db, Log log, Plan p) {
        String name = s.get(s.matchesAt(2, "IF") ? 4 : 2).value();
        if (!db.databaseExists(name)) {
            p.side.add(s.text());
            return;
        }
        String aside = "__mo_txn_" + aside(log, "db");
        p.side.add("CREATE DATABASE " + Sql.id(aside));
        p.undo.add("CREATE DATABASE IF NOT EXISTS " + Sql.id(name));
        List<String> views = new ArrayList<>();
        for (List<String> t : db.tables(name)) {
            if ("VIEW".equals(t.get(1))) {
                views.add(db.viewDefinition(name, t.get(0)));
            } else {
                p.side.add("RENAME TABLE " + Sql.id(name, t.get(0)) + " TO " + Sql.id(aside, t.get(0)));
                p.undo.add("RENAME TABLE " + Sql.id(aside, t.get(0)) + " TO " + Sql.id(name, t.get(0)));
            }
        }
        p.undo.addAll(views);
        p.undo.add("DROP DATABASE IF EXISTS " + Sql.id(aside));
        p.side.add(s.text());
        p.commit.add("DROP DATABASE IF EXISTS " + Sql.id(aside));
    }

    /** The table of ALTER TABLE t, TRUNCATE [TABLE] t, CREATE ... INDEX i ON t, DROP INDEX i ON t; else null. */
    private static Name alteredTable(Statement s, String current) {
        if (s.startsWith("ALTER", "TABLE")) {
            return name(s, 2, current);
        }
        if (s.startsWith("TRUNCATE")) {
            return name(s, s.matchesAt(1, "TABLE") ? 2 : 1, current);
        }
        int on = s.indexOf("ON");
        if ((s.startsWith("CREATE") || s.startsWith("DROP", "INDEX")) && s.indexOf("INDEX") > 0 && on > 0) {
            return name(s, on + 1, current);
        }
        return null;
    }

    /** Index of the SELECT that makes a CREATE TABLE a CREATE TABLE ... AS SELECT, or -1. */
    private static int topLevelSelect(Statement s, int from) {
        int depth = 0;
        for (int k = from; k < s.size(); k++) {
            Token t = s.get(k);
            if (t.isPunct("(")) {
                if (depth == 0 && s.matchesAt(k + 1, "SELECT")) {
                    return -1; // (SELECT ...) forms are left to MariaDB on the second connection
                }
                depth++;
            } else if (t.isPunct(")")) {
                depth--;
            } else if (depth == 0 && t.is("SELECT")) {
                return k;
            } else if (depth == 0 && t.is("LIKE")) {
                return -1;
            }
        }
        return -1;
    }

    private static Name name(Statement s, int i, String current) {
        Token a = s.get(i);
        if (a == null) {
            return new Name(current, "", i);
        }
        if (s.get(i + 1) != null && s.get(i + 1).isPunct(".") && s.get(i + 2) != null) {
            return new Name(a.value(), s.get(i + 2).value(), i + 3);
        }
        return new Name(current, a.value(), i + 1);
    }

    /** A name for a table moved aside: unique per transaction, within MariaDB's 64 characters. */
    private static String aside(Log log, String name) {
        String n = "t" + System.identityHashCode(log) + "_" + (++log.serial) + "_" + name;
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    // ---- the end of the transaction ------------------------------------------------------------------------

    /** After COMMIT: what was moved aside goes for good. */
    void committed(Log log) {
        finish(log, log.onCommit);
    }

    /** After ROLLBACK (or a lost session): the DDL is undone, newest first. */
    void rolledBack(Log log) {
        List<String> steps = new ArrayList<>();
        log.undo.forEach(steps::addAll);
        finish(log, steps);
    }

    private void finish(Log log, List<String> steps) {
        try {
            if (!steps.isEmpty()) {
                Backend side = side(log);
                for (String sql : steps) {
                    try {
                        side.execute(sql);
                    } catch (BackendException e) {
                        LOG.warn("could not finish a transaction's DDL ({}): {}", sql, e.getMessage());
                    }
                }
            }
        } finally {
            log.undo.clear();
            log.onCommit.clear();
            log.created.clear();
            close(log);
        }
    }

    private Backend side(Log log) {
        if (log.side == null) {
            log.side = connections.get();
            // a DDL that waits for the transaction's own locks must fail fast, not deadlock (see run)
            log.side.execute("SET SESSION lock_wait_timeout = 2, innodb_lock_wait_timeout = 2");
        }
        return log.side;
    }

    private static void close(Log log) {
        if (log.side instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing a DDL connection: {}", e.toString());
            }
        }
        log.side = null;
    }
}
