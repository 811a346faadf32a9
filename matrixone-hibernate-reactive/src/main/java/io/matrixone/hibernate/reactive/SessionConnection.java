package io.matrixone.hibernate.reactive;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.spi.DatabaseMetadata;

import java.util.Objects;

/**
 * The connection a bound Hibernate Reactive session sees: the transaction's borrowed connection view, with a
 * {@code begin()} that fails with a message about Hibernate Reactive. Hibernate Reactive's
 * {@code withTransaction(..)} begins through here first, so it fails before running any work, and the user reads
 * why. Everything else, {@code close()} (a no-op on the borrowed view) and {@code transaction()} ({@code null} there,
 * so closing the session rolls nothing back) included, goes to the borrowed view.
 */
final class SessionConnection implements SqlConnection {
    private final SqlConnection borrowed;

    SessionConnection(SqlConnection borrowed) {
        this.borrowed = Objects.requireNonNull(borrowed, "borrowed connection");
    }

    @Override
    public Future<Transaction> begin() {
        return Future.failedFuture(Ownership.beginRefused());
    }

    @Override
    public void begin(Handler<AsyncResult<Transaction>> handler) {
        handler.handle(begin());
    }

    @Override
    public Transaction transaction() {
        return borrowed.transaction();
    }

    @Override
    public Future<Void> close() {
        return borrowed.close();
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
        borrowed.close(handler);
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        return borrowed.query(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return borrowed.preparedQuery(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return borrowed.preparedQuery(sql, options);
    }

    @Override
    public Future<PreparedStatement> prepare(String sql) {
        return borrowed.prepare(sql);
    }

    @Override
    public SqlConnection prepare(String sql, Handler<AsyncResult<PreparedStatement>> handler) {
        borrowed.prepare(sql, handler);
        return this;
    }

    @Override
    public Future<PreparedStatement> prepare(String sql, PrepareOptions options) {
        return borrowed.prepare(sql, options);
    }

    @Override
    public SqlConnection prepare(String sql, PrepareOptions options, Handler<AsyncResult<PreparedStatement>> handler) {
        borrowed.prepare(sql, options, handler);
        return this;
    }

    /** Ignored: the connection's handlers belong to the transaction that owns it. */
    @Override
    public SqlConnection exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    /** Ignored: the connection's handlers belong to the transaction that owns it. */
    @Override
    public SqlConnection closeHandler(Handler<Void> handler) {
        return this;
    }

    @Override
    public boolean isSSL() {
        return borrowed.isSSL();
    }

    @Override
    public DatabaseMetadata databaseMetadata() {
        return borrowed.databaseMetadata();
    }

    @Override
    public String toString() {
        return "SessionConnection[" + borrowed + "]";
    }
}
