package io.matrixone.async.internal;

import io.vertx.core.Future;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.Function;

/**
 * The async client's connections: one Vert.x pool of {@code maxPoolSize}, each connection adopted on the way out
 * (local-file guard, close tracking, and on first use the options' session variables). A transaction holds one
 * from BEGIN to its end; a statement outside a transaction borrows one for its own duration ({@link #send}).
 *
 * <p>No connection carries more than one statement at a time: MatrixOne (4.2.0 measured) breaks a connection on
 * which a second command arrives before the first is answered, even two deep (Vert.x then fails with a decoding
 * error and the connection is closed). Concurrency comes from connections, as on the sync client.
 *
 * @param pool       the Vert.x pool
 * @param sessionSql the {@code SET} of the options' session variables, or {@code null}
 */
record ConnectionSource(Pool pool, String sessionSql) implements StatementTarget {

    /** A connection, adopted; one that closed while it sat in the pool is skipped (nothing was sent on it). */
    Future<TrackedConnection> acquire() {
        return acquire(3);
    }

    private Future<TrackedConnection> acquire(int attempts) {
        return pool.getConnection().compose(c -> TrackedConnection.adopt(c, sessionSql)).recover(e ->
                e instanceof ClosedConnectionException && attempts > 1 ? acquire(attempts - 1) : Future.failedFuture(e));
    }

    /** A statement outside a transaction: a connection of its own for its duration, given back on every path. */
    @Override
    public <T> Future<T> send(Function<SqlConnection, Future<T>> statement) {
        return acquire().compose(c -> c.send(statement).eventually(c::release));
    }

    int size() {
        return pool.size();
    }

    Future<Void> close() {
        return pool.close();
    }
}
