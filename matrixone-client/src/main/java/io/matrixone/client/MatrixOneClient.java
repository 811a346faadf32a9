package io.matrixone.client;

import io.matrixone.client.internal.BulkLoader;
import io.matrixone.client.internal.ConnectionPool;
import io.matrixone.client.internal.RowCursor;
import io.matrixone.client.internal.SqlErrors;
import io.matrixone.client.internal.SqlRunner;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkResult;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.QueryInterruptedException;
import io.matrixone.core.manager.ManagerSupport;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.retry.RetryPolicy;
import io.matrixone.core.internal.tx.TransactionRules;
import io.matrixone.core.version.ServerVersion;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synchronous MatrixOne client: a pool of Connector/J connections (HikariCP) configured for MatrixOne, raw
 * SQL with bound parameters, streaming, MatrixOne operations and unified transactions. Thread-safe; create one
 * per application and {@link #close()} it at the end.
 *
 * <pre>{@code
 * try (MatrixOneClient client = MatrixOneClient.create("matrixone://root:111@127.0.0.1:6001/app")) {
 *     client.execute("INSERT INTO users(name) VALUES (?)", "ann");
 *     long n = client.transaction(tx -> {
 *         tx.execute("UPDATE users SET active = ? WHERE name = ?", true, "ann");
 *         tx.afterCommit("CREATE SNAPSHOT nightly FOR DATABASE app");   // runs right after COMMIT
 *         return tx.query("SELECT COUNT(*) FROM users").scalarLong();
 *     });
 * }
 * }</pre>
 *
 * <p>Statements outside a transaction run in autocommit mode, each on whatever pooled connection is free. For
 * that reason session state cannot be changed with raw SQL here: {@code SET ...} is refused (it would apply to
 * one random pooled connection); session variables for every connection go into the options
 * ({@code ClientOptions.Builder.sessionVariable(name, value)}). BEGIN/COMMIT/ROLLBACK are refused too: use
 * {@link #transaction(TransactionBody)} or {@link #begin()}. Both refusals are a
 * {@link io.matrixone.core.error.StatementNotAllowedException}; nothing is sent.
 *
 * <p>Called on a thread that is inside a transaction of this client ({@code transaction(..)} or {@code begin()}),
 * the statement methods, {@link #run} and the managers join that transaction, as Spring's {@code JdbcTemplate}
 * does: they see its uncommitted writes and are undone by its rollback. An operation MatrixOne refuses inside a
 * transaction (a snapshot, a restore ...) is then refused: use the transaction's managers, which queue it to run
 * right after COMMIT.
 *
 * <p>The server version is detected once, when the client is created ({@code SELECT version()}), unless
 * {@link io.matrixone.core.config.ConnectionOptions#serverVersion()} pins it; creating the client opens the first connection, so a wrong
 * address, password or TLS setting fails at once.
 */
public final class MatrixOneClient extends ManagerSupport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MatrixOneClient.class);
    private static final String VERSION_SQL = "SELECT version()";

    private final ClientOptions options;
    private final ConnectionPool pool;
    private final SqlRunner runner;
    private final BulkLoader bulkLoader;
    private final ServerVersion serverVersion;
    private final Dialect dialect;
    /** The transaction the current thread is in, per client: nested begin()/transaction() join it. */
    private final ThreadLocal<RootTransaction> current = new ThreadLocal<>();
    private final ClientDataSource dataSource = new ClientDataSource(this, this::activeOnThisThread);

    private MatrixOneClient(ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.runner = new SqlRunner(options);
        String poolName = "matrixone-" + options.connection().host() + ":" + options.connection().port() + "-"
                + Integer.toHexString(System.identityHashCode(this));
        this.pool = ConnectionPool.start(options, poolName);
        try {
            this.serverVersion = options.connection().serverVersion() != null ? options.connection().serverVersion() : detectVersion();
            this.dialect = Dialect.of(serverVersion, options.connection().login().effectiveAccount());
            this.bulkLoader = new BulkLoader(runner, serverVersion);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        log.info("MatrixOne client {} connected to {} ({}:{})", poolName, serverVersion, options.connection().host(), options.connection().port());
    }

    /** A client for these options; connects once to check them and detect the server version. */
    public static MatrixOneClient create(ClientOptions options) {
        return new MatrixOneClient(options);
    }

    /**
     * A client for a URL such as {@code matrixone://user:password@host:6001/db?connectTimeout=5s}; see
     * {@link ClientOptions.Builder#url(String)}.
     */
    public static MatrixOneClient create(String url) {
        return new MatrixOneClient(ClientOptions.fromUrl(url));
    }

    /** A client for the defaults changed by {@code customizer}: {@code create(o -> o.host("db").database("app"))}. */
    public static MatrixOneClient create(Consumer<ClientOptions.Builder> customizer) {
        return new MatrixOneClient(ClientOptions.of(customizer));
    }

    /** A client configured by the {@code MATRIXONE_*} environment variables. */
    public static MatrixOneClient fromEnv() {
        return new MatrixOneClient(ClientOptions.fromEnv());
    }

    private ServerVersion detectVersion() {
        return withConnection(c -> {
            String reported = runner.query(c, VERSION_SQL, null).scalar(String.class);
            ServerVersion v = parseOrNull(reported);
            if (v == null || !v.isMatrixOne()) {
                // a proxy may answer version() itself; the handshake names the server too
                ServerVersion handshake = parseOrNull(handshakeVersion(c));
                if (handshake != null && handshake.isMatrixOne()) {
                    v = handshake;
                }
            }
            if (v == null) {
                throw new MatrixOneException("cannot read the server version from '" + reported + "'; pin it with "
                        + "ClientOptions.Builder.serverVersion(...)");
            }
            return v;
        });
    }

    private static String handshakeVersion(Connection c) {
        try {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new MatrixOneException("cannot read the server version", e);
        }
    }

    private static ServerVersion parseOrNull(String text) {
        try {
            return text == null ? null : ServerVersion.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // =====================================================================================================
    // Statements (autocommit)
    // =====================================================================================================

    /**
     * Runs a query on a pooled connection and returns all its rows, detached from the connection. Parameters are
     * always bound ({@code null} binds SQL NULL). For large results use {@link #stream} or {@link #streamRows}.
     *
     * @throws io.matrixone.core.error.StatementNotAllowedException for SET or transaction control (nothing is sent)
     */
    public Result query(String sql, Object... params) {
        RootTransaction tx = activeOnThisThread();
        if (tx != null) {
            return tx.query(sql, params);
        }
        refuseOnClient(sql);
        return withConnection(c -> runner.query(c, sql, params));
    }

    /**
     * Runs an INSERT, UPDATE, DELETE or DDL statement in autocommit mode: the affected rows and the keys the server
     * generated ({@link Result#generatedKey()}).
     *
     * @throws io.matrixone.core.error.StatementNotAllowedException for SET or transaction control (nothing is sent)
     */
    public Result execute(String sql, Object... params) {
        RootTransaction tx = activeOnThisThread();
        if (tx != null) {
            return tx.execute(sql, params);
        }
        refuseOnClient(sql);
        return withConnection(c -> runner.update(c, sql, params));
    }

    /**
     * Runs one statement for many rows of parameters as one JDBC batch (a multi-row INSERT where possible): all rows
     * or none. An INSERT whose rows fit in one statement is sent as that one statement, atomic on its own; any other
     * batch runs in a transaction of its own. Inside a transaction of this client on the same thread, it joins it.
     *
     * @return the update count per row as the driver reports it (rewritten batches may report
     *         {@link java.sql.Statement#SUCCESS_NO_INFO})
     */
    public long[] executeBatch(String sql, List<? extends List<?>> rows) {
        Objects.requireNonNull(rows, "rows must not be null");
        if (activeOnThisThread() == null) {
            refuseOnClient(sql);
        }
        if (rows.isEmpty()) {
            return new long[0];
        }
        if (activeOnThisThread() == null) {
            // one multi-row INSERT needs no BEGIN/COMMIT: two round trips fewer, and less work for MatrixOne. The
            // retry policy applies as to the transaction it replaces: a retryable error means nothing was committed.
            RetryPolicy policy = options.retryPolicy();
            for (int attempt = 1; ; attempt++) {
                try {
                    long[] counts = withConnection(c -> runner.batchIsOneStatement(c, sql, rows) ? runner.batch(c, sql, rows) : null);
                    if (counts == null) {
                        break; // more than one statement: all-or-nothing needs the transaction
                    }
                    return counts;
                } catch (MatrixOneException e) {
                    if (!policy.shouldRetry(e, attempt)) {
                        throw e;
                    }
                    backoff(policy, attempt, e);
                }
            }
        }
        return transaction(tx -> tx.executeBatch(sql, rows));
    }

    /**
     * Inserts many rows fast, in one transaction (all rows or none; never retried, as the rows are read once).
     * Inside a transaction of this client on the same thread, it joins it. By default ({@code BulkMethod.AUTO}) the
     * rows go as {@code LOAD DATA LOCAL INFILE} fed from the SDK's own in-memory stream, the server's fastest path:
     * on MatrixOne, whose LOAD DATA does not check keys, into a temporary table first and from there by one
     * {@code INSERT ... SELECT} that does (up to 1,000 rows go as one multi-row INSERT); elsewhere straight into the
     * table. Multi-row INSERTs if the server refuses local loading; the driver never sends any file (see
     * {@link BulkInsert} and {@link io.matrixone.core.bulk.BulkMethod}).
     * <pre>{@code
     * BulkResult r = client.bulkInsert(BulkInsert.into("shop", "users").columns("id", "name", "email")
     *         .rows(rows).onProgress(p -> log.info("{} rows, {}/s", p.rows(), (long) p.rowsPerSecond())));
     * }</pre>
     */
    public BulkResult bulkInsert(BulkInsert insert) {
        Objects.requireNonNull(insert, "insert must not be null").validate();
        return transaction(RetryPolicy.NONE, tx -> tx.bulkInsert(insert));
    }

    /**
     * Streams a query's rows to {@code consumer} one at a time, in constant memory. MatrixOne has no cursor fetch
     * (COM_STMT_FETCH); rows are read off the socket as the consumer takes them, so a slow consumer holds the
     * connection (and the server's result) open. If the consumer throws, the connection is discarded rather than
     * made to read the remaining rows.
     *
     * <p>Each {@link Row} is a view of the driver's current row, valid until the consumer returns: nothing is copied
     * for a row that is read and let go. To keep a row, keep {@code row.detach()}; reading a kept view later
     * throws {@link IllegalStateException}. ({@link #streamRows} hands out detached rows.)
     *
     * @return the number of rows consumed
     */
    public long stream(String sql, List<?> params, Consumer<Row> consumer) {
        RootTransaction tx = activeOnThisThread();
        if (tx != null) {
            return tx.stream(sql, params, consumer);
        }
        refuseOnClient(sql);
        Objects.requireNonNull(consumer, "consumer must not be null");
        Connection c = pool.acquire();
        RowCursor cursor;
        try {
            cursor = runner.open(c, sql, params == null ? List.of() : params);
        } catch (RuntimeException e) {
            releaseAfterFailedOpen(c, e);
            throw e;
        }
        try {
            for (Row row = cursor.nextView(); row != null; row = cursor.nextView()) {
                consumer.accept(row);
            }
            return cursor.count();
        } finally {
            finishStream(c, cursor);
        }
    }

    /**
     * A lazily read stream of a query's rows, in constant memory. It holds a pooled connection until it is
     * closed, so use it in try-with-resources:
     * <pre>{@code
     * try (Stream<Row> rows = client.streamRows("SELECT * FROM events WHERE day = ?", day)) {
     *     rows.map(r -> r.getString("payload")).forEach(out::println);
     * }
     * }</pre>
     * Closing it before the last row discards the connection instead of reading the rest (Connector/J would
     * otherwise read every remaining row); the pool opens a new one.
     */
    public Stream<Row> streamRows(String sql, Object... params) {
        RootTransaction tx = activeOnThisThread();
        if (tx != null) {
            return tx.streamRows(sql, params);
        }
        refuseOnClient(sql);
        Connection c = pool.acquire();
        RowCursor cursor;
        try {
            cursor = runner.open(c, sql, params == null ? List.of() : Arrays.asList(params));
        } catch (RuntimeException e) {
            releaseAfterFailedOpen(c, e);
            throw e;
        }
        return cursor.stream(() -> finishStream(c, cursor));
    }

    /**
     * Returns the connection of a streaming query that failed to start. After a server's error answered before any
     * row it is fine; after a timeout, a lost connection or a client-side failure Connector/J may still count a
     * result as streaming, so the connection is given up rather than handed to the next caller.
     */
    private void releaseAfterFailedOpen(Connection c, RuntimeException e) {
        boolean serverError = e instanceof MatrixOneException m && m.errorCode() != 0
                && !(e instanceof QueryInterruptedException) && !(e instanceof ConnectionLostException);
        if (serverError) {
            pool.release(c, false);
        } else {
            pool.abortAndRelease(c);
        }
    }

    /** Returns a streaming connection: cheaply if every row was read, by discarding it if rows are left. */
    private void finishStream(Connection c, RowCursor cursor) {
        if (cursor.exhausted()) {
            if (cursor.closeQuietly()) {
                pool.release(c, false);
            } else {
                pool.abortAndRelease(c); // the result did not close: the connection cannot serve anyone else
            }
        } else {
            pool.abortAndRelease(c);
            cursor.closeQuietly();
        }
    }

    /**
     * Runs a MatrixOne operation (what the managers build: snapshots, clones, restore ...) in autocommit mode; all
     * its statements run on one pooled connection. On a thread inside a transaction of this client it joins the
     * transaction ({@link Transaction#run}); there use {@link Transaction#submit(Operation)} for what MatrixOne
     * refuses inside a transaction.
     */
    public <T> T run(Operation<T> operation) {
        Objects.requireNonNull(operation, "operation must not be null");
        RootTransaction tx = activeOnThisThread();
        if (tx != null) {
            return tx.run(operation);
        }
        return withConnection(c -> operation.execute(statement -> runner.run(c, statement)));
    }

    /** The one way a statement borrows a pooled connection and gives it back, on every path. */
    private <T> T withConnection(Function<Connection, T> work) {
        Connection c = pool.acquire();
        try {
            return work.apply(c);
        } finally {
            pool.release(c, false);
        }
    }

    /** Refuses raw SQL that would change one random pooled connection's session, or read a client file. */
    private static void refuseOnClient(String sql) {
        Objects.requireNonNull(sql, "sql must not be null");
        MatrixOneException refusal = TransactionRules.refusal(sql, TransactionRules.Place.CLIENT);
        if (refusal != null) {
            throw refusal;
        }
    }

    // =====================================================================================================
    // Transactions
    // =====================================================================================================

    /**
     * Runs {@code body} in one transaction with the client's retry policy ({@link ClientOptions#retryPolicy()}):
     * a normal return commits, any throwable rolls back. When the body or the COMMIT fails with an error
     * MatrixOne says to retry (write-write conflict 20619, "txn need retry" 20628/20631, deadlock and lock errors;
     * never 20638 "commit status unknown"), the whole body runs again on a new transaction after a backoff, as long
     * as COMMIT has not succeeded. After-commit steps of a failed attempt never run.
     *
     * <p>Inside another transaction of this client on the same thread, the body joins it instead (no savepoints:
     * MatrixOne cannot roll back to one); its failure then makes the outer transaction roll back.
     *
     * @return what the body returned
     * @throws TransactionBodyException wrapping a checked exception of the body; runtime exceptions and errors
     *                                  propagate unchanged
     */
    public <T> T transaction(TransactionBody<T> body) {
        return transaction(options.retryPolicy(), body);
    }

    /** {@link #transaction(TransactionBody)} with an explicit retry policy ({@link RetryPolicy#NONE}: no retry). */
    public <T> T transaction(RetryPolicy retryPolicy, TransactionBody<T> body) {
        Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
        Objects.requireNonNull(body, "body must not be null");
        RootTransaction outer = activeOnThisThread();
        if (outer != null) {
            JoinedTransaction joined = outer.join();
            try {
                T value = body.run(joined);
                joined.bodyEnded(null);
                return value;
            } catch (Throwable t) {
                joined.bodyEnded(t);
                throw propagate(translated(t));
            }
        }
        for (int attempt = 1; ; attempt++) {
            RootTransaction tx = start();
            try {
                T value = body.run(tx);
                if (tx.isActive()) {
                    tx.commit();
                }
                return value;
            } catch (Throwable t) {
                Throwable failure = translated(t);
                tx.rollbackAfter(failure);
                if (tx.commitSucceeded() || !retryPolicy.shouldRetry(failure, attempt)) {
                    throw propagate(failure);
                }
                backoff(retryPolicy, attempt, failure);
            }
        }
    }

    /**
     * A body's failure as the caller sees it: a driver error thrown through other code on the transaction's
     * connection (an ORM session's {@code ConstraintViolationException}) becomes the SDK's exception, with the
     * original as its cause; anything else is unchanged.
     */
    private static Throwable translated(Throwable t) {
        MatrixOneException sdk = SqlErrors.translateCaused(t);
        return sdk != null ? sdk : t;
    }

    /** {@link #transaction(TransactionBody)} for a body without a value. */
    public void inTransaction(TransactionWork work) {
        Objects.requireNonNull(work, "work must not be null");
        transaction(tx -> {
            work.run(tx);
            return null;
        });
    }

    /** {@link #inTransaction(TransactionWork)} with an explicit retry policy. */
    public void inTransaction(RetryPolicy retryPolicy, TransactionWork work) {
        Objects.requireNonNull(work, "work must not be null");
        transaction(retryPolicy, tx -> {
            work.run(tx);
            return null;
        });
    }

    /**
     * Begins a transaction for try-with-resources; {@link Transaction#close()} rolls back unless
     * {@link Transaction#commit()} was called. No retry. Inside another transaction of this client on the same
     * thread it returns a handle joined to that one.
     */
    public Transaction begin() {
        RootTransaction outer = activeOnThisThread();
        if (outer != null) {
            return outer.join();
        }
        return start();
    }

    /**
     * Detaches the transaction this thread is in from the thread, for a framework that suspends transactions
     * (Spring's {@code REQUIRES_NEW} and {@code NOT_SUPPORTED}): until {@link #resumeTransaction} the thread is
     * outside it, so statements run in autocommit mode or in a new transaction. The transaction stays open.
     *
     * @return the detached transaction, or {@code null} if the thread is in none
     */
    public Transaction suspendTransaction() {
        RootTransaction tx = activeOnThisThread();
        if (tx != null) {
            current.remove();
        }
        return tx;
    }

    /**
     * Attaches a transaction detached by {@link #suspendTransaction()} to this thread again.
     *
     * @throws IllegalStateException    if the thread is inside another transaction of this client
     * @throws IllegalArgumentException if {@code suspended} did not come from this client's
     *                                  {@link #suspendTransaction()}
     */
    public void resumeTransaction(Transaction suspended) {
        if (suspended == null) {
            return;
        }
        if (!(suspended instanceof RootTransaction root) || !root.belongsTo(this)) {
            throw new IllegalArgumentException("not a transaction suspended from this client: " + suspended);
        }
        if (activeOnThisThread() != null) {
            throw new IllegalStateException("this thread is inside another transaction of the client; end it first");
        }
        current.set(root);
    }

    private RootTransaction start() {
        RootTransaction tx = RootTransaction.begin(this);
        current.set(tx);
        return tx;
    }

    private RootTransaction activeOnThisThread() {
        RootTransaction tx = current.get();
        if (tx != null && !tx.isActive()) {
            current.remove(); // ended on another thread
            return null;
        }
        return tx;
    }

    /** Called by a transaction when it ended. */
    void ended(RootTransaction tx) {
        if (current.get() == tx) {
            current.remove();
        }
    }

    private static void backoff(RetryPolicy policy, int attempt, Throwable cause) {
        Duration wait = policy.backoff(attempt);
        if (log.isDebugEnabled()) {
            log.debug("Transaction attempt {} failed ({}); retrying in {} ms", attempt, cause.getMessage(), wait.toMillis());
        }
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw propagate(cause);
        }
    }

    /** Runtime exceptions and errors unchanged; checked exceptions wrapped once. */
    private static RuntimeException propagate(Throwable t) {
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new TransactionBodyException(t);
    }

    // =====================================================================================================
    // Client
    // =====================================================================================================

    /** The server version, detected once when the client was created or pinned in the options. */
    public ServerVersion serverVersion() {
        return serverVersion;
    }

    /** MatrixOne's SQL for this client's server version: what the managers build their operations with. */
    public Dialect dialect() {
        return dialect;
    }

    public ClientOptions options() {
        return options;
    }

    // Managers: MatrixOne's own features (snapshots(), clones(), restores(), pitrs(), publications(), accounts(),
    // moCtl(), version()) come from ManagerSupport, generated from the dialect; each runs through these two hooks.

    @Override
    protected <T> T runManaged(Operation<T> operation) {
        return run(operation);
    }

    @Override
    protected Dialect managedDialect() {
        return dialect;
    }

    /**
     * The client's pool as a JDBC {@link javax.sql.DataSource}, for frameworks (JdbcTemplate, JPA, Flyway): on a
     * thread inside a transaction of this client it hands out that transaction's connection, whose
     * {@code commit}, {@code rollback}, {@code setAutoCommit} and savepoints are refused and whose {@code close()}
     * does nothing; otherwise a pooled connection in autocommit mode, returned by {@code close()}. Framework
     * statements sent on it are not checked by the SDK's transaction rules and not reported to listeners.
     */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** The pool's current numbers: active connections must return to 0 when nothing runs (no leak). */
    public PoolStats poolStats() {
        return new PoolStats(pool.active(), pool.idle(), pool.total(), pool.waiting());
    }

    /** Closes the pool; connections still borrowed are aborted. Idempotent. */
    @Override
    public void close() {
        pool.close();
    }

    ConnectionPool pool() {
        return pool;
    }

    SqlRunner runner() {
        return runner;
    }

    BulkLoader bulkLoader() {
        return bulkLoader;
    }

    @Override
    public String toString() {
        return "MatrixOneClient[" + pool.name() + ", " + serverVersion + (pool.isClosed() ? ", closed" : "") + "]";
    }
}
