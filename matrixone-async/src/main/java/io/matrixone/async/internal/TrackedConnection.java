package io.matrixone.async.internal;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One Vert.x connection and every statement in flight on it, so that each of them completes when the connection
 * is lost. Vert.x 4.5 does not guarantee that: when a connection closes it fails only the first of the commands
 * already written (the others are dropped without an answer), and a command written from inside that failure's
 * callback is lost as well. A transaction waiting on such a command would never end and its connection would
 * never return to the pool. Here every statement is registered before it is sent and failed, with the reason
 * the connection was lost, when Vert.x reports the close.
 *
 * <p>Every connection is adopted with {@link LocalFileGuard} installed: no local file ever leaves the process,
 * whatever the server asks.
 */
final class TrackedConnection implements StatementTarget {
    private final SqlConnection connection;
    /**
     * Statements sent and not answered yet; guarded by {@code this}. A list: a connection is adopted for every
     * statement outside transactions and holds one or two at a time (no pipelining), so a hash set would cost more
     * than it finds.
     */
    private final List<Promise<?>> inFlight = new ArrayList<>(2);
    /** Created by the first listener: most connections never get one. */
    private List<Handler<Void>> lostListeners;
    private Throwable lost;
    /** How many of the statements in flight an ORM issued ({@link #track}); the SDK's own go through {@link #send}. */
    private int ormInFlight;

    /** Without guard or close handler: {@link #adopt} is the way in; unit tests of the views use this. */
    TrackedConnection(SqlConnection connection) {
        this.connection = connection;
    }

    /**
     * Takes over a connection fresh from a pool: installs the local-file guard and the close handler, and on a
     * connection seen for the first time sends {@code sessionSql} (the options' session variables; {@code null}
     * for none). If the guard cannot be installed, or the session cannot be set, the connection is discarded and
     * the future fails: it is never used unguarded or with the wrong session.
     */
    static Future<TrackedConnection> adopt(SqlConnection connection, String sessionSql) {
        TrackedConnection tracked = new TrackedConnection(connection);
        boolean fresh;
        try {
            fresh = LocalFileGuard.install(connection, tracked::refusedLocalFile);
        } catch (RuntimeException e) {
            return connection.close().transform(x -> Future.failedFuture(e)); // never used unguarded
        }
        connection.closeHandler(v -> tracked.lost(ClosedConnectionException.INSTANCE));
        if (!fresh || sessionSql == null) {
            return Future.succeededFuture(tracked);
        }
        return tracked.send(c -> c.query(sessionSql).execute()).transform(ar -> {
            if (ar.succeeded()) {
                return Future.succeededFuture(tracked);
            }
            LocalFileGuard.discard(connection);
            return connection.close().transform(x -> Future.failedFuture(Stages.translate(ar.cause(), sessionSql)));
        });
    }

    /** The connection itself; statements must go through {@link #send} or {@link #track}. */
    SqlConnection connection() {
        return connection;
    }

    @Override
    public <T> Future<T> send(Function<SqlConnection, Future<T>> statement) {
        Promise<T> promise = Promise.promise();
        Throwable gone = register(promise);
        if (gone != null) {
            return Future.failedFuture(new NotSent(gone));
        }
        Future<T> sent;
        try {
            sent = statement.apply(connection);
        } catch (Throwable e) {
            sent = Future.failedFuture(e);
        }
        sent.onComplete(ar -> answered(promise, ar));
        return promise.future();
    }

    /** Tracks a future of work already issued on this connection (an ORM's statement). */
    <T> Future<T> track(Future<T> issued) {
        Promise<T> promise = Promise.promise();
        Throwable gone = register(promise);
        if (gone != null) {
            return Future.failedFuture(gone);
        }
        synchronized (this) {
            ormInFlight++;
        }
        issued.onComplete(ar -> {
            synchronized (this) {
                ormInFlight--;
            }
            answered(promise, ar);
        });
        return promise.future();
    }

    /** Statements an ORM issued on this connection and not answered yet: its session is in the middle of a call. */
    synchronized int ormInFlight() {
        return ormInFlight;
    }

    private synchronized Throwable register(Promise<?> promise) {
        if (lost == null) {
            inFlight.add(promise);
        }
        return lost;
    }

    private <T> void answered(Promise<T> promise, AsyncResult<T> ar) {
        synchronized (this) {
            inFlight.remove(promise);
        }
        if (ar.succeeded()) {
            promise.tryComplete(ar.result()); // no-op if it already failed because the connection was lost
        } else {
            promise.tryFail(ar.cause());
        }
    }

    /** Statements sent on this connection and not answered yet. */
    synchronized int inFlight() {
        return inFlight.size();
    }

    synchronized boolean isLost() {
        return lost != null;
    }

    /** Runs {@code listener} (on the connection's context) once the connection is lost; at once if it already is. */
    void onLost(Handler<Void> listener) {
        boolean now;
        synchronized (this) {
            now = lost != null;
            if (!now) {
                if (lostListeners == null) {
                    lostListeners = new ArrayList<>(1);
                }
                lostListeners.add(listener);
            }
        }
        if (now) {
            listener.handle(null);
        }
    }

    private void refusedLocalFile() {
        lost(new LocalFileGuard.LocalFileRefused());
    }

    /** Fails every statement in flight with {@code cause}; later sends fail at once. */
    private void lost(Throwable cause) {
        List<Promise<?>> pending;
        List<Handler<Void>> listeners;
        synchronized (this) {
            if (lost != null) {
                return;
            }
            lost = cause;
            pending = new ArrayList<>(inFlight);
            inFlight.clear();
            listeners = lostListeners == null ? List.of() : new ArrayList<>(lostListeners);
            lostListeners = null;
        }
        for (Handler<Void> l : listeners) {
            l.handle(null); // first: a shared slot is freed before anyone learns of the failures below
        }
        for (Promise<?> p : pending) {
            p.tryFail(cause);
        }
    }

    /** Gives the connection back to its pool (a lost one is then discarded by the pool). Never fails. */
    Future<Void> release() {
        return connection.close().otherwiseEmpty();
    }

    /** A statement that was not sent because the connection was already lost: it may go on another one. */
    static final class NotSent extends RuntimeException {
        NotSent(Throwable lost) {
            super(lost.getMessage(), lost, false, false);
        }
    }

    @Override
    public String toString() {
        return "TrackedConnection[" + inFlight() + " in flight" + (isLost() ? ", lost" : "") + "]";
    }
}
