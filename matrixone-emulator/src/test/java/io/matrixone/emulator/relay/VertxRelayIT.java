package io.matrixone.emulator.relay;

import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLAuthenticationPlugin;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay under the Vert.x MySQL client: pipelined text and prepared queries on one connection. */
@ExtendWith(EmulatorExtension.class)
class VertxRelayIT {
    private static final int IN_FLIGHT = 1000;

    private final Emulator mo;
    private Vertx vertx;
    private MySQLConnection conn;

    VertxRelayIT(Emulator mo) {
        this.mo = mo;
    }

    @BeforeEach
    void connect() throws Exception {
        vertx = Vertx.vertx();
        MySQLConnectOptions options = new MySQLConnectOptions()
                .setHost(mo.host()).setPort(mo.port()).setDatabase(mo.database())
                .setUser(mo.user()).setPassword(mo.password())
                .setPipeliningLimit(64)
                .setCachePreparedStatements(true);
        conn = await(MySQLConnection.connect(vertx, options));
    }

    @AfterEach
    void disconnect() throws Exception {
        if (conn != null) {
            await(conn.close());
        }
        await(vertx.close());
    }

    @Test
    void pipelinedTextQueriesKeepTheirOrder() throws Exception {
        List<Future<RowSet<Row>>> pending = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            pending.add(conn.query("SELECT " + i + " AS n, REPEAT('x', " + (i % 97) + ") AS pad").execute());
        }
        for (int i = 0; i < IN_FLIGHT; i++) {
            Row row = await(pending.get(i)).iterator().next();
            assertThat(row.getInteger("n")).isEqualTo(i);
            assertThat(row.getString("pad")).hasSize(i % 97);
        }
        assertThat(mo.statements().countSql("AS pad")).isGreaterThanOrEqualTo(IN_FLIGHT);
    }

    @Test
    void pipelinedPreparedQueriesKeepTheirOrder() throws Exception {
        List<Future<RowSet<Row>>> pending = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            pending.add(conn.preparedQuery("SELECT ? AS n, CONCAT('v', ?) AS s").execute(Tuple.of(i, i)));
        }
        for (int i = 0; i < IN_FLIGHT; i++) {
            Row row = await(pending.get(i)).iterator().next();
            assertThat(row.getLong("n")).isEqualTo(i);
            assertThat(row.getString("s")).isEqualTo("v" + i);
        }
    }

    @Test
    void errorsInThePipelineStayWithTheirQuery() throws Exception {
        await(conn.query("CREATE OR REPLACE TABLE vertx_t (id INT PRIMARY KEY)").execute());
        List<Future<RowSet<Row>>> pending = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pending.add(conn.query("INSERT INTO vertx_t VALUES (" + (i / 2) + ")").execute());
        }
        for (int i = 0; i < 100; i++) {
            Future<RowSet<Row>> f = pending.get(i);
            try {
                await(f);
                assertThat(i % 2).as("query %d", i).isZero();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(i % 2).as("query %d", i).isOne();
                assertThat(e.getCause()).isInstanceOfSatisfying(MySQLException.class, err -> {
                    assertThat(err.getErrorCode()).isEqualTo(1062);
                    assertThat(err.getSqlState()).isEqualTo("HY000");
                });
            }
        }
        assertThat(await(conn.query("SELECT COUNT(*) FROM vertx_t").execute()).iterator().next().getLong(0))
                .isEqualTo(50);
    }

    @Test
    void authSwitchRequestsPassThrough() throws Exception {
        MySQLConnectOptions options = new MySQLConnectOptions()
                .setHost(mo.host()).setPort(mo.port()).setDatabase(mo.database())
                .setUser(mo.user()).setPassword(mo.password())
                .setAuthenticationPlugin(MySQLAuthenticationPlugin.CACHING_SHA2_PASSWORD);
        MySQLConnection sha2 = await(MySQLConnection.connect(vertx, options));
        try {
            assertThat(await(sha2.query("SELECT CURRENT_USER()").execute()).iterator().next().getString(0))
                    .startsWith("root@");
        } finally {
            await(sha2.close());
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
