package io.matrixone.async.internal;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.Function;

/**
 * The connections that carry statements outside transactions: up to {@code size} connections, each with many
 * statements pipelined on it. A statement goes to the open connection with the fewest statements in flight; when
 * every open one is busy and a slot is free, another connection is opened (the statement does not wait for it).
 * A lost connection leaves its slot, its statements fail (see {@link TrackedConnection}), and the next statement
 * opens a new one. Thread-safe: statements come from any thread; Vert.x hops to each connection's context.
 */
final class SharedConnections implements StatementTarget {
    private final ConnectionSource source;
    private final TrackedConnection[] open;
    private final Future<TrackedConnection>[] opening;

    @SuppressWarnings("unchecked")
    SharedConnections(ConnectionSource source, int size) {
        this.source = source;
        this.open = new TrackedConnection[size];
        this.opening = new Future[size];
    }

    @Override
    public <T> Future<T> send(Function<SqlConnection, Future<T>> statement) {
        return send(statement, 3);
    }

    /** A connection lost between being picked and sending: nothing was sent, so another one may carry it. */
    private <T> Future<T> send(Function<SqlConnection, Future<T>> statement, int attempts) {
        return pick().compose(connection -> connection.send(statement).recover(e ->
                e instanceof TrackedConnection.NotSent && attempts > 1 ? send(statement, attempts - 1)
                        : Future.failedFuture(e)));
    }

    /** The least busy open connection, opening another one when all are busy and a slot is free. */
    private synchronized Future<TrackedConnection> pick() {
        TrackedConnection best = null;
        int bestLoad = Integer.MAX_VALUE;
        int free = -1;
        Future<TrackedConnection> pending = null;
        for (int i = 0; i < open.length; i++) {
            TrackedConnection c = open[i];
            if (c != null && c.isLost()) {
                open[i] = c = null; // its close listener may not have run yet
            }
            if (c != null) {
                int load = c.inFlight();
                if (load < bestLoad) {
                    best = c;
                    bestLoad = load;
                }
            } else if (opening[i] != null) {
                pending = opening[i];
            } else if (free < 0) {
                free = i;
            }
        }
        if ((best == null || bestLoad > 0) && free >= 0 && pending == null) {
            pending = openInto(free);
        }
        return best != null ? Future.succeededFuture(best) : pending;
    }

    private Future<TrackedConnection> openInto(int slot) {
        Future<TrackedConnection> connecting = source.acquire();
        opening[slot] = connecting;
        connecting.onComplete(ar -> opened(slot, ar.succeeded() ? ar.result() : null));
        return connecting;
    }

    private void opened(int slot, TrackedConnection connection) {
        synchronized (this) {
            opening[slot] = null;
            open[slot] = connection;
        }
        if (connection != null) {
            connection.onLost(v -> {
                synchronized (this) {
                    if (open[slot] == connection) {
                        open[slot] = null;
                    }
                }
                connection.release(); // the pool then discards it
            });
        }
    }

    /** Statements in flight on the shared connections. */
    synchronized int inFlight() {
        int n = 0;
        for (TrackedConnection c : open) {
            if (c != null) {
                n += c.inFlight();
            }
        }
        return n;
    }

    /** Gives every open connection back; the caller closes the pool. */
    synchronized Future<Void> close() {
        Future<Void> all = Future.succeededFuture();
        for (int i = 0; i < open.length; i++) {
            TrackedConnection c = open[i];
            open[i] = null;
            if (c != null) {
                all = all.eventually(c::release);
            }
        }
        return all;
    }
}
