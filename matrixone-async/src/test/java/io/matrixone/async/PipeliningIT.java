package io.matrixone.async;

import io.matrixone.core.result.Result;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.matrixone.async.Clients.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MatrixOne 4.2.0 echoes a pipelined command back unrun (finding F-01), so the async client never pipelines. The
 * emulator plays that bug on request ({@code Faults.echoPipelinedCommands}): concurrent statements through the SDK
 * all get their answers, while Vert.x with pipelining on loses its connection, as it did on the real server.
 */
@ExtendWith(EmulatorExtension.class)
class PipeliningIT {
    private static final int STATEMENTS = 40;

    @AfterEach
    void clearFaults(Emulator mo) {
        mo.faults().clear();
    }

    @Test
    void concurrentStatementsThroughTheSdkAllGetTheirAnswers(Emulator mo) {
        mo.faults().echoPipelinedCommands();
        AsyncMatrixOneClient client = Clients.client(mo, b -> b.maxPoolSize(2));
        try {
            List<CompletionStage<Result>> answers = new ArrayList<>();
            for (int i = 0; i < STATEMENTS; i++) {
                answers.add(i % 2 == 0 ? client.query("SELECT " + i) : client.query("SELECT CAST(? AS SIGNED)", i));
            }
            for (int i = 0; i < STATEMENTS; i++) {
                assertThat(await(answers.get(i)).scalarLong()).isEqualTo(i);
            }
        } finally {
            await(client.close());
        }
    }

    @Test
    void vertxWithPipeliningOnFailsAgainstTheBug(Emulator mo) throws Exception {
        mo.faults().echoPipelinedCommands();
        Vertx vertx = Vertx.vertx();
        try {
            Pool raw = Clients.rawVertx(vertx, mo, 256);
            // a pool hands each statement a connection of its own; on one connection Vert.x pipelines them
            SqlConnection connection = raw.getConnection().toCompletionStage().toCompletableFuture().get();
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < STATEMENTS; i++) {
                all.add(connection.query("SELECT " + i).execute());
            }
            // an echoed statement fails Vert.x's decoding or is never answered: either way it is lost
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long lost = all.stream().filter(f -> {
                try {
                    f.toCompletionStage().toCompletableFuture().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return false;
                } catch (Exception e) {
                    return true;
                }
            }).count();
            assertThat(lost).as("statements lost to the echo").isPositive();
            connection.close();
            raw.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
