package io.matrixone.async.internal;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BorrowedConnectionTest {

    @Test
    void closeBeginAndTransactionNeverReachTheRealConnection() {
        List<String> calls = new ArrayList<>();
        SqlConnection real = (SqlConnection) Proxy.newProxyInstance(SqlConnection.class.getClassLoader(),
                new Class<?>[]{SqlConnection.class}, (p, m, a) -> {
                    calls.add(m.getName());
                    return m.getName().equals("isSSL") ? Boolean.TRUE : Future.succeededFuture();
                });
        SqlConnection view = BorrowedConnection.of(new TrackedConnection(real));
        assertThat(view.close().succeeded()).isTrue();
        assertThat(view.begin().failed()).isTrue();
        assertThat(view.begin().cause()).hasMessageContaining("owned by the MatrixOne SDK");
        assertThat(view.transaction()).isNull();
        assertThat(view.isSSL()).isTrue();
        assertThat(calls).containsExactly("isSSL");
        assertThat(view).isEqualTo(view).isNotEqualTo(real);
    }
}
