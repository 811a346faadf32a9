package io.matrixone.hibernate.reactive;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.Function;

/**
 * A "pool" of exactly one connection, the one a MatrixOne transaction lent to a session: Hibernate Reactive's
 * {@code SqlClientPool} takes its connection for a tenant from a {@code Pool}, and this is the shape it asks for.
 * Closing it does nothing; the transaction owns the connection.
 */
final class BoundConnectionPool implements Pool {
    private final SqlConnection connection;

    BoundConnectionPool(SqlConnection connection) {
        this.connection = connection;
    }

    @Override
    public Future<SqlConnection> getConnection() {
        return Future.succeededFuture(connection);
    }

    @Override
    public void getConnection(Handler<AsyncResult<SqlConnection>> handler) {
        handler.handle(getConnection());
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        return connection.query(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return connection.preparedQuery(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return connection.preparedQuery(sql, options);
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
        handler.handle(close());
    }

    @Override
    @Deprecated // as in Pool; refused here anyway
    public Pool connectHandler(Handler<SqlConnection> handler) {
        throw new UnsupportedOperationException("a MatrixOne transaction's connection is already connected");
    }

    @Override
    @Deprecated // as in Pool; refused here anyway
    public Pool connectionProvider(Function<Context, Future<SqlConnection>> provider) {
        throw new UnsupportedOperationException("a MatrixOne transaction's connection comes from the transaction");
    }

    @Override
    public int size() {
        return 1;
    }
}
