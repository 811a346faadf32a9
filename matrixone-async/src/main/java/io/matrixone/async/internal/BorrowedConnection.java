package io.matrixone.async.internal;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.SqlConnection;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * A view of a transaction's connection lent to an ORM: {@code close()} does nothing (the transaction gives
 * the connection back), {@code begin()} fails (the transaction owns BEGIN/COMMIT) and {@code transaction()}
 * returns {@code null}, because Hibernate Reactive rolls back a live Vert.x transaction when it closes its
 * session (java_stack.md §4). Every other call reaches the real connection, and every future it returns, also
 * those of the queries and prepared statements it hands out, completes when the connection is lost (see
 * {@link TrackedConnection}): an ORM call in flight when the connection drops fails instead of hanging.
 */
final class BorrowedConnection {
    static final String OWNED = "the transaction is owned by the MatrixOne SDK: do not begin one on its connection; "
            + "use the SDK's transaction (commit happens when it ends)";

    /** Vert.x types handed out by a connection whose futures must be tracked too. */
    private static final Set<Class<?>> TRACKED_VIEWS = Set.of(Query.class, PreparedQuery.class, PreparedStatement.class);

    private BorrowedConnection() {
    }

    static SqlConnection of(TrackedConnection tracked) {
        SqlConnection target = tracked.connection();
        return (SqlConnection) Proxy.newProxyInstance(SqlConnection.class.getClassLoader(),
                new Class<?>[]{SqlConnection.class}, (proxy, method, args) -> invoke(tracked, target, proxy, method, args));
    }

    @SuppressWarnings("unchecked")
    private static Object invoke(TrackedConnection tracked, SqlConnection target, Object proxy, Method method,
                                 Object[] args) throws Throwable {
        int arity = args == null ? 0 : args.length;
        switch (method.getName()) {
            case "close":
                if (arity == 0) {
                    return Future.succeededFuture();
                }
                ((Handler<AsyncResult<Void>>) args[0]).handle(Future.succeededFuture());
                return null;
            case "begin":
                if (arity == 0) {
                    return Future.failedFuture(new IllegalStateException(OWNED));
                }
                ((Handler<AsyncResult<Object>>) args[0]).handle(Future.failedFuture(new IllegalStateException(OWNED)));
                return null;
            case "transaction":
                return null;
            case "closeHandler":
                // one close handler per Vert.x connection: the SDK's stays, the ORM's is added to it
                if (arity == 1 && args[0] != null) {
                    tracked.onLost((Handler<Void>) args[0]);
                }
                return proxy;
            case "equals":
                return arity == 1 && proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "BorrowedConnection[" + target + "]";
            default:
                Object result = call(target, method, args);
                return result == target ? proxy : tracking(tracked, method.getReturnType(), result);
        }
    }

    /** Futures become tracked futures; queries and statements become views whose futures are tracked. */
    private static Object tracking(TrackedConnection tracked, Class<?> type, Object result) {
        if (result instanceof Future<?> future) {
            return tracked.track(future);
        }
        if (result != null && TRACKED_VIEWS.contains(type)) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, a) -> {
                if (m.getDeclaringClass() == Object.class) {
                    return m.getName().equals("equals") ? p == a[0]
                            : m.getName().equals("hashCode") ? System.identityHashCode(p) : m.invoke(result, a);
                }
                Object r = call(result, m, a);
                return r == result ? p : tracking(tracked, m.getReturnType(), r);
            });
        }
        return result;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
