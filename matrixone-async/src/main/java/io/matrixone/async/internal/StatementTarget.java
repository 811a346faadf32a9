package io.matrixone.async.internal;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.Function;

/**
 * Where a statement goes: one transaction's connection, or the shared pipelined connections. Either way the
 * returned future completes, also when the connection is lost while the statement is in flight.
 */
interface StatementTarget {

    /** Sends {@code statement} on a connection of this target. */
    <T> Future<T> send(Function<SqlConnection, Future<T>> statement);
}
