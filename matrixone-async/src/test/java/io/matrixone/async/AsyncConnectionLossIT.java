package io.matrixone.async;

import io.matrixone.core.error.CommitStatusUnknownException;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.QueryInterruptedException;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.matrixone.async.Clients.await;
import static io.matrixone.async.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection lost at any moment ends every stage that depends on it, and gives the pool its connections back.
 * Vert.x alone fails only the first of several statements in flight on a closed connection, and loses a
 * statement sent from inside that failure's callback (as a ROLLBACK after a failed COMMIT is): these cases hung.
 */
@ExtendWith(EmulatorExtension.class)
class AsyncConnectionLossIT {
    private Emulator mo;
    private AsyncMatrixOneClient client;

    @BeforeEach
    void start(Emulator emulator) {
        mo = emulator;
        mo.faults().clear();
        client = Clients.client(mo);
        await(client.execute("CREATE TABLE IF NOT EXISTS lost_t (v VARCHAR(40))"));
    }

    @AfterEach
    void nothingLeftBehind() {
        mo.faults().clear();
        assertThat(client.poolStats().transactionConnectionsInUse()).as("transaction connections in use").isZero();
        assertThat(client.poolStats().statementsInFlight()).as("statements in flight").isZero();
        await(client.close());
    }

    private long rows(String tag) {
        return await(client.query("SELECT COUNT(*) FROM lost_t WHERE v = ?", tag)).scalarLong();
    }

    @Test
    void aConnectionLostBeforeCommitIsAnUnknownOutcomeNotAHang() {
        mo.faults().dropBefore("^COMMIT");
        Throwable e = failure(client.transaction(tx -> tx.execute("INSERT INTO lost_t VALUES ('before')")));
        assertThat(e).isInstanceOf(CommitStatusUnknownException.class).hasMessageContaining("may or may not have committed");
        assertThat(((CommitStatusUnknownException) e).isRetryable()).isFalse();
        assertThat(rows("before")).as("the server never ran COMMIT").isZero();
    }

    @Test
    void aConnectionLostAfterCommitIsAnUnknownOutcomeAndTheRowsMayBeThere() {
        mo.faults().dropAfter("^COMMIT");
        CompletionStage<Object> snapshot = new CompletableFuture<>();
        Throwable e = failure(client.transaction(tx -> {
            tx.afterCommit("CREATE SNAPSHOT lost_snap FOR ACCOUNT");
            return tx.execute("INSERT INTO lost_t VALUES ('after')");
        }));
        assertThat(e).isInstanceOf(CommitStatusUnknownException.class);
        assertThat(rows("after")).as("the server committed before the connection dropped").isEqualTo(1);
        assertThat(await(client.query("SELECT COUNT(*) FROM mo_catalog.mo_snapshots WHERE sname = 'lost_snap'"))
                .scalarLong()).as("no after-commit step ran").isZero();
    }

    @Test
    void everyPipelinedStatementOfATransactionFailsWhenItsConnectionDrops() {
        mo.faults().dropBefore("'p5'");
        List<CompletableFuture<?>> sent = new ArrayList<>();
        Throwable e = failure(client.transaction(tx -> {
            for (int i = 0; i < 20; i++) {
                sent.add(tx.execute("INSERT INTO lost_t VALUES ('p" + i + "')").toCompletableFuture());
            }
            return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
        }));
        assertThat(e).isInstanceOf(ConnectionLostException.class);
        for (CompletableFuture<?> f : sent.subList(5, 20)) {
            assertThat(failure(f)).isInstanceOf(ConnectionLostException.class);
        }
    }

    @Test
    void everyPipelinedStatementOnASharedConnectionCompletesWhenItDrops() {
        mo.faults().dropBefore("'s10'");
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(client.query("SELECT ?, 's" + i + "'", i).toCompletableFuture());
        }
        int lost = 0;
        for (CompletableFuture<?> f : sent) {
            try {
                await(f);
            } catch (ConnectionLostException expected) {
                lost++;
            }
        }
        assertThat(lost).as("statements lost with the dropped connection").isPositive();
        assertThat(await(client.query("SELECT 1")).scalarLong()).as("a new connection serves the next statement")
                .isEqualTo(1);
    }

    @Test
    void aTimedOutStatementLeavesNothingInFlightOnceItsConnectionAnswers() throws InterruptedException {
        AsyncMatrixOneClient timed = Clients.client(mo, o -> o.queryTimeout(Duration.ofMillis(200)));
        try {
            mo.faults().latency("'slow'", Duration.ofMillis(800));
            assertThat(failure(timed.query("SELECT 'slow'"))).isInstanceOf(QueryInterruptedException.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (timed.poolStats().statementsInFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(timed.poolStats().statementsInFlight()).isZero();
        } finally {
            await(timed.close());
        }
    }

    /**
     * A batch of one INSERT goes as multi-row statements (1,000 rows, then 500): the second one timing out fails the
     * batch with its first statement's rows undone, and nothing stays in flight once the connection answers.
     */
    @Test
    void aMultiRowBatchWhoseSecondStatementTimesOutIsUndoneAsAWhole() throws InterruptedException {
        AsyncMatrixOneClient timed = Clients.client(mo, o -> o.queryTimeout(Duration.ofMillis(300)));
        try {
            List<List<?>> rows = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                rows.add(List.of("multi-timeout"));
            }
            // exactly the 500-row statement: 499 groups and a last one
            mo.faults().latency("^INSERT INTO lost_t VALUES (\\(\\?\\), ){499}\\(\\?\\)$", Duration.ofMillis(1_000));
            assertThat(failure(timed.executeBatch("INSERT INTO lost_t VALUES (?)", rows)))
                    .isInstanceOf(QueryInterruptedException.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((timed.poolStats().statementsInFlight() > 0 || timed.poolStats().transactionConnectionsInUse() > 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(timed.poolStats().statementsInFlight()).isZero();
            assertThat(timed.poolStats().transactionConnectionsInUse()).isZero();
            assertThat(rows("multi-timeout")).as("rows of the first statement").isZero();
            assertThat(mo.statements().all()).anyMatch(e -> e.sql().startsWith("INSERT INTO lost_t VALUES (?), (?)")
                    && e.sql().length() > 5_000); // the 1,000-row statement did reach the server
        } finally {
            await(timed.close());
        }
    }

    @Test
    void connectionFailuresUnderLoadAreConnectionLostExceptions() {
        for (int round = 0; round < 5; round++) {
            mo.faults().dropAfter("'load" + round + "'");
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String tag = i == 7 ? "load" + round : "x" + i;
                sent.add(client.transaction(tx -> tx.execute("INSERT INTO lost_t VALUES (?)", tag)).toCompletableFuture());
                sent.add(client.query("SELECT ?", tag).toCompletableFuture());
            }
            for (CompletableFuture<?> f : sent) {
                try {
                    await(f);
                } catch (RuntimeException e) {
                    assertThat(e).as("every failure is classified").isInstanceOfAny(ConnectionLostException.class,
                            CommitStatusUnknownException.class);
                }
            }
        }
    }
}
