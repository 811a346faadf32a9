package io.matrixone.async.internal;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.sqlclient.SqlConnection;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A view of a transaction's connection lent to an ORM: {@code close()} does nothing (the transaction gives
 * the connection back), {@code begin()} fails (the transaction owns BEGIN/COMMIT) and {@code transaction()}
 * returns {@code null}, because Hibernate Reactive rolls back a live Vert.x transaction when it closes its
 * session (java_stack.md §4). Every other call reaches the real connection.
 */
final class BorrowedConnection {
    static final String OWNED = "the transaction is owned by the MatrixOne SDK: do not begin one on its connection; "
            + "use the SDK's transaction (commit happens when it ends)";

    private BorrowedConnection() {
    }

    static SqlConnection of(SqlConnection connection) {
        return (SqlConnection) Proxy.newProxyInstance(SqlConnection.class.getClassLoader(),
                new Class<?>[]{SqlConnection.class}, (proxy, method, args) -> invoke(connection, proxy, method, args));
    }

    @SuppressWarnings("unchecked")
    private static Object invoke(SqlConnection target, Object proxy, Method method, Object[] args) throws Throwable {
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
            case "equals":
                return arity == 1 && proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "BorrowedConnection[" + target + "]";
            default:
                try {
                    Object result = method.invoke(target, args);
                    return result == target ? proxy : result; // fluent setters keep returning the view
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
        }
    }
}
