package io.matrixone.emulator.engine;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites MatrixOne's time-travel table hints (mo_sql.md §2) into plain MariaDB table references:
 * {@code t{SNAPSHOT = 's'}} becomes the snapshot's copy of {@code t}; {@code {MO_TS = n}},
 * {@code {TIMESTAMP = '...'}} and {@code {AS OF TIMESTAMP '...'}} become the newest snapshot copy at or before
 * that instant, or MariaDB's {@code FOR SYSTEM_TIME AS OF} when a PITR keeps the table's history.
 */
final class TimeTravel {

    /** Words that can follow a table reference without being its alias. */
    private static final Set<String> NOT_ALIAS = Set.of("WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "NATURAL",
            "STRAIGHT_JOIN", "ON", "USING", "GROUP", "ORDER", "LIMIT", "HAVING", "UNION", "EXCEPT", "INTERSECT", "WINDOW",
            "FOR", "LOCK", "INTO", "SET", "VALUES", "SELECT", "PROCEDURE", "FULL", "OUTER", "USE", "IGNORE", "FORCE",
            "PARTITION", "RETURNING", "WITH", "OFFSET", "FETCH", "AND", "OR", "CLONE", "TO", "AGAINST", "OUTPUT");

    private final SnapshotStore snapshots;
    private final PitrHandler pitr;
    private final Namespaces namespaces;

    TimeTravel(SnapshotStore snapshots, PitrHandler pitr, Namespaces namespaces) {
        this.snapshots = snapshots;
        this.pitr = pitr;
        this.namespaces = namespaces;
    }

    /** A parsed {@code {...}} hint: either a snapshot name or an instant (ns, UTC) with its text for messages. */
    record Hint(String snapshot, Long instant, String valueText, int endToken) {
    }

    /** Whether the tokens contain a time-travel hint after a table name. */
    static boolean hasHint(List<Token> tokens) {
        for (int k = 1; k < tokens.size(); k++) {
            if (isHintStart(tokens, k)) {
                return true;
            }
        }
        return false;
    }

    static boolean isHintStart(List<Token> tokens, int k) {
        if (!tokens.get(k).isPunct("{") || !tokens.get(k - 1).isIdentifier() || k + 1 >= tokens.size()) {
            return false;
        }
        Token n = tokens.get(k + 1);
        return n.is("SNAPSHOT") || n.is("MO_TS") || n.is("TIMESTAMP")
                || (n.is("AS") && k + 2 < tokens.size() && tokens.get(k + 2).is("OF"));
    }

    /** Parses the hint whose {@code {} is token {@code k}. */
    static Hint parseHint(String sql, List<Token> tokens, int k) {
        TokenCursor c = new TokenCursor(sql, tokens);
        c.reset(k);
        c.expectPunct("{");
        Hint h;
        if (c.accept("SNAPSHOT")) {
            c.expectPunct("=");
            // the identifier form folds to lower case like every name; the string form is looked up as written, and
            // names are stored lower-cased, so 'Name' finds nothing in SELECT and CLONE (finding F-07; RESTORE folds)
            boolean quoted = c.peek() != null && c.peek().kind() == Token.Kind.STRING;
            String name = c.identifierOrString();
            h = new Hint(quoted ? name : name.toLowerCase(Locale.ROOT), null, null, 0);
        } else if (c.accept("MO_TS")) {
            c.expectPunct("=");
            Token v = c.next();
            h = instant(v, ZoneOffset.UTC, true);
        } else if (c.accept("TIMESTAMP")) {
            c.expectPunct("=");
            Token v = c.next();
            h = instant(v, ZoneOffset.UTC, true);
        } else {
            c.expect("AS");
            c.expect("OF");
            c.expect("TIMESTAMP");
            Token v = c.peek();
            if (v == null || v.kind() != Token.Kind.STRING) {
                throw c.syntaxError();
            }
            c.next();
            // AS OF TIMESTAMP is read in the server's local zone (doResolveTimeStamp, mo_sql.md §2.2)
            h = instant(v, ZoneId.systemDefault(), false);
        }
        c.expectPunct("}");
        return new Hint(h.snapshot(), h.instant(), h.valueText(), c.index());
    }

