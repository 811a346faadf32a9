package io.matrixone.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.Transaction;
import io.matrixone.core.manager.AsyncManagerAccess;
import io.matrixone.core.manager.ManagerAccess;
import io.matrixone.core.manager.TxManagerAccess;
import io.matrixone.core.tx.AfterCommit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Keeps the sync and async APIs in step (the Python SDK hand-duplicated its async managers and they drifted).
 * Every operation has the same name and parameters on both sides; where the sync side returns {@code T} (or, on a
 * transaction, {@code AfterCommit<T>}), the async side returns {@code CompletionStage<T>}. The managers are
 * generated from one description, so their parity holds by construction; this test finds every manager through the
 * accessor interfaces and checks it anyway, with the clients and transactions, which are written by hand.
 */
class ApiParityTest {

    /** Every manager, found through the accessors: (accessor, sync type, transaction type, async type). */
    static java.util.stream.Stream<Arguments> managers() {
        return Arrays.stream(ManagerAccess.class.getMethods()).map(sync -> {
            try {
                return Arguments.of(sync.getName(), sync.getReturnType(),
                        TxManagerAccess.class.getMethod(sync.getName()).getReturnType(),
                        AsyncManagerAccess.class.getMethod(sync.getName()).getReturnType());
            } catch (NoSuchMethodException e) {
                throw new AssertionError("no transaction or async accessor " + sync.getName() + "()", e);
            }
        });
    }

    @ParameterizedTest(name = "{0}()")
    @MethodSource("managers")
    void everyManagerHasTheSameOperationsOnEveryView(String accessor, Class<?> sync, Class<?> tx, Class<?> async) {
        assertThat(operations(async)).isEqualTo(operations(sync));
        assertThat(operations(tx)).isEqualTo(operations(sync));
    }

    @Test
    void theViewsOfferTheSameManagers() {
        assertThat(accessors(TxManagerAccess.class)).isEqualTo(accessors(ManagerAccess.class));
        assertThat(accessors(AsyncManagerAccess.class)).isEqualTo(accessors(ManagerAccess.class));
        assertThat(ManagerAccess.class).isAssignableFrom(MatrixOneClient.class);
        assertThat(AsyncManagerAccess.class).isAssignableFrom(AsyncMatrixOneClient.class);
        assertThat(TxManagerAccess.class).isAssignableFrom(Transaction.class);
        assertThat(AsyncManagerAccess.class).isAssignableFrom(AsyncTransaction.class);
    }

    private static Set<String> accessors(Class<?> type) {
        return Arrays.stream(type.getMethods()).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theClientsOfferTheSameOperations() {
        Map<String, String> sync = operations(MatrixOneClient.class);
        Map<String, String> async = operations(AsyncMatrixOneClient.class);
        // blocking-only conveniences and their non-blocking counterparts, on purpose
        sync.keySet().removeAll(Set.of("streamRows(String,Object[])", "poolStats()"));
        // JDBC and thread-bound transactions for frameworks (Spring): no counterpart without JDBC and threads
        sync.keySet().removeAll(Set.of("dataSource()", "suspendTransaction()", "resumeTransaction(Transaction)"));
        async.keySet().removeAll(Set.of("collect(String,List,Collector)", "closeAsync()", "poolStats()", "vertx()"));
        assertThat(async).isEqualTo(sync);
    }

    @Test
    void theTransactionsOfferTheSameOperations() {
        Map<String, String> sync = operations(Transaction.class);
        Map<String, String> async = operations(AsyncTransaction.class);
        // JDBC and Vert.x specifics: the guarded connection for ORMs, row collectors; a nested async body joins via
        // tx.transaction(..) because async code has no thread to find the outer transaction on
        sync.keySet().removeAll(Set.of("connection()"));
        async.keySet().removeAll(Set.of("collect(String,List,Collector)", "transaction(Body)"));
        assertThat(async).isEqualTo(sync);
    }

    /** Public instance operations as {@code name(ParamTypes) -> normalised return type}. */
    private static Map<String, String> operations(Class<?> type) {
        Map<String, String> out = new TreeMap<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
                    || m.isSynthetic() || m.getName().equals("toString") || m.getName().equals("close")) {
                continue;
            }
            String params = Arrays.stream(m.getParameterTypes()).map(ApiParityTest::parameter)
                    .collect(Collectors.joining(","));
            out.put(m.getName() + "(" + params + ")", valueType(m.getGenericReturnType()));
        }
        return out;
    }

    /** The transaction bodies and ORM bindings are the sync and async shapes of one thing. */
    private static String parameter(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "TransactionBody", "TransactionWork", "Function" -> "Body";
            case "OrmBinding", "AsyncOrmBinding" -> "OrmBinding";
            default -> type.getSimpleName();
        };
    }

    /** {@code CompletionStage<T>} and {@code AfterCommit<T>} are both "a T, later"; primitives are boxed; void is Void. */
    private static String valueType(Type t) {
        if (t instanceof ParameterizedType p) {
            Type raw = p.getRawType();
            if (raw == CompletionStage.class || raw == AfterCommit.class) {
                return name(p.getActualTypeArguments()[0]);
            }
        }
        return name(t);
    }

    private static String name(Type t) {
        if (t == void.class) {
            return "Void";
        }
        if (t instanceof Class<?> c && c.isPrimitive()) {
            return switch (c.getName()) {
                case "boolean" -> "Boolean";
                case "long" -> "Long";
                case "int" -> "Integer";
                default -> c.getName();
            };
        }
        String s = t.getTypeName();
        return s.replace("java.lang.", "").replace("io.matrixone.core.manager.Tx", "")
                .replace("io.matrixone.core.manager.Async", "").replace("io.matrixone.core.manager.", "")
                .replace("io.matrixone.client.", "").replace("io.matrixone.async.Async", "")
                .replace("io.matrixone.async.", "");
    }
}
