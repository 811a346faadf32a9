package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * SHOW statements whose answers depend on the account: {@code SHOW DATABASES} lists the account's own databases
 * and MatrixOne's system databases; for non-sys accounts, {@code SHOW TABLES} and {@code SHOW CREATE ...} run on
 * the physical schemas and are answered with the names the account knows. {@code SHOW CREATE DATABASE} prints
 * MatrixOne's plain {@code CREATE DATABASE `d`}.
 */
final class ShowHandler {
    private final Namespaces namespaces;

    ShowHandler(Namespaces namespaces) {
        this.namespaces = namespaces;
    }

    /** {@code SHOW DATABASES [LIKE 'p' | WHERE expr]}. */
    Reply databases(Statement s, Session session) {
        Db db = new Db(session.backend());
        Namespace ns = namespaces.of(db, session);
        TreeSet<String> names = new TreeSet<>(ns.isSys() ? AccountHandler.SYS_SYSTEM_DATABASES : AccountHandler.ACCOUNT_SYSTEM_DATABASES);
        names.addAll(namespaces.databases(db, ns));
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
            row.forEach(v -> out.add(createDatabase(ns.unmap(v))));
            rows.add(out);
        }
        return new Reply.ResultSet(columns, rows);
    }

    /** MatrixOne's SHOW CREATE DATABASE text has no MariaDB version comment. */
    private static String createDatabase(String v) {
        return v != null && v.startsWith("CREATE DATABASE ") ? v.replaceFirst(" /\\*!40100 [^*]*\\*/$", "") : v;
    }
}