    private static Hint instant(Token v, ZoneId zone, boolean numberAllowed) {
        if (v.kind() == Token.Kind.NUMBER && numberAllowed) {
            try {
                return new Hint(null, Long.parseLong(v.value()), v.value(), 0);
            } catch (NumberFormatException e) {
                throw MoException.invalidArg("invalid timestamp hint", v.value());
            }
        }
        if (v.kind() != Token.Kind.STRING) {
            throw MoException.invalidArg("invalid timestamp hint", v.value());
        }
        Long ns = Nanos.parse(v.value(), zone);
        if (ns == null) {
            throw MoException.invalidArg("invalid timestamp hint", v.value());
        }
        return new Hint(null, ns, v.value(), 0);
    }

    /**
     * Rewrites every hinted table reference in {@code sql} (whose database names are already MariaDB's, see
     * {@link NameRewriter}); returns {@code sql} itself when there is none.
     */
    String rewrite(String sql, List<Token> tokens, Session session) {
        if (!hasHint(tokens)) {
            return sql;
        }
        Db db = new Db(session.backend());
        Namespace ns = namespaces.of(db, session);
        String currentDb = null;
        boolean currentKnown = false;
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int k = 1; k < tokens.size(); k++) {
            if (!isHintStart(tokens, k)) {
                continue;
            }
            int nameStart = k - 1;
            String table = tokens.get(k - 1).value();
            String schema;
            if (k >= 3 && tokens.get(k - 2).isPunct(".") && tokens.get(k - 3).isIdentifier()) {
                schema = tokens.get(k - 3).value();
                nameStart = k - 3;
            } else {
                if (!currentKnown) {
                    currentDb = db.currentDatabase();
                    currentKnown = true;
                }
                if (currentDb == null) {
                    throw new MoException(1046, "HY000", "No database selected");
                }
                schema = currentDb;
            }
            Hint hint = parseHint(sql, tokens, k);
            Token after = hint.endToken() < tokens.size() ? tokens.get(hint.endToken()) : null;
            boolean hasAlias = after != null && (after.is("AS") || (after.isIdentifier()
                    && !(after.kind() == Token.Kind.WORD && NOT_ALIAS.contains(after.upper()))));
            String target = source(db, ns, schema, table, hint).fromRef();
            out.append(sql, copied, tokens.get(nameStart).start()).append(target);
            if (!hasAlias) {
                out.append(" AS ").append(Sql.id(table));
            }
            copied = tokens.get(hint.endToken() - 1).end();
            k = hint.endToken() - 1;
        }
        return out.append(sql.substring(copied)).toString();
    }

    /**
     * Where to read {@code schema.table} as of a hint.
     *
     * @param likeDb    schema of a table with the right structure (for CREATE TABLE ... LIKE)
     * @param likeTable that table
     * @param fromRef   the table reference to SELECT from
     */
    record Source(String likeDb, String likeTable, String fromRef) {
        static Source live(String schema, String table) {
            return new Source(schema, table, Sql.id(schema, table));
        }
    }

    /** Where to read the MariaDB table {@code schema.table} of namespace {@code ns} as of the hint. */
    Source source(Db db, Namespace ns, String schema, String table, Hint hint) {
        if (hint.snapshot() != null) {
            SnapshotRecord rec = snapshots.require(db, ns, hint.snapshot());
            return copyOf(db, ns, rec, schema, table);
        }
        long instant = hint.instant();
        if (instant <= 0) {
            throw MoException.invalidArg("invalid timestamp value", hint.valueText());
        }
        if (instant >= Nanos.now()) {
            return Source.live(schema, table); // the future: today's data, as on MatrixOne (snapshot_read.result)
        }
        if (pitr.keepsHistory(db, ns, schema, table, instant)) {
            return new Source(schema, table,
                    Sql.id(schema, table) + " FOR SYSTEM_TIME AS OF TIMESTAMP " + PitrHandler.asOfExpression(instant));
        }
        Optional<SnapshotRecord> rec = snapshots.newestCovering(db, ns, ns.account(), ns.logical(schema), table, instant);
        if (rec.isEmpty()) {
            // query_builder.go ResolveTsHint
            throw MoException.invalidArg("invalid timestamp value, no corresponding snapshot ", hint.valueText());
        }
        return copyOf(db, ns, rec.get(), schema, table);
    }

    /** The table or view a {@code {SNAPSHOT = s}} hint reads, as the snapshot kept it; empty for other hints. */
    Optional<SnapshotObject> snapshotObject(Db db, Namespace ns, String schema, String table, Hint hint) {
        if (hint.snapshot() == null) {
            return Optional.empty();
        }
        SnapshotRecord rec = snapshots.require(db, ns, hint.snapshot());
        return snapshots.object(db, ns, rec.name(), ns.account(), ns.logical(schema), table);
    }

    /** Nested views deeper than this are a cycle: MariaDB refuses those anyway. */
    private static final int MAX_VIEW_DEPTH = 16;

    /**
     * A view's SELECT as of the snapshot: its definition at snapshot time, reading the snapshot's copies of its
     * tables and, for nested views, their own definitions as of the snapshot.
     */
    private String viewAsOf(Db db, Namespace ns, SnapshotRecord rec, SnapshotObject view, int depth) {
        if (depth > MAX_VIEW_DEPTH) {
            throw MoException.internal("view " + view.db() + "." + view.table() + " nests too deeply");
        }
        List<SnapshotObject> objects = snapshots.objects(db, ns, rec.name()).stream()
                .filter(o -> o.account().equals(ns.account())).toList();
        List<String> databases = objects.stream().filter(SnapshotObject::isDatabase).map(SnapshotObject::db).toList();
        return Views.rewriteTables(Views.select(view.createSql()), databases, (d, t, aliased) -> {
            SnapshotObject o = objects.stream().filter(x -> x.db().equals(d) && x.table().equals(t)).findFirst().orElse(null);
            if (o == null) {
                throw MoException.parseError("table \"" + t.toLowerCase(Locale.ROOT) + "\" does not exist");
            }
            if (o.isView()) {
                return "(" + viewAsOf(db, ns, rec, o, depth + 1) + ")" + (aliased ? "" : " AS " + Sql.id(t));
            }
            return Sql.id(o.copySchema(), t);
        });
    }

    /** The copy of {@code schema.table} in snapshot {@code rec}. */
    Source copyOf(Db db, Namespace ns, SnapshotRecord rec, String schema, String table) {
        String logical = ns.logical(schema);
        if (logical.equalsIgnoreCase("mo_catalog") && CatalogTables.TABLES.contains(table.toLowerCase(Locale.ROOT))) {
            return new Source(null, null, "(" + CatalogTables.asOf(ns, table.toLowerCase(Locale.ROOT),
                    snapshots.objects(db, ns, rec.name())) + ")");
        }
        Optional<SnapshotObject> obj = snapshots.object(db, ns, rec.name(), ns.account(), logical, table);
        if (obj.isPresent() && obj.get().isTable()) {
            return new Source(obj.get().copySchema(), table, Sql.id(obj.get().copySchema(), table));
        }
        if (obj.isPresent() && obj.get().isView()) {
            return new Source(null, null, "(" + viewAsOf(db, ns, rec, obj.get(), 0) + ")");
        }
        boolean inScope = snapshots.object(db, ns, rec.name(), ns.account(), logical, "").isPresent()
                && !rec.level().equals("table");
        if (inScope) {
            throw MoException.noSuchTable(logical, table); // the table did not exist when the snapshot was taken
        }
        throw MoException.emulator("table " + logical + "." + table + " is outside the scope of snapshot " + rec.name()
                + "; time travel is only emulated for objects a snapshot or PITR covers");
    }
}
