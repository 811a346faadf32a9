package io.matrixone.hibernate;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test stand-in for the transaction's guarded connection, as the SPI describes it: commit, rollback,
 * setAutoCommit and savepoints fail, close does nothing. It records every method called on it. Without a delegate
 * it answers only the few calls a session makes when it opens and closes, and fails on anything else.
 */
final class GuardedConnection implements InvocationHandler {
    private static final Set<String> REFUSED = Set.of("commit", "rollback", "setAutoCommit", "setSavepoint",
            "releaseSavepoint");

    private final Connection delegate;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    private GuardedConnection(Connection delegate) {
        this.delegate = delegate;
    }

    /** A guarded view of {@code delegate}, or a connection-less fake when it is null. */
    static GuardedConnection over(Connection delegate) {
        return new GuardedConnection(delegate);
    }

    Connection connection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                this);
    }

    /** The names of the methods called so far, in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "guarded " + (delegate == null ? "fake connection" : delegate);
            default:
                break;
        }
        calls.add(name);
        if (REFUSED.contains(name)) {
            throw new SQLException(name + "() refused: the transaction owns the connection");
        }
        if (name.equals("close")) {
            return null;
        }
        if (delegate == null) {
            return fake(name);
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object fake(String name) {
        return switch (name) {
            case "getAutoCommit", "isValid" -> true;
            case "isClosed", "isWrapperFor" -> false;
            case "getWarnings" -> null;
            case "clearWarnings" -> null;
            default -> throw new UnsupportedOperationException("fake connection: " + name + "() not expected");
        };
    }
}
