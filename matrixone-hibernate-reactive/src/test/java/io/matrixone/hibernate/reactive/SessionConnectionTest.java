package io.matrixone.hibernate.reactive;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection view a bound session sees: begin refused with a clear message, the rest passed on. */
class SessionConnectionTest {
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** A borrowed view stand-in that records what reaches it. */
    private SqlConnection borrowed() {
        return (SqlConnection) Proxy.newProxyInstance(SqlConnection.class.getClassLoader(),
                new Class<?>[]{SqlConnection.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "close" -> Future.succeededFuture();
                        case "isSSL" -> false;
                        default -> null;
                    };
                });
    }

    @Test
    void beginFailsWithTheOwnershipMessageAndReachesNothing() {
        SessionConnection connection = new SessionConnection(borrowed());
        Future<?> begin = connection.begin();
        assertThat(begin.failed()).isTrue();
        assertThat(begin.cause()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Session.withTransaction(..) is not allowed")
                .hasMessageContaining("owns BEGIN, COMMIT and ROLLBACK");
        connection.begin(ar -> assertThat(ar.failed()).isTrue());
        assertThat(calls).isEmpty();
    }

    @Test
    void closeAndTransactionGoToTheBorrowedViewWhichDecides() {
        SessionConnection connection = new SessionConnection(borrowed());
        assertThat(connection.close().succeeded()).isTrue();
        assertThat(connection.transaction()).isNull();
        assertThat(calls).containsExactly("close", "transaction");
    }

    @Test
    void handlersOfTheTransactionsConnectionAreNotReplaced() {
        SessionConnection connection = new SessionConnection(borrowed());
        assertThat(connection.exceptionHandler(e -> { })).isSameAs(connection);
        assertThat(connection.closeHandler(v -> { })).isSameAs(connection);
        assertThat(calls).isEmpty();
    }

    @Test
    void theOneConnectionPoolHandsOutItsConnectionAndClosesNothing() {
        SessionConnection connection = new SessionConnection(borrowed());
        BoundConnectionPool pool = new BoundConnectionPool(connection);
        assertThat(pool.getConnection().result()).isSameAs(connection);
        assertThat(pool.close().succeeded()).isTrue();
        assertThat(pool.size()).isEqualTo(1);
        assertThat(calls).isEmpty();
    }
}
