package io.matrixone.async.internal;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * Where the async client gets its connections: a Vert.x pool, each connection adopted on the way out (local-file
 * guard, close tracking, and on first use the options' session variables).
 *
 * @param pool       the Vert.x pool
 * @param sessionSql the {@code SET} of the options' session variables, or {@code null}
 */
record ConnectionSource(Pool pool, String sessionSql) {

    Future<TrackedConnection> acquire() {
        return pool.getConnection().compose(c -> TrackedConnection.adopt(c, sessionSql));
    }

    int size() {
        return pool.size();
    }

    Future<Void> close() {
        return pool.close();
    }
}
