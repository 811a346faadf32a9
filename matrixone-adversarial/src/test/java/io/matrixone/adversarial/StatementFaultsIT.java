package io.matrixone.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.bulk.BulkInsert;
import io.matrixone.core.bulk.BulkMethod;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other half of the fault matrix: every statement API of both clients outside a transaction (query, execute,
 * batch, streams, bulk insert, a manager operation), its connection dropped before and after the statement runs.
 * Each fails with {@link ConnectionLostException} (whether the statement ran is unknown, as its javadoc says), leaves
 * the pool at zero and no transaction open, and the next call on the same client works.
 */
@ExtendWith(EmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementFaultsIT {
    private static final String TABLE = "adv_stmt_faults";

    /** One API call on one client. */
    private record Call(String name, Function<StatementFaultsIT, Object> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Emulator mo;
    private MatrixOneClient sync;
    private AsyncMatrixOneClient async;

    @BeforeAll
    void start(Emulator emulator) {
        mo = emulator;
        sync = MatrixOneClient.create(Servers.options(mo).maxPoolSize(2).build());
        async = AsyncMatrixOneClient.create(Servers.options(mo).maxPoolSize(4).build());
        sync.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (v VARCHAR(20))");
    }

    @AfterAll
    void stop() {
        sync.close();
        Waits.await(async.close());
    }

    @AfterEach
    void clear() {
        mo.faults().clear();
    }

    static Stream<Arguments> calls() {
        String insert = "INSERT INTO " + TABLE + " (v) VALUES (?)";
        String select = "SELECT COUNT(*) FROM " + TABLE + " WHERE v <> ?";
        List<List<?>> rows = List.of(List.of("a"), List.of("b"));
        List<Call> calls = List.of(
                new Call("sync query", t -> t.sync.query(select, "x")),
                new Call("sync execute", t -> t.sync.execute(insert, "x")),
                new Call("sync executeBatch", t -> t.sync.executeBatch(insert, rows)),
                new Call("sync stream", t -> t.sync.stream(select, List.of("x"), r -> { })),
                new Call("sync streamRows", t -> {
                    try (var s = t.sync.streamRows(select, "x")) {
                        return s.count();
                    }
                }),
                new Call("sync bulkInsert", t -> t.sync.bulkInsert(BulkInsert.into(TABLE).columns("v").rows(rows))),
                new Call("sync bulkInsert staged", t -> t.sync.bulkInsert(BulkInsert.into(TABLE).columns("v").rows(rows)
                        .method(BulkMethod.STAGED))),
                new Call("sync manager", t -> t.sync.snapshots().exists(TABLE)),
                new Call("async query", t -> Waits.await(t.async.query(select, "x"))),
                new Call("async execute", t -> Waits.await(t.async.execute(insert, "x"))),
                new Call("async executeBatch", t -> Waits.await(t.async.executeBatch(insert, rows))),
                new Call("async stream", t -> Waits.await(t.async.stream(select, List.of("x"), r -> { }))),
                new Call("async collect", t -> Waits.await(t.async.collect(select, List.of("x"), Collectors.counting()))),
                new Call("async bulkInsert", t -> Waits.await(t.async.bulkInsert(BulkInsert.into(TABLE).columns("v")
                        .rows(rows)))),
                new Call("async manager", t -> Waits.await(t.async.snapshots().exists(TABLE))));
        List<Arguments> out = new ArrayList<>();
        for (Call c : calls) {
            out.add(Arguments.of(c, true));
            out.add(Arguments.of(c, false));
        }
        return out.stream();
    }

    /**
     * A stream whose session is killed from another session while rows are still coming: the read fails with
     * ConnectionLostException, and the connection (whose driver still counts the result as streaming) never serves
     * another statement: the next transaction on a pool of one works.
     */
    @org.junit.jupiter.api.Test
    void aStreamKilledMidwayIsAConnectionLostAndItsConnectionIsNotReused() throws Exception {
        sync.execute("CREATE TABLE IF NOT EXISTS adv_long (v INT, pad VARCHAR(200))");
        if (sync.query("SELECT COUNT(*) FROM adv_long").scalarLong() == 0) {
            sync.execute("INSERT INTO adv_long SELECT seq, REPEAT('x', 200) FROM seq_1_to_200000"); // MariaDB's sequences
        }
        try (MatrixOneClient one = MatrixOneClient.create(Servers.options(mo).maxPoolSize(1).build())) {
            long session = one.query("SELECT CONNECTION_ID()").scalarLong();
            java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
            Throwable failure = null;
            try {
                one.stream("SELECT v, pad FROM adv_long", List.of(), row -> {
                    if (killed.compareAndSet(false, true)) {
                        kill(session);
                    }
                });
            } catch (RuntimeException e) {
                failure = e;
            }
            assertThat(failure).as("the stream's failure").isInstanceOf(ConnectionLostException.class);
            long next = one.transaction(tx -> tx.query("SELECT 1").scalarLong());
            assertThat(next).as("the next transaction on the pool of one").isEqualTo(1);
            assertThat(one.poolStats().active()).isZero();
        }
        long session = Waits.await(async.query("SELECT CONNECTION_ID()")).scalarLong();
        java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
        Throwable failure = Waits.failure(async.stream("SELECT v, pad FROM adv_long", List.of(), row -> {
            if (killed.compareAndSet(false, true)) {
                new Thread(() -> kill(-1)).start(); // never block the event loop: kill whichever session streams
            }
        }));
        assertThat(failure).as("the async stream's failure").isInstanceOf(ConnectionLostException.class);
        assertThat(Stacks.eventually(() -> async.poolStats().statementsInFlight() == 0, Duration.ofSeconds(10)))
                .isTrue();
        assertThat(session).isPositive();
    }

    /** KILL from another session: {@code session}, or (-1) the session that sent the last statement. */
    private void kill(long session) {
        long id = session;
        if (id < 0) {
            List<io.matrixone.emulator.StatementLog.Entry> all = mo.statements().all();
            id = all.get(all.size() - 1).sessionId();
        }
        try (var c = Servers.backend(mo); var st = c.createStatement()) {
            st.execute("KILL " + id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}, dropped before: {1}")
    @MethodSource("calls")
    void aDroppedConnectionIsAConnectionLostExceptionAndLeavesNothingBehind(Call call, boolean before) {
        // staged: at the INSERT ... SELECT from the stage, when the rows are loaded but not yet in the table
        String target = call.name().endsWith("manager") ? "mo_snapshots"
                : call.name().endsWith("staged") ? "FROM `mo_sdk_stage_" : TABLE;
        if (before) {
            mo.faults().dropBefore(target);
        } else {
            mo.faults().dropAfter(target);
        }
        Throwable failure = null;
        try {
            call.run().apply(this);
        } catch (RuntimeException e) {
            failure = Waits.unwrap(e);
        }
        assertThat(failure).as(call + " with its connection dropped").isInstanceOf(ConnectionLostException.class);
        assertThat(Stacks.eventually(() -> sync.poolStats().active() == 0
                && async.poolStats().transactionConnectionsInUse() == 0 && async.poolStats().statementsInFlight() == 0,
                Duration.ofSeconds(10))).as("pools back to zero").isTrue();
        assertThat(Stacks.eventually(() -> Servers.openTransactions(mo) == 0, Duration.ofSeconds(10)))
                .as("no transaction left open").isTrue();
        mo.faults().clear();
        call.run().apply(this); // the same call works again
    }
}
