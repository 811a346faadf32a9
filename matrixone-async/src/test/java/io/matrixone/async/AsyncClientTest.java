package io.matrixone.async;

import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.error.StatementNotAllowedException;
import io.matrixone.core.version.ServerVersion;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** Offline: nothing listens on the port, so anything that passes the client's own checks would fail to connect. */
class AsyncClientTest {
    private static ClientOptions offline() {
        return ClientOptions.builder().host("127.0.0.1").port(1).serverVersion("4.2.0").build();
    }

    @Test
    void setAndTransactionControlAreRefusedBeforeConnecting() {
        AsyncMatrixOneClient client = AsyncMatrixOneClient.create(offline());
        try (var closing = Closing.of(client)) {
            assertThat(failure(client.execute("SET time_zone = '+00:00'"))).isInstanceOf(StatementNotAllowedException.class);
            assertThat(failure(client.query("  /* c */ set @a = 1"))).isInstanceOf(StatementNotAllowedException.class);
            assertThat(failure(client.execute("COMMIT"))).isInstanceOf(StatementNotAllowedException.class);
            assertThat(failure(client.stream("START TRANSACTION", List.of(), r -> { })))
                    .isInstanceOf(StatementNotAllowedException.class);
        }
    }

    @Test
    void aPinnedVersionIsNotAskedFor() {
        AsyncMatrixOneClient client = AsyncMatrixOneClient.create(offline());
        try (var closing = Closing.of(client)) {
            assertThat(await(client.serverVersion())).isEqualTo(ServerVersion.parse("4.2.0"));
        }
    }

    @Test
    void aClosedClientRefusesWork() {
        AsyncMatrixOneClient client = AsyncMatrixOneClient.create(offline());
        await(client.close());
        await(client.close()); // idempotent
        assertThat(failure(client.query("SELECT 1"))).isInstanceOf(IllegalStateException.class);
        assertThat(failure(client.transaction(tx -> tx.query("SELECT 1")))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGivenVertxIsLeftOpen() {
        Vertx vertx = Vertx.vertx();
        try {
            await(AsyncMatrixOneClient.create(offline(), vertx).close());
            assertThat(await(vertx.<Integer>executeBlocking(() -> 1).toCompletionStage())).isEqualTo(1);
        } finally {
            await(vertx.close().toCompletionStage());
        }
    }

    @Test
    void connectFailureIsAConnectionError() {
        AsyncMatrixOneClient client = AsyncMatrixOneClient.create(offline());
        try (var closing = Closing.of(client)) {
            Throwable e = failure(client.query("SELECT 1"));
            assertThat(e).isInstanceOf(io.matrixone.core.error.MatrixOneException.class);
        }
    }
}
