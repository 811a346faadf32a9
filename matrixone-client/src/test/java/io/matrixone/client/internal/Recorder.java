package io.matrixone.client.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A JDBC interface stand-in that records every call (test only). */
final class Recorder {
    record Call(String method, List<Object> args) {
    }

    final List<Call> calls = new ArrayList<>();

    <T> T of(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, args) -> {
            calls.add(new Call(m.getName(), args == null ? List.of() : Arrays.asList(args)));
            Class<?> r = m.getReturnType();
            if (r == boolean.class) {
                return m.getName().equals("isClosed") ? false : true;
            }
            if (r == int.class) {
                return 0;
            }
            if (r == long.class) {
                return 0L;
            }
            return null;
        }));
    }

    Call last() {
        return calls.get(calls.size() - 1);
    }
}
