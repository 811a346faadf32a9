package io.matrixone.emulator.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's statement engine: recognises MatrixOne-only statements and answers them with MatrixOne's
 * result shapes, error numbers and messages; rewrites time-travel hints; applies MatrixOne's transaction rules;
 * forwards everything else unchanged. Shared by all sessions and thread-safe: per-session state is keyed by
 * {@link Session#id()}, and statements that change the emulator's catalog run one at a time.
 */
public final class MoStatementEngine implements QueryHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MoStatementEngine.class);

    private final TargetVersion version;
    private final TxRules txRules;
    private final TxDdl txDdl;
    private final SnapshotStore snapshots;
    private final SnapshotHandler snapshotHandler;
    private final PitrHandler pitr;
    private final TimeTravel timeTravel;
    private final CloneHandler clone;
    private final RestoreHandler restore;
    private final MoCtlHandler moCtl;
    private final IdentityHandler identity;
    private final AccountHandler accounts;
    private final PublicationHandler publications;
    private final Namespaces namespaces = new Namespaces();
    private final MoVariables variables = new MoVariables();
    private final ShowHandler show;
    private final VectorDdl vectorDdl;
    private final VectorFunctions vectorFunctions;
    /** Serialises catalog changes (snapshots, restore, clone, PITR, accounts, publications) across sessions. */
    private final ReentrantLock catalogLock = new ReentrantLock();
    private final Map<Long, SessionState> sessions = new ConcurrentHashMap<>();

    /** What the engine remembers about one session. */
    private static final class SessionState {
        /** Whether the open transaction was started by BEGIN / START TRANSACTION (MatrixOne's OPTION_BEGIN). */
        volatile boolean byBegin;
        /** The first word of the last statement forwarded, to word MariaDB's errors for it. */
        volatile String lastVerb = "";
        /** DDL of the open transaction, undone on ROLLBACK. */
        final TxDdl.Log ddl = new TxDdl.Log();
        /** Values of MatrixOne-only system variables set in this session. */
        final MoVariables.Values vars = new MoVariables.Values();
        /** COM_STMT_PREPAREs seen on this session. */
        volatile long prepares;
    }

    /**
     * An engine that refuses DDL inside transactions (it has no second connection to keep it transactional).
     *
     * @param targetVersion the MatrixOne release to imitate, e.g. {@code 4.2.0}, {@code 3.0.18}, {@code 4.0.0-rc1}
     */
    public MoStatementEngine(String targetVersion) {
        this(targetVersion, null);
    }

    /**
     * @param targetVersion the MatrixOne release to imitate, e.g. {@code 4.2.0}, {@code 3.0.18}, {@code 4.0.0-rc1}
     * @param connections   opens administrator connections to the backend, used to keep DDL inside transactions
     *                      (see {@link TxDdl}); {@code null} refuses such DDL
     */
    public MoStatementEngine(String targetVersion, Supplier<Backend> connections) {
        this.version = TargetVersion.parse(targetVersion);
        Nanos clock = new Nanos();
        this.txDdl = new TxDdl(connections);
        this.txRules = new TxRules(version, txDdl.available());
        this.snapshots = new SnapshotStore(clock, version);
        this.publications = new PublicationHandler(namespaces);
        this.snapshotHandler = new SnapshotHandler(snapshots, namespaces, publications);
        this.pitr = new PitrHandler(clock, namespaces);
        this.timeTravel = new TimeTravel(snapshots, pitr, namespaces);
        this.clone = new CloneHandler(snapshots, timeTravel, version, namespaces);
        this.accounts = new AccountHandler(version, namespaces, snapshots);
        this.restore = new RestoreHandler(snapshots, pitr, version, namespaces, accounts, publications);
        this.identity = new IdentityHandler(version, namespaces);
        this.moCtl = new MoCtlHandler(namespaces);
        this.show = new ShowHandler(namespaces, timeTravel);
        this.vectorDdl = new VectorDdl(version);
        this.vectorFunctions = new VectorFunctions(version);
    }

    /** The version string MatrixOne announces: {@code 8.0.30-MatrixOne-v<targetVersion>}. */
    public String serverVersion() {
        return identity.serverVersion();
    }

    /** Creates the catalog tables the engine needs; idempotent, run once at emulator start. */
    public void install(Backend admin) {
        for (String sql : Catalog.installStatements(version)) {
            admin.execute(sql);
        }
        for (String sql : CatalogTables.views(Namespace.sys())) {
            admin.execute(sql);
        }
        for (String sql : VectorFunctions.installStatements()) {
            admin.execute(sql);
        }
        for (String sql : IvfIndexTables.installStatements()) {
            admin.execute(sql);
        }
        admin.execute(VectorDdl.columnsViewStatement());
        for (String sql : NgramFulltext.installStatements()) {
            admin.execute(sql);
        }
        LOG.info("MatrixOne statement engine installed (target version {})", version.text());
    }

    @Override
    public Reply onQuery(String sql, Session session) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(sql);
        } catch (SqlLexer.LexException e) {
            return new Reply.Forward(sql); // let MariaDB report it
        }
        List<Statement> statements = Statement.split(sql, tokens);
        if (statements.isEmpty()) {
            return new Reply.Forward(sql);
        }
        try {
            if (statements.size() > 1) {
                return multi(sql, tokens, statements, session);
            }
            return single(statements.get(0), tokens, session);
        } catch (MoException e) {
            LOG.debug("session {}: error {}", session.id(), e.code());
            return e.toReply();
        } catch (BackendException e) {
            LOG.debug("session {}: backend error {}", session.id(), e.errorCode());
            return onError(new Reply.Error(e.errorCode(), "HY000", e.getMessage()), session);
        }
    }

    @Override
    public Reply.Error onError(Reply.Error error, Session session) {
        Reply.Error fulltext = VectorFunctions.word(error);
        if (fulltext != null) {
            return fulltext;
        }
        SessionState state = sessions.get(session.id());
        return Errors.word(error, namespaces.of(new Db(session.backend()), session), state == null ? "" : state.lastVerb);
    }

    @Override
    public String onInitDb(String database, Session session) {
        return namespaces.of(new Db(session.backend()), session).physical(database);
    }

    @Override
    public Reply onPrepare(String sql, Session session) {
        SessionState state = sessions.computeIfAbsent(session.id(), id -> new SessionState());
        long statementNumber = ++state.prepares; // MatrixOne numbers every prepare of a connection, refused or not
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(sql);
        } catch (SqlLexer.LexException e) {
            return new Reply.Forward(sql);
        }
        List<Statement> statements = Statement.split(sql, tokens);
        try {
            if (statements.size() > 1) {
                throw MoException.notSupported("prepare multi statements");
            }
            if (statements.size() == 1) {
                Statement s = statements.get(0);
                StatementKind kind = Recogniser.classify(s);
                if (kind == StatementKind.IDENTITY_SELECT) {
                    // answer through MariaDB with a constant so the prepared path sees MatrixOne's values too
                    Reply.ResultSet rs = (Reply.ResultSet) identity.handle(s, session);
                    return new Reply.Forward("SELECT " + Sql.str(rs.rows().get(0).get(0)) + " AS " + Sql.id(rs.columns().get(0).name()));
                }
                Reply own = Preparable.check(s, kind, statementNumber);
                if (own != null) {
                    return own;
                }
                if (kind.isEmulated()) {
                    // what MatrixOne 4.2.0 prepares: result columns known now, the statement runs on each execute
                    List<Column> columns = Preparable.answersRows(kind) ? ((Reply.ResultSet) single(s, tokens, session)).columns()
                            : List.of();
                    return new Reply.Prepared(columns);
                }
            }
            return new Reply.Forward(physical(sql, tokens, session));
        } catch (MoException e) {
            return e.toReply();
        } catch (BackendException e) {
            return onError(new Reply.Error(e.errorCode(), "HY000", e.getMessage()), session);
        }
    }

    /**
     * Client SQL as MariaDB runs it: database names in the account's namespace, time-travel hints resolved,
     * MatrixOne-only system variables read as their values.
     */
    private String physical(String sql, List<Token> tokens, Session session) {
        Namespace ns = namespaces.of(new Db(session.backend()), session);
        Db db = new Db(session.backend());
        Text t = new Text(sql, tokens);
        t = t.then(TableFunctions.mayRewrite(t.sql), TableFunctions::rewrite);
        t = t.then(true, (s, k) -> NameRewriter.rewrite(s, k, ns));
        // after the names: these functions live in the emulator's schema
        boolean functions = VectorFunctions.mayRewrite(t.sql);
        t = t.then(functions, (s, k) -> NgramFulltext.rewrite(s, k, db));
        t = t.then(functions, vectorFunctions::rewrite);
        // an IVF index's hidden tables, computed from the emulator's
        t = t.then(IvfIndexTables.mayRewrite(t.sql), (s, k) -> IvfIndexTables.rewrite(s, k, db));
        t = t.then(VectorDdl.mayNameInformationSchema(t.sql), VectorDdl::informationSchemaColumns);
        t = t.then(true, (s, k) -> timeTravel.rewrite(s, k, session));
        SessionState state = sessions.computeIfAbsent(session.id(), id -> new SessionState());
        if (t.sql.indexOf("@@") < 0) {
            return t.sql; // the common case: nothing MatrixOne-only to read
        }
        return variables.substitute(t.sql, t.tokens(), state.vars);
    }

    /** One step of {@link #physical}: a statement's text to the same or a new text. */
    private interface Rewrite {
        String apply(String sql, List<Token> tokens);
    }

    /**
     * SQL text between the steps of {@link #physical}, with its tokens, read again only when a step changed the
     * text and a later step needs them. A step that changes nothing returns the same string instance.
     */
    private static final class Text {
        final String sql;
        private List<Token> tokens;

        Text(String sql, List<Token> tokens) {
            this.sql = sql;
            this.tokens = tokens;
        }

        List<Token> tokens() {
            if (tokens == null) {
                tokens = SqlLexer.tokenize(sql);
            }
            return tokens;
        }

        Text then(boolean applies, Rewrite step) {
            if (!applies) {
                return this;
            }
            String out = step.apply(sql, tokens());
            return out == sql ? this : new Text(out, null);
        }
    }

    @Override
    public void onClose(Session session) {
        SessionState state = sessions.remove(session.id());
        if (state != null && !state.ddl.isEmpty()) {
            txDdl.rolledBack(state.ddl); // MariaDB rolls back a transaction whose connection goes away
        }
    }

    private Reply multi(String sql, List<Token> tokens, List<Statement> statements, Session session) {
        for (Statement s : statements) {
            StatementKind kind = Recogniser.classify(s);
            if (kind.isEmulated() || kind == StatementKind.RESTORE) {
                throw MoException.emulator("multi-statement queries containing " + TxRules.describe(s, kind)
                        + " are not emulated; send MatrixOne-only statements one per query");
            }
        }
        SessionState state = sessions.computeIfAbsent(session.id(), id -> new SessionState());
        if (session.backend().inTransaction() && setCommitsFirst(statements, state)) {
            // a SET in the text commits the open transaction on MatrixOne <= 4.2.0 (finding F-09); committing
            // before the text runs has the same outcome unless a statement before the SET fails
            session.backend().execute("COMMIT");
            state.byBegin = false;
            if (!state.ddl.isEmpty()) {
                txDdl.committed(state.ddl);
            }
        }
        return new Reply.Forward(physical(sql, tokens, session));
    }

    /** Whether a SET of these statements would commit the transaction open before them (none ends it first). */
    private boolean setCommitsFirst(List<Statement> statements, SessionState state) {
        for (Statement s : statements) {
            StatementKind kind = Recogniser.classify(s);
            if (kind == StatementKind.BEGIN || kind == StatementKind.COMMIT || kind == StatementKind.ROLLBACK) {
                return false;
            }
            if (kind == StatementKind.SET && txRules.check(s, kind, true, state.byBegin) == TxRules.Decision.COMMIT_FIRST) {
                return true;
            }
        }
        return false;
    }

    private Reply single(Statement s, List<Token> tokens, Session session) {
        StatementKind kind = Recogniser.classify(s);
        SessionState state = sessions.computeIfAbsent(session.id(), id -> new SessionState());
        boolean inTx = kind != StatementKind.OTHER && kind != StatementKind.IDENTITY_SELECT && session.backend().inTransaction();
        if (!inTx && kind != StatementKind.OTHER) {
            state.byBegin = false;
        }
        if (!state.ddl.isEmpty() && !session.backend().inTransaction()) {
            txDdl.committed(state.ddl); // the transaction ended without a COMMIT or ROLLBACK we saw
        }
        TxRules.Decision decision = txRules.check(s, kind, inTx, state.byBegin);
        LOG.debug("session {}: {} (in transaction: {})", session.id(), kind, inTx);
        switch (kind) {
            case CREATE_SNAPSHOT:
                return locked(() -> snapshotHandler.create(s, session));
            case DROP_SNAPSHOT:
                return locked(() -> snapshotHandler.drop(s, session));
            case SHOW_SNAPSHOTS:
                return snapshotHandler.show(s, session);
            case RESTORE:
                return locked(() -> restore.restore(s, session));
            case CREATE_PITR:
                return locked(() -> pitr.create(s, session));
            case ALTER_PITR:
                return locked(() -> pitr.alter(s, session));
            case DROP_PITR:
                return locked(() -> pitr.drop(s, session));
            case SHOW_PITR:
                return pitr.show(s, session);
            case CLONE_DATABASE:
                return locked(() -> clone.cloneDatabase(s, transactional(decision, session, state)));
            case CLONE_TABLE:
                return locked(() -> clone.cloneTable(s, transactional(decision, session, state)));
            case CREATE_PUBLICATION:
                return locked(() -> publications.create(s, session));
            case ALTER_PUBLICATION:
                return locked(() -> publications.alter(s, session));
            case DROP_PUBLICATION:
                return locked(() -> publications.drop(s, session));
            case SHOW_PUBLICATIONS:
                return publications.show(s, session);
            case SHOW_SUBSCRIPTIONS:
                return publications.showSubscriptions(s, session);
            case SUBSCRIBE:
                return locked(() -> publications.subscribe(s, transactional(decision, session, state)));
            case CREATE_ACCOUNT:
                return locked(() -> accounts.create(s, session));
            case ALTER_ACCOUNT:
                return locked(() -> accounts.alter(s, session));
            case DROP_ACCOUNT:
                return locked(() -> accounts.drop(s, session));
            case SHOW_ACCOUNTS:
                return accounts.show(s, session);
            case SHOW_DATABASES:
                return show.databases(s, session, uncommittedOfOthers(session));
            case SHOW_TABLES:
            case SHOW_CREATE:
                if (kind == StatementKind.SHOW_CREATE && s.matchesAt(2, "TABLE") && TimeTravel.hasHint(s.tokens())) {
                    return VectorDdl.showCreate(show.createAsOf(s, session));
                }
                if (kind == StatementKind.SHOW_CREATE || !Privileges.isSys(session)) {
                    state.lastVerb = "SHOW";
                    String sql = physical(s.text(), SqlLexer.tokenize(s.text()), session);
                    return VectorDdl.showCreate(show.unmapped(sql, session));
                }
                break;
            case MO_CTL:
                return moCtl.handle(s, session);
            case IDENTITY_SELECT:
                return identity.handle(s, session);
            case SAVEPOINT:
            case RELEASE_SAVEPOINT:
                return Reply.Ok.EMPTY; // accepted as no-ops (mo_sql.md §10.8)
            case SHOW_CREATE_PUBLICATION:
                return publications.showCreate(s, session);
            case SHOW_RECOVERY_WINDOW:
            case DATA_BRANCH:
                throw MoException.emulator(TxRules.describe(s, kind) + " is not emulated");
            case BEGIN:
                if (!state.ddl.isEmpty()) {
                    session.backend().execute("COMMIT"); // what MariaDB's BEGIN does to an open transaction
                    txDdl.committed(state.ddl);
                }
                state.byBegin = true;
                break;
            case COMMIT:
            case ROLLBACK:
                state.byBegin = false;
                if (!state.ddl.isEmpty()) {
                    return endTransaction(kind == StatementKind.COMMIT, session, state);
                }
                break;
            default:
                break;
        }
        if (decision == TxRules.Decision.COMMIT_FIRST) {
            // releases up to v4.2.0 commit the open transaction on any SET (issue #26872)
            session.backend().execute("COMMIT");
            state.byBegin = false;
            if (!state.ddl.isEmpty()) {
                txDdl.committed(state.ddl);
            }
        }
        if (kind == StatementKind.DDL && VectorDdl.applies(s)) {
            return vectorDdl(s, session, state, decision == TxRules.Decision.IN_TRANSACTION);
        }
        if (VectorDdl.isDescribe(s)) {
            state.lastVerb = "DESC";
            return VectorDdl.describe(physical(s.text(), SqlLexer.tokenize(s.text()), session), session);
        }
        if (VectorDdl.isShowIndex(s)) {
            state.lastVerb = "SHOW";
            return VectorDdl.showIndex(session.backend().execute(physical(s.text(), SqlLexer.tokenize(s.text()), session)));
        }
        if (NgramFulltext.isShowColumns(s)) {
            state.lastVerb = "SHOW";
            return NgramFulltext.showColumns(physical(s.text(), SqlLexer.tokenize(s.text()), session), session);
        }
        if (decision == TxRules.Decision.IN_TRANSACTION && kind == StatementKind.DDL) {
            if (s.startsWith("DROP") && (s.matchesAt(1, "DATABASE") || s.matchesAt(1, "SCHEMA"))) {
                locked(() -> beforeDropDatabase(s, session));
            }
            String sql = physical(s.text(), SqlLexer.tokenize(s.text()), session);
            List<Token> mapped = SqlLexer.tokenize(sql);
            state.lastVerb = s.first().upper();
            VectorDdl.beforeDropInTransaction(new Statement(sql, mapped), new Db(session.backend()),
                    one -> txDdl.run(new Statement(one, SqlLexer.tokenize(one)), session, state.ddl, state.byBegin));
            txDdl.run(new Statement(sql, mapped), session, state.ddl, state.byBegin);
            Db db = new Db(session.backend());
            String[] ngram = NgramFulltext.maySyncAfter(s) ? NgramFulltext.syncAfter(new Statement(sql, mapped), db) : null;
            if (ngram != null) {
                locked(() -> {
                    NgramFulltext.sync(db, ngram[0], ngram[1],
                            one -> txDdl.run(new Statement(one, SqlLexer.tokenize(one)), session, state.ddl, state.byBegin));
                    return Reply.Ok.EMPTY;
                });
            }
            return Reply.Ok.EMPTY;
        }
        if (kind == StatementKind.DDL && NgramFulltext.maySyncAfter(s)) {
            // an ngram index's shadow follows its table's DDL (NgramFulltext); other DDL is MariaDB's alone
            String sql = physical(s.text(), SqlLexer.tokenize(s.text()), session);
            Db db = new Db(session.backend());
            String[] ngram = NgramFulltext.syncAfter(new Statement(sql, SqlLexer.tokenize(sql)), db);
            if (ngram != null) {
                state.lastVerb = s.first().upper();
                return locked(() -> {
                    db.exec(sql);
                    NgramFulltext.sync(db, ngram[0], ngram[1], db::exec);
                    return Reply.Ok.EMPTY;
                });
            }
        }
        if (kind == StatementKind.DDL && s.startsWith("DROP") && (s.matchesAt(1, "DATABASE") || s.matchesAt(1, "SCHEMA"))) {
            locked(() -> beforeDropDatabase(s, session));
        }
        if (s.startsWith("USE") && s.size() == 2 && s.get(1).isIdentifier()) {
            String physical = namespaces.of(new Db(session.backend()), session).physical(s.get(1).value());
            if (uncommittedOfOthers(session).contains(physical)) {
                return MoException.unknownDatabase(s.get(1).value()).toReply(); // not committed yet (mo_sql.md §10.7)
            }
        }
        if (kind == StatementKind.SET) {
            Reply r = variables.set(s, state.vars);
            if (r instanceof Reply.Forward f) {
                return new Reply.Forward(physical(f.sql(), SqlLexer.tokenize(f.sql()), session));
            }
            if (r != null) {
                return r;
            }
        }
        if (kind == StatementKind.OTHER && s.size() == 2 && s.startsWith("SELECT") && s.get(1).kind() == Token.Kind.VARIABLE) {
            String value = variables.read(s.get(1).value(), state.vars);
            if (value != null) {
                // SELECT @@name of a MatrixOne-only variable: MariaDB computes the value, the label stays as written
                BackendResult r = session.backend().execute("SELECT " + value);
                return new Reply.ResultSet(List.of(Column.varchar(s.get(1).value())),
                        List.of(java.util.Collections.singletonList(r.scalar())));
            }
        }
        state.lastVerb = s.first().kind() == Token.Kind.WORD ? s.first().upper() : "";
        String sql = physical(s.sql(), tokens, session);
        if (s.startsWith("INSERT")) {
            sql = AutoIncrement.rewrite(sql, sql == s.sql() ? tokens : SqlLexer.tokenize(sql), new Db(session.backend()));
        }
        return new Reply.Forward(sql);
    }

    /** Vector columns, vector and full-text indexes: MatrixOne's syntax and checks on MariaDB ({@link VectorDdl}). */
    private Reply vectorDdl(Statement s, Session session, SessionState state, boolean inTransaction) {
        String sql = physical(s.text(), SqlLexer.tokenize(s.text()), session);
        Statement mapped = new Statement(sql, SqlLexer.tokenize(sql));
        state.lastVerb = s.first().upper();
        java.util.function.Consumer<String> ddl = inTransaction
                ? one -> txDdl.run(new Statement(one, SqlLexer.tokenize(one)), session, state.ddl, state.byBegin)
                : one -> session.backend().execute(one);
        return locked(() -> {
            Reply reply = vectorDdl.handle(mapped, session, ddl, name -> variables.read("@@" + name, state.vars));
            Db db = new Db(session.backend());
            String[] table = NgramFulltext.tableOf(mapped, db.currentDatabase());
            if (table != null) {
                NgramFulltext.sync(db, table[0], table[1], ddl);
            }
            return reply;
        });
    }

    /** MariaDB schemas other sessions created in transactions they have not committed yet. */
    private java.util.Set<String> uncommittedOfOthers(Session session) {
        java.util.Set<String> out = new java.util.HashSet<>();
        sessions.forEach((id, st) -> {
            if (id != session.id()) {
                out.addAll(st.ddl.createdDatabases());
            }
        });
        return out;
    }

    /** The session a handler works on: inside a transaction its DDL goes through {@link TxDdl}. */
    private Session transactional(TxRules.Decision decision, Session session, SessionState state) {
        return decision == TxRules.Decision.IN_TRANSACTION ? txDdl.route(session, state.ddl) : session;
    }

    /** COMMIT or ROLLBACK of a transaction that ran DDL: the backend first, then the DDL is kept or undone. */
    private Reply endTransaction(boolean commit, Session session, SessionState state) {
        try {
            session.backend().execute(commit ? "COMMIT" : "ROLLBACK");
        } catch (BackendException e) {
            txDdl.rolledBack(state.ddl); // a failed COMMIT leaves nothing committed
            throw e;
        }
        if (commit) {
            txDdl.committed(state.ddl);
        } else {
            txDdl.rolledBack(state.ddl);
        }
        return Reply.Ok.EMPTY;
    }

    /** build_ddl.go: a publishing database cannot be dropped; dropping a subscription ends it (pub_sub.go). */
    private Reply beforeDropDatabase(Statement s, Session session) {
        TokenCursor c = s.cursor();
        c.next();
        c.next();
        c.accept("IF", "EXISTS");
        String name = c.identifier();
        Db db = new Db(session.backend());
        Namespace ns = namespaces.of(db, session);
        if (!db.scalar("SELECT COUNT(*) FROM mo_catalog.mo_pubs WHERE account_name = " + Sql.str(ns.account())
                + " AND database_name = " + Sql.str(name)).equals("0")) {
            throw MoException.internal("can not drop database '" + name + "' which is publishing");
        }
        if (publications.subscriptionOf(db, ns, name) != null) {
            publications.dropSubscription(db, ns, name);
        }
        return Reply.Ok.EMPTY;
    }

    private Reply locked(Supplier<Reply> body) {
        catalogLock.lock();
        try {
            return body.get();
        } finally {
            catalogLock.unlock();
        }
    }
}
