package io.matrixone.async;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.result.Row;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.matrixone.async.Clients.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MatrixOne describes DECIMAL columns with the legacy type id 0 and VARBINARY with 15, which Vert.x does not know
 * (finding F-15); the emulator now sends the same column definitions. The raw Vert.x client shows that they arrive
 * (it hands back text for both), and the SDK's async client, through its {@code ColumnTypeNormalizer}, returns a
 * {@link BigDecimal} and a {@code byte[]}. Runs against a real MatrixOne too ({@code -Dmatrixone.tier=real}).
 */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatrixOneColumnTypesIT {
    private static final String SELECT = "SELECT id, price, raw, label FROM fid_coltypes WHERE id = ?";

    private AsyncMatrixOneClient client;
    private MatrixOneClient sync;

    @BeforeAll
    void start(Emulator mo) {
        client = Clients.client(mo);
        sync = MatrixOneClient.create(Clients.options(mo).build());
        sync.execute("DROP TABLE IF EXISTS fid_coltypes");
        sync.execute("CREATE TABLE fid_coltypes (id INT PRIMARY KEY, price DECIMAL(12,2), raw VARBINARY(16), label VARCHAR(20))");
        sync.execute("INSERT INTO fid_coltypes VALUES (1, 12345.67, x'00ff10', 'décimal')");
    }

    @AfterAll
    void stop() {
        sync.execute("DROP TABLE IF EXISTS fid_coltypes");
        sync.close();
        await(client.close());
    }

    @Test
    void decimalAndVarbinaryDecodeAsOnTheSyncClient() {
        Row async = await(client.query(SELECT, 1)).rows().get(0);
        Row blocking = sync.query(SELECT, 1).rows().get(0);
        assertThat(async.get(1)).isInstanceOf(BigDecimal.class).isEqualTo(new BigDecimal("12345.67"));
        assertThat(async.get(2)).isInstanceOf(byte[].class).isEqualTo(new byte[] {0, (byte) 0xff, 0x10});
        assertThat(async.getString(3)).isEqualTo("décimal");
        assertThat(blocking.get(1)).isEqualTo(async.get(1));
        // (the sync client is no oracle for VARBINARY here: MatrixOne sends no BINARY flag, so Connector/J reads the
        // column as text, on MatrixOne 4.2.0 as on the emulator)
        // the text protocol too (no parameters: the async client sends a plain query)
        Row text = await(client.query("SELECT price, raw FROM fid_coltypes WHERE id = 1")).rows().get(0);
        assertThat(text.get(0)).isEqualTo(new BigDecimal("12345.67"));
        assertThat(text.get(1)).isEqualTo(new byte[] {0, (byte) 0xff, 0x10});
    }

    @Test
    void theServerSendsMatrixOnesTypeIdsThatVertxAloneDoesNotDecode(Emulator mo) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Pool raw = Clients.rawVertx(vertx, mo, 1);
            io.vertx.sqlclient.Row row = raw.preparedQuery(SELECT).execute(Tuple.of(1)).toCompletionStage()
                    .toCompletableFuture().get().iterator().next();
            // MYSQL_TYPE_DECIMAL (0) and MYSQL_TYPE_VARCHAR (15) are "not handled" by Vert.x: text, as from MatrixOne
            assertThat(List.of(row.getValue(1), row.getValue(2))).allSatisfy(v -> assertThat(v).isInstanceOf(String.class));
            raw.close().toCompletionStage().toCompletableFuture().get();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }
}
