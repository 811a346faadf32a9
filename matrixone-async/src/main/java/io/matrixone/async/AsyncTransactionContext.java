package io.matrixone.async;

import io.matrixone.core.version.ServerVersion;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlConnection;

/**
 * What an {@link AsyncOrmBinding} may use of an async transaction. This is the one place where the public
 * API shows Vert.x types: it is the binding point for Vert.x-based ORMs.
 */
public interface AsyncTransactionContext {

    /**
     * The transaction's own connection, as a borrowed view: {@code close()} does nothing (the transaction
     * returns the connection to the pool), {@code begin()} fails (the transaction owns BEGIN/COMMIT), and
     * {@code transaction()} returns {@code null}, so that an ORM closing its session does not roll back the
     * SDK's transaction. Everything else reaches the real connection.
     *
     * <p>Statements sent here bypass the transaction's statement queue; chain them, do not interleave them
     * with concurrent {@code tx.execute(..)} calls.
     */
    SqlConnection connection();

    /** The Vert.x context the whole transaction runs on; open and use the session on it (HR000069). */
    Context context();

    Vertx vertx();

    /** The version of the server the transaction runs on. */
    ServerVersion serverVersion();
}
