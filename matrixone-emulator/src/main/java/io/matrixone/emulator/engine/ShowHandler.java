package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SHOW statements whose answers depend on the account: {@code SHOW DATABASES} lists the account's own databases
 * and MatrixOne's system databases; for non-sys accounts, {@code SHOW TABLES} and {@code SHOW CREATE ...} run on
 * the physical schemas and are answered with the names the account knows. {@code SHOW CREATE DATABASE} prints
 * MatrixOne's plain {@code CREATE DATABASE `d`}.
 */
final class ShowHandler {
    private final Namespaces namespaces;
    private final TimeTravel timeTravel;

    ShowHandler(Namespaces namespaces, TimeTravel timeTravel) {
        this.namespaces = namespaces;
        this.timeTravel = timeTravel;
    }

    /** {@code SHOW CREATE TABLE t {SNAPSHOT = ...}}: the table's definition as the snapshot kept it. */
    Reply createAsOf(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.expect("SHOW");
        c.expect("CREATE");
        c.expect("TABLE");
        Db db = new Db(session.backend());
        Namespace ns = namespaces.of(db, session);
        String first = c.identifier();
        String schema;
        String table;
        if (c.acceptPunct(".")) {
            schema = ns.physical(first);
            table = c.identifier();
        } else {
            schema = db.currentDatabase();
            table = first;
            if (schema == null) {
                throw new MoException(1046, "HY000", "No database selected");
            }
        }
        TimeTravel.Hint hint = TimeTravel.parseHint(s.sql(), s.tokens(), c.index());
        c.reset(hint.endToken());
        c.expectEnd();
        // a snapshot keeps the table's own definition (foreign keys included); other hints read a copy's
        String ddl = timeTravel.snapshotObject(db, ns, schema, table, hint).filter(SnapshotObject::isTable)
                .map(SnapshotObject::createSql).orElse(null);
        if (ddl == null) {
            TimeTravel.Source src = timeTravel.source(db, ns, schema, table, hint);
            if (src.likeDb() == null) {
                throw MoException.emulator("SHOW CREATE TABLE of a view through a snapshot is not emulated");
            }
            ddl = db.showCreateTable(src.likeDb(), src.likeTable());
        }
        return new Reply.ResultSet(List.of(Column.varchar("Table"), Column.varchar("Create Table")),
                List.of(List.of(table, createTable(ns.unmap(ddl)))));
    }

    /**
     * {@code SHOW DATABASES [LIKE 'p' | WHERE expr]}.
     *
     * @param hidden MariaDB schemas not to list: created by other sessions' uncommitted transactions
     */
    Reply databases(Statement s, Session session, java.util.Set<String> hidden) {
        Db db = new Db(session.backend());
        Namespace ns = namespaces.of(db, session);
        TreeSet<String> names = new TreeSet<>(ns.isSys() ? AccountHandler.SYS_SYSTEM_DATABASES : AccountHandler.ACCOUNT_SYSTEM_DATABASES);
        namespaces.databases(db, ns).stream().filter(d -> !hidden.contains(ns.physical(d))).forEach(names::add);
        TokenCursor c = s.cursor();
        c.expect("SHOW");
        c.expect("DATABASES");
        List<List<String>> rows = new ArrayList<>();
        if (c.atEnd()) {
            names.forEach(n -> rows.add(List.of(n)));
        } else {
            // LIKE and WHERE are MariaDB's to evaluate, over the list this account may see
            String filter = c.accept("LIKE") ? "`Database` LIKE " + Sql.str(c.string()) : null;
            if (filter == null) {
                c.expect("WHERE");
                filter = s.textFrom(c.index());
            } else {
                c.expectEnd();
            }
            List<String> literals = names.stream().map(n -> "SELECT " + Sql.str(n) + " AS `Database`").toList();
            db.rows("SELECT `Database` FROM (" + String.join(" UNION ALL ", literals) + ") AS d WHERE " + filter)
                    .forEach(r -> rows.add(List.of(r.get(0))));
        }
        return new Reply.ResultSet(List.of(Column.varchar("Database")), rows);
    }

    /** SHOW TABLES, SHOW CREATE TABLE|VIEW|DATABASE ...: run in MariaDB, physical names written back. */
    Reply unmapped(String physicalSql, Session session) {
        Db db = new Db(session.backend());
        Namespace ns = namespaces.of(db, session);
        BackendResult r = db.query(physicalSql);
        List<Column> columns = new ArrayList<>();
        r.columns().forEach(l -> columns.add(Column.varchar(ns.unmap(l))));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : r.rows()) {
            List<String> out = new ArrayList<>();
            row.forEach(v -> out.add(createTable(createDatabase(ns.unmap(v)))));
            rows.add(out);
        }
        return new Reply.ResultSet(columns, rows);
    }

    private static final Pattern INT_WIDTH = Pattern.compile("(?i)\\b(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)");
    private static final Pattern TABLE_TAIL = Pattern.compile("\\n\\)([^\\n]*)$");
    private static final Pattern COMMENT = Pattern.compile("COMMENT='((?:[^'\\\\]|\\\\.|'')*)'");
    private static final Pattern FOREIGN_KEY = Pattern.compile("(?m)^(  CONSTRAINT .* FOREIGN KEY .*?),?$");

    /**
     * MariaDB's SHOW CREATE TABLE text in MatrixOne's layout: no integer display widths, no engine, charset or
     * auto-increment table options (the comment stays), foreign keys with their RESTRICT actions spelled out.
     */
    static String createTable(String v) {
        if (v == null || !v.startsWith("CREATE TABLE ")) {
            return v;
        }
        String out = INT_WIDTH.matcher(v).replaceAll("$1").replace("current_timestamp()", "CURRENT_TIMESTAMP");
        Matcher fk = FOREIGN_KEY.matcher(out);
        StringBuilder b = new StringBuilder();
        while (fk.find()) {
            String line = fk.group(1);
            if (!line.contains(" ON DELETE ")) {
                line += " ON DELETE RESTRICT";
            }
            if (!line.contains(" ON UPDATE ")) {
                line += " ON UPDATE RESTRICT";
            }
            fk.appendReplacement(b, Matcher.quoteReplacement(line + (fk.group().endsWith(",") ? "," : "")));
        }
        fk.appendTail(b);
        out = b.toString();
        // MariaDB adds an index named after each foreign key that has none; MatrixOne shows none
        Matcher fkName = Pattern.compile("(?m)^  CONSTRAINT (`(?:[^`]|``)+`) FOREIGN KEY").matcher(out);
        while (fkName.find()) {
            out = out.replaceAll("(?m)^  KEY " + Pattern.quote(fkName.group(1)) + " \\([^\\n]*\\),?\\n", "");
        }
        Matcher tail = TABLE_TAIL.matcher(out);
        if (tail.find()) {
            Matcher comment = COMMENT.matcher(tail.group(1));
            out = out.substring(0, tail.start()) + "\n)" + (comment.find() ? " " + comment.group() : "");
        }
        return out;
    }

    /** MatrixOne's SHOW CREATE DATABASE text has no MariaDB version comment. */
    private static String createDatabase(String v) {
        return v != null && v.startsWith("CREATE DATABASE ") ? v.replaceFirst(" /\\*!40100 [^*]*\\*/$", "") : v;
    }
}
