package io.matrixone.emulator.engine;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CREATE / ALTER / DROP / SHOW PITR and RESTORE ... FROM PITR (mo_sql.md §5). Rows live in a real
 * {@code mo_catalog.mo_pitr}; history is kept by MariaDB system versioning: creating a PITR adds
 * {@code WITH SYSTEM VERSIONING} to every table in its scope, and a restore refills each table from
 * {@code FOR SYSTEM_TIME AS OF} the requested instant.
 */
final class PitrHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PitrHandler.class);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Nanos clock;
    private final Namespaces namespaces;

    PitrHandler(Nanos clock, Namespaces namespaces) {
        this.clock = clock;
        this.namespaces = namespaces;
    }

    record Pitr(String name, long createTime, String level, String account, String db, String table, int length, String unit) {
    }

    record Create(String name, boolean ifNotExists, String level, String account, String db, String table, long value, String unit) {
    }

    // ---- parsing -------------------------------------------------------------------------------------------

    static Create parseCreate(Statement s) {
        TokenCursor c = s.cursor();
        c.expect("CREATE");
        c.expect("PITR");
        boolean ine = c.accept("IF", "NOT", "EXISTS");
        String name = c.identifier();
        String level = "account";
        String account = null;
        String db = null;
        String table = null;
        if (c.accept("FOR")) {
            if (c.accept("CLUSTER")) {
                level = "cluster";
            } else if (c.accept("ACCOUNT")) {
                if (!c.atEnd() && !c.peek().is("RANGE")) {
                    account = c.identifier();
                }
            } else if (c.accept("DATABASE")) {
                level = "database";
                db = c.identifier();
                if (c.accept("TABLE")) {
                    level = "table";
                    table = c.identifier();
                }
            } else if (c.accept("TABLE")) {
                level = "table";
                db = c.identifier();
                table = c.identifier();
            } else {
                throw c.syntaxError();
            }
        }
        c.expect("RANGE");
        long value = c.integer();
        String unit = c.string();
        c.accept("INTERNAL");
        c.expectEnd();
        return new Create(name, ine, level, account, db, table, value, unit);
    }

    /** {@code pitr value} 1..100, unit h/d/mo/y (pitr.go; checked in this order). */
    private static String checkRange(long value, String unit) {
        if (value < 1 || value > 100) {
            throw MoException.internal("invalid pitr value " + value);
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (!List.of("h", "d", "mo", "y").contains(u)) {
            throw MoException.internal("invalid pitr unit " + unit);
        }
        return u;
    }

    // ---- statements ----------------------------------------------------------------------------------------

    Reply create(Statement s, Session session) {
        Create req = parseCreate(s);
        Db db = new Db(session.backend());
        Privileges.checkAdminRole(session);
        String current = session.account();
        if (req.level().equals("cluster") && !Privileges.isSys(session)) {
            throw MoException.internal("only sys tenant can create cluster level pitr");
        }
        String account = req.account() == null ? current : req.account();
        if (req.level().equals("account") && !account.equals(current) && !Privileges.isSys(session)) {
            throw MoException.internal("only sys tenant can create tenant level pitr for other tenant");
        }
        String unit = checkRange(req.value(), req.unit());
        if (req.name().equals("sys_mo_catalog_pitr")) {
            throw MoException.internal("pitr name is reserved");
        }
        Namespace me = namespaces.of(db, session);
        if (find(db, me, req.name()) != null) {
            if (req.ifNotExists()) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("pitr " + req.name() + " already exists");
        }
        List<String[]> scope = new ArrayList<>(); // {MariaDB schema, table-or-null}
        String dup;
        switch (req.level()) {
            case "cluster" -> {
                dup = "level = 'cluster'";
                for (Namespace ns : namespaces.all(db)) {
                    namespaces.databases(db, ns).forEach(d -> scope.add(new String[] {ns.physical(d), null}));
                }
                account = "";
            }
            case "account" -> {
                Namespace target = namespaces.find(db, account);
                if (target == null) {
                    throw MoException.internal("account " + account + " does not exist");
                }
                dup = "level = 'account' AND account_name = " + Sql.str(account);
                namespaces.databases(db, target).forEach(d -> scope.add(new String[] {target.physical(d), null}));
            }
            case "database" -> {
                if (Db.isSystemSchema(req.db())) {
                    throw MoException.internal("can not create pitr for system database " + req.db());
                }
                if (!db.databaseExists(me.physical(req.db()))) {
                    throw MoException.internal("database " + req.db() + " does not exist");
                }
                dup = "level = 'database' AND account_name = " + Sql.str(account) + " AND database_name = " + Sql.str(req.db());
                scope.add(new String[] {me.physical(req.db()), null});
            }
            default -> {
                if (Db.isSystemSchema(req.db())) {
                    throw MoException.internal("can not create pitr for system table " + req.db() + "." + req.table());
                }
                if (!db.databaseExists(me.physical(req.db()))) {
                    throw MoException.internal("database " + req.db() + " does not exist");
                }
                if (!db.tableExists(me.physical(req.db()), req.table())) {
                    throw MoException.internal("table " + req.db() + "." + req.table() + " does not exist");
                }
                dup = "level = 'table' AND account_name = " + Sql.str(account) + " AND database_name = " + Sql.str(req.db())
                        + " AND table_name = " + Sql.str(req.table());
                scope.add(new String[] {me.physical(req.db()), req.table()});
            }
        }
        if (!db.scalar("SELECT COUNT(*) FROM mo_catalog.mo_pitr WHERE " + dup).equals("0")) {
            throw MoException.internal(switch (req.level()) {
                case "cluster" -> "cluster level pitr already exists";
                case "account" -> "account `" + account + "` already has a pitr";
                case "database" -> "database `" + req.db() + "` already has a pitr";
                default -> "database `" + req.db() + "` table `" + req.table() + "` already has a pitr";
            });
        }
        for (String[] target : scope) {
            for (List<String> t : db.tables(target[0])) {
                if ((target[1] == null || target[1].equals(t.get(0))) && "BASE TABLE".equals(t.get(1))) {
                    db.exec("ALTER TABLE " + Sql.id(target[0], t.get(0)) + " ADD SYSTEM VERSIONING");
                }
            }
        }
        long now = clock.next();
        String accountId = String.valueOf(me.id());
        db.exec("INSERT INTO mo_catalog.mo_pitr (pitr_id, pitr_name, create_account, create_time, modified_time, level, "
                + "account_id, account_name, database_name, table_name, obj_id, pitr_length, pitr_unit, pitr_status, "
                + "pitr_status_changed_time) VALUES (" + Sql.str(UUID.randomUUID().toString()) + ", " + Sql.str(req.name()) + ", "
                + (accountId == null ? 0 : accountId) + ", " + now + ", " + now + ", " + Sql.str(req.level()) + ", "
                + (accountId == null ? 0 : accountId) + ", " + Sql.str(account) + ", " + Sql.str(nz(req.db())) + ", "
                + Sql.str(nz(req.table())) + ", 0, " + req.value() + ", " + Sql.str(unit) + ", 1, " + now + ")");
        LOG.debug("pitr {} ({} level) covers {} object(s)", req.name(), req.level(), scope.size());
        return Reply.Ok.EMPTY;
    }

    /** {@code ALTER PITR [IF EXISTS] p RANGE n 'unit'}. */
    Reply alter(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("ALTER");
        c.expect("PITR");
        boolean ifExists = c.accept("IF", "EXISTS");
        String name = c.identifier();
        c.expect("RANGE");
        long value = c.integer();
        String unit = c.string();
        c.expectEnd();
        Privileges.checkAdminRole(session);
        Db db = new Db(session.backend());
        Namespace me = namespaces.of(db, session);
        if (find(db, me, name) == null) {
            if (ifExists) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("pitr " + name + " does not exist");
        }
        String u = checkRange(value, unit);
        db.exec("UPDATE mo_catalog.mo_pitr SET pitr_length = " + value + ", pitr_unit = " + Sql.str(u)
                + ", modified_time = " + clock.next() + " WHERE " + key(me, name));
        return Reply.Ok.EMPTY;
    }

    /** {@code DROP PITR [IF EXISTS] p}: the history of tables no other PITR covers is dropped too. */
    Reply drop(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("DROP");
        c.expect("PITR");
        boolean ifExists = c.accept("IF", "EXISTS");
        String name = c.identifier();
        c.accept("INTERNAL");
        c.expectEnd();
        Privileges.checkAdminRole(session);
        Db db = new Db(session.backend());
        Namespace me = namespaces.of(db, session);
        Pitr p = find(db, me, name);
        if (p == null) {
            if (ifExists) {
                return Reply.Ok.EMPTY;
            }
            throw MoException.internal("pitr " + name + " does not exist");
        }
        db.exec("DELETE FROM mo_catalog.mo_pitr WHERE " + key(me, name));
        for (Namespace ns : scopeNamespaces(db, p)) {
            for (String d : p.db().isEmpty() ? namespaces.databases(db, ns) : List.of(p.db())) {
                for (List<String> t : db.tables(ns.physical(d))) {
                    if ("SYSTEM VERSIONED".equals(t.get(1)) && (p.table().isEmpty() || p.table().equals(t.get(0)))
                            && covering(db, ns.account(), d, t.get(0)).isEmpty()) {
                        db.exec("ALTER TABLE " + Sql.id(ns.physical(d), t.get(0)) + " DROP SYSTEM VERSIONING");
                    }
                }
            }
        }
        return Reply.Ok.EMPTY;
    }

    /** SHOW PITR [WHERE ...] (build_show.go buildShowPitr): empty names shown as {@code *}, newest first. */
    Reply show(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("SHOW");
        c.expect("PITR");
        String where = null;
        if (c.accept("WHERE")) {
            if (c.atEnd()) {
                throw c.syntaxError();
            }
            where = s.textFrom(c.index());
            where = TableFunctions.rewrite(where, SqlLexer.tokenize(where));
        } else {
            c.expectEnd();
        }
        String inner = "SELECT pitr_name AS PITR_NAME, FROM_UNIXTIME(FLOOR(create_time / 1000000000)) AS CREATED_TIME, "
                + "FROM_UNIXTIME(FLOOR(modified_time / 1000000000)) AS MODIFIED_TIME, level AS PITR_LEVEL, "
                + "IF(account_name = '', '*', account_name) AS ACCOUNT_NAME, IF(database_name = '', '*', database_name) AS DATABASE_NAME, "
                + "IF(table_name = '', '*', table_name) AS TABLE_NAME, pitr_length AS PITR_LENGTH, pitr_unit AS PITR_UNIT, "
                + "create_time AS __ct FROM mo_catalog.mo_pitr WHERE pitr_name != 'sys_mo_catalog_pitr'";
        Db db = new Db(session.backend());
        inner += " AND create_account = " + namespaces.of(db, session).id();
        List<List<String>> rows = db.rows("SELECT PITR_NAME, CREATED_TIME, MODIFIED_TIME, PITR_LEVEL, "
                + "ACCOUNT_NAME, DATABASE_NAME, TABLE_NAME, PITR_LENGTH, PITR_UNIT FROM (" + inner + ") AS p"
                + (where == null ? "" : " WHERE " + where) + " ORDER BY __ct DESC");
        List<Column> cols = List.of(Column.varchar("PITR_NAME"), new Column("CREATED_TIME", Column.Type.DATETIME),
                new Column("MODIFIED_TIME", Column.Type.DATETIME), Column.varchar("PITR_LEVEL"), Column.varchar("ACCOUNT_NAME"),
                Column.varchar("DATABASE_NAME"), Column.varchar("TABLE_NAME"), new Column("PITR_LENGTH", Column.Type.TINYINT_UNSIGNED),
                Column.varchar("PITR_UNIT"));
        return new Reply.ResultSet(cols, rows);
    }

    // ---- restore -------------------------------------------------------------------------------------------

    record Restore(String level, String account, String db, String table, String pitr, String timestamp, String sourceAccount) {
    }

    /**
     * Parses the RESTORE ... FROM PITR forms (mysql_sql.y restore_pitr_stmt, mo_sql.md §5.3); the cursor is just
     * after RESTORE. v3.0.x lacks the {@code ACCOUNT a DATABASE ...} forms.
     */
    static Restore parseRestore(TokenCursor c, TargetVersion version) {
        String level;
        String account = null;
        String db = null;
        String table = null;
        if (c.accept("CLUSTER")) {
            level = "cluster";
        } else if (c.accept("ACCOUNT")) {
            account = c.identifier();
            level = "account";
            if (version.isV4OrLater() && c.accept("DATABASE")) {
                db = c.identifier();
                level = "database";
                if (c.accept("TABLE")) {
                    table = c.identifier();
                    level = "table";
                }
            }
        } else if (c.accept("DATABASE")) {
            db = c.identifier();
            level = "database";
            if (c.accept("TABLE")) {
                table = c.identifier();
                level = "table";
            }
        } else {
            level = "account";
        }
        c.expect("FROM");
        c.expect("PITR");
        String pitr = c.identifier();
        String ts = c.string();
        String source = null;
        if (level.equals("account") && account != null && !c.atEnd()) {
            c.accept("AS");
            source = c.identifier();
        }
        c.expectEnd();
        return new Restore(level, account, db, table, pitr, ts, source);
    }

    Reply restore(Restore r, Session session) {
        Db db = new Db(session.backend());
        Namespace me = namespaces.of(db, session);
        Pitr p = find(db, me, r.pitr());
        if (p == null) {
            throw MoException.internal("pitr " + r.pitr() + " does not exist");
        }
        checkLevel(p, r, session);
        if (r.sourceAccount() != null) {
            throw MoException.emulator("restoring another account's data from a PITR is not emulated (one namespace)");
        }
        ZoneId zone = ZoneId.systemDefault();
        Long ts = Nanos.parse(r.timestamp(), zone);
        if (ts == null) {
            throw MoException.internal("invalid timestamp " + r.timestamp());
        }
        // checkPitrInValidDurtion (pitr.go)
        if (ts <= p.createTime()) {
            throw MoException.internal("input timestamp " + format(ts) + " is less than the pitr valid time " + format(p.createTime()));
        }
        long now = Nanos.now();
        if (ts > now) {
            throw MoException.internal("input timestamp " + format(ts) + " is bigger than now timestamp " + format(now));
        }
        List<String> dbs = new ArrayList<>(); // MariaDB schemas
        switch (r.level()) {
            case "cluster" -> {
                for (Namespace ns : namespaces.all(db)) {
                    namespaces.databases(db, ns).forEach(d -> dbs.add(ns.physical(d)));
                }
            }
            case "account" -> {
                Namespace target = r.account() == null ? me : namespaces.find(db, r.account());
                if (target == null) {
                    throw MoException.internal("account " + r.account() + " does not exist");
                }
                namespaces.databases(db, target).forEach(d -> dbs.add(target.physical(d)));
            }
            default -> dbs.add(me.physical(r.db()));
        }
        boolean dropNewer = !r.level().equals("table");
        db.withoutForeignKeyChecks(() -> {
            for (String d : dbs) {
                if (!db.databaseExists(d)) {
                    continue; // a dropped database's history is gone (DIFFERENCES.md)
                }
                for (List<String> t : db.tables(d)) {
                    String name = t.get(0);
                    if (r.table() != null && !r.table().equals(name)) {
                        continue;
                    }
                    if ("SYSTEM VERSIONED".equals(t.get(1))) {
                        String cols = db.insertableColumns(d, name);
                        db.exec("START TRANSACTION");
                        try {
                            db.exec("DELETE FROM " + Sql.id(d, name));
                            db.exec("INSERT INTO " + Sql.id(d, name) + " (" + cols + ") SELECT " + cols + " FROM "
                                    + Sql.id(d, name) + " FOR SYSTEM_TIME AS OF TIMESTAMP " + asOfExpression(ts));
                            db.exec("COMMIT");
                        } catch (RuntimeException e) {
                            db.exec("ROLLBACK");
                            throw e;
                        }
                    } else if (dropNewer && "BASE TABLE".equals(t.get(1)) && createdAfter(db, d, name, ts)) {
                        db.exec("DROP TABLE " + Sql.id(d, name));
                    }
                }
            }
        });
        return Reply.Ok.EMPTY;
    }

    private static boolean createdAfter(Db db, String d, String table, long ts) {
        String created = db.scalar("SELECT UNIX_TIMESTAMP(CREATE_TIME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                + Sql.str(d) + " AND TABLE_NAME = " + Sql.str(table));
        return created != null && Long.parseLong(created) * 1_000_000_000L > ts;
    }

    /** checkPitrValidOrNot (pitr.go), the common cases. */
    private static void checkLevel(Pitr p, Restore r, Session session) {
        switch (r.level()) {
            case "cluster" -> {
                if (!p.level().equals("cluster")) {
                    throw MoException.internal("restore level " + p.level() + " is not allowed for cluster restore");
                }
                if (!Privileges.isSys(session)) {
                    throw MoException.internal("account " + session.account() + " is not allowed to restore cluster level pitr " + p.name());
                }
            }
            case "account" -> {
                if (r.account() == null && !p.level().equals("account")) {
                    throw MoException.internal("restore level " + p.level() + " is not allowed for account restore");
                }
                if (r.account() != null && (p.level().equals("database") || p.level().equals("table"))) {
                    throw MoException.internal("restore level " + p.level() + " is not allowed for account restore");
                }
            }
            case "database" -> {
                if (p.level().equals("cluster")) {
                    throw MoException.internal("cluster level pitr `" + p.level() + "` is not allowed for database restore");
                }
                if (p.level().equals("table")) {
                    throw MoException.internal("restore level " + p.level() + " is not allowed for database restore");
                }
                if (r.account() != null && !r.account().equals(session.account())) {
                    throw MoException.internal("account " + r.account() + " is not allowed to restore database " + r.db());
                }
                if (p.level().equals("database") && !p.db().equals(r.db())) {
                    throw MoException.internal("pitr " + p.name() + " is not allowed to restore database " + r.db());
                }
            }
            default -> {
                if (p.level().equals("cluster")) {
                    throw MoException.internal("cluster level pitr `" + p.level() + "` is not allowed for table restore");
                }
                if (r.account() != null && !r.account().equals(session.account())) {
                    throw MoException.internal("account " + r.account() + " is not allowed to restore table " + r.db() + "." + r.table());
                }
                if (p.level().equals("database") && !p.db().equals(r.db())) {
                    throw MoException.internal("pitr " + p.name() + " is not allowed to restore database " + r.db() + " table " + r.table());
                }
                if (p.level().equals("table") && (!p.db().equals(r.db()) || !p.table().equals(r.table()))) {
                    throw MoException.internal("pitr " + p.name() + " is not allowed to restore table " + r.db() + "." + r.table());
                }
            }
        }
    }

    // ---- queries used by time travel -----------------------------------------------------------------------

    /** The PITR of this name among those {@code owner} created (names are per account). */
    Pitr find(Db db, Namespace owner, String name) {
        List<List<String>> rows = db.rows("SELECT pitr_name, create_time, level, account_name, database_name, table_name, "
                + "pitr_length, pitr_unit FROM mo_catalog.mo_pitr WHERE " + key(owner, name));
        return rows.isEmpty() ? null : pitr(rows.get(0));
    }

    private static Pitr pitr(List<String> r) {
        return new Pitr(r.get(0), Long.parseLong(r.get(1)), r.get(2), nz(r.get(3)), nz(r.get(4)), nz(r.get(5)),
                Integer.parseInt(r.get(6)), r.get(7));
    }

    private static String key(Namespace owner, String name) {
        return "pitr_name = " + Sql.str(name) + " AND create_account = " + owner.id();
    }

    /** PITRs whose scope includes {@code account}'s table {@code d.table}. */
    List<Pitr> covering(Db db, String account, String d, String table) {
        List<Pitr> out = new ArrayList<>();
        for (List<String> r : db.rows("SELECT pitr_name, create_time, level, account_name, database_name, table_name, "
                + "pitr_length, pitr_unit FROM mo_catalog.mo_pitr WHERE level = 'cluster' OR (account_name = "
                + Sql.str(account) + " AND (level = 'account' OR (database_name = " + Sql.str(d)
                + " AND (level = 'database' OR table_name = " + Sql.str(table) + "))))")) {
            out.add(pitr(r));
        }
        return out;
    }

    /**
     * Whether MariaDB keeps the history of the table {@code schema.table} of namespace {@code ns} back to
     * {@code instant} (a PITR older than it covers the table).
     */
    boolean keepsHistory(Db db, Namespace ns, String schema, String table, long instant) {
        if (!db.isSystemVersioned(schema, table)) {
            return false;
        }
        return covering(db, ns.account(), ns.logical(schema), table).stream().anyMatch(p -> p.createTime() < instant);
    }

    /** The namespaces a PITR covers: every account's for a cluster PITR, else the one its account names. */
    private List<Namespace> scopeNamespaces(Db db, Pitr p) {
        if (p.level().equals("cluster")) {
            return namespaces.all(db);
        }
        Namespace ns = namespaces.find(db, p.account());
        return ns == null ? List.of() : List.of(ns);
    }

    /** A MariaDB expression for the instant in the session's time zone, microsecond precision. */
    static String asOfExpression(long nanos) {
        long micros = Math.floorDiv(nanos, 1000L);
        return "FROM_UNIXTIME(" + Math.floorDiv(micros, 1_000_000L) + "." + String.format("%06d", Math.floorMod(micros, 1_000_000L)) + ")";
    }

    /** nanoTimeFormat (pitr.go): the server's local zone, second precision. */
    private static String format(long nanos) {
        return SECONDS.format(Nanos.toInstant(nanos).atZone(ZoneId.systemDefault()));
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }
}
