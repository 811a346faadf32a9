package io.matrixone.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.client.AccountManager;
import io.matrixone.client.CloneManager;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.MoCtlManager;
import io.matrixone.client.PitrManager;
import io.matrixone.client.PublicationManager;
import io.matrixone.client.RestoreManager;
import io.matrixone.client.SnapshotManager;
import io.matrixone.client.Transaction;
import io.matrixone.client.TxAccountManager;
import io.matrixone.client.TxCloneManager;
import io.matrixone.client.TxPitrManager;
import io.matrixone.client.TxPublicationManager;
import io.matrixone.client.TxRestoreManager;
import io.matrixone.client.TxSnapshotManager;
import io.matrixone.client.VersionManager;
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
 * transaction, {@code AfterCommit<T>}), the async side returns {@code CompletionStage<T>}.
 */
class ApiParityTest {

    static java.util.stream.Stream<Arguments> managers() {
        return java.util.stream.Stream.of(
                Arguments.of(SnapshotManager.class, AsyncSnapshotManager.class),
                Arguments.of(TxSnapshotManager.class, AsyncSnapshotManager.class),
                Arguments.of(CloneManager.class, AsyncCloneManager.class),
                Arguments.of(TxCloneManager.class, AsyncCloneManager.class),
                Arguments.of(RestoreManager.class, AsyncRestoreManager.class),
                Arguments.of(TxRestoreManager.class, AsyncRestoreManager.class),
                Arguments.of(PitrManager.class, AsyncPitrManager.class),
                Arguments.of(TxPitrManager.class, AsyncPitrManager.class),
                Arguments.of(PublicationManager.class, AsyncPublicationManager.class),
                Arguments.of(TxPublicationManager.class, AsyncPublicationManager.class),
                Arguments.of(AccountManager.class, AsyncAccountManager.class),
                Arguments.of(TxAccountManager.class, AsyncAccountManager.class),
                Arguments.of(MoCtlManager.class, AsyncMoCtlManager.class),
                Arguments.of(VersionManager.class, AsyncVersionManager.class));
    }

    @ParameterizedTest
    @MethodSource("managers")
    void asyncManagersMirrorSyncManagers(Class<?> sync, Class<?> async) {
        assertThat(operations(async)).isEqualTo(operations(sync));
    }

    @Test
    void theClientsOfferTheSameOperations() {
        Map<String, String> sync = operations(MatrixOneClient.class);
        Map<String, String> async = operations(AsyncMatrixOneClient.class);
        // blocking-only conveniences and their non-blocking counterparts, on purpose
        sync.keySet().removeAll(Set.of("streamRows(String,Object[])", "poolStats()"));
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
        return s.replace("java.lang.", "").replace("io.matrixone.client.Tx", "").replace("io.matrixone.client.", "")
                .replace("io.matrixone.async.Async", "").replace("io.matrixone.async.", "");
    }
}
