package io.matrixone.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.Transaction;
import io.matrixone.core.dialect.Dialect;
import io.matrixone.core.dialect.Operation;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.internal.tx.SqlKind;
import io.matrixone.core.internal.tx.TransactionRules;
import io.matrixone.core.internal.tx.TransactionRules.Place;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One set of transaction cases run on both clients: for every kind of raw statement at every place (on the client,
 * inside a transaction, queued after commit), for operations, for joined handles and for failing after-commit steps,
 * the sync and the async client give the same outcome (the same exception type and message, or success) and send
 * the server the same statements. The expected refusal is what {@link TransactionRules} says: the clients only act on
 * the rules, so they cannot drift apart.
 */
@ExtendWith(EmulatorExtension.class)
class TransactionContractIT {

    /** A sample of every kind of raw SQL the rules tell apart; a new kind fails {@link #everyKindHasASample}. */
    private static final Map<String, SqlKind> SAMPLES = Map.ofEntries(
            Map.entry("SELECT 1 AS contract", SqlKind.ORDINARY),
            Map.entry("SET @contract = 1", SqlKind.SET),
            Map.entry("SAVEPOINT contract_sp", SqlKind.TRANSACTION_CONTROL),
            Map.entry("BEGIN", SqlKind.TRANSACTION_CONTROL),
            Map.entry("SHOW SNAPSHOTS", SqlKind.REFUSED_IN_TRANSACTION),
            Map.entry("SET ROLE contract_nobody", SqlKind.ADMINISTRATIVE),
            Map.entry("LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE contract_t", SqlKind.LOCAL_FILE));
    private static final String MULTI = "SELECT 1; SELECT 2";

    private static AsyncMatrixOneClient async;
    private static MatrixOneClient sync;
    private static Emulator server;

    @BeforeAll
    static void clients(Emulator mo) {
        server = mo;
        async = Clients.client(mo);
        sync = MatrixOneClient.create(Clients.options(mo).build());
        sync.execute("CREATE TABLE IF NOT EXISTS contract_t (id INT PRIMARY KEY, v VARCHAR(20))");
    }

    @AfterAll
    static void close() {
        if (sync != null) {
            sync.close();
        }
        if (async != null) {
            Clients.await(async.close());
        }
    }

    /** What a call ended with, comparable across the clients. */
    private record Outcome(String type, String message, int errorCode) {
        static Outcome ok() {
            return new Outcome("ok", null, 0);
        }

        static Outcome of(Throwable e) {
            Throwable t = e;
            while (t instanceof CompletionException && t.getCause() != null) {
                t = t.getCause();
            }
            // a server's own message may be worded by the driver; the SDK's are compared whole
            String message = t instanceof MatrixOneException m && m.errorCode() != 0 && !(m.getMessage() != null
                    && m.getMessage().contains("refused")) ? null : t.getMessage();
            return new Outcome(t.getClass().getName(), message, t instanceof MatrixOneException m ? m.errorCode() : 0);
        }
    }

    /** The two clients behind one blocking face, for comparing them; a failure is an {@link Outcome}. */
    private interface Side {
        Outcome onClient(String sql);

        /** Runs {@code body} in a transaction and commits it. */
        Outcome inTransaction(Function<TxFace, Object> body);
    }

    /** A transaction of either client, blocking. */
    private interface TxFace {
        void execute(String sql);

        void afterCommit(String sql);

        void run(Operation<?> op);

        void submit(Operation<?> op);

        /** Runs {@code inner} in a joined transaction; returns the joined handle's face. */
        TxFace joined(Function<TxFace, Object> inner);
    }

    private static final class SyncSide implements Side {
        @Override
        public Outcome onClient(String sql) {
            try {
                sync.execute(sql);
                return Outcome.ok();
            } catch (RuntimeException e) {
                return Outcome.of(e);
            }
        }

        @Override
        public Outcome inTransaction(Function<TxFace, Object> body) {
            try {
                sync.transaction(tx -> body.apply(face(tx)));
                return Outcome.ok();
            } catch (RuntimeException e) {
                return Outcome.of(e);
            }
        }

        private static TxFace face(Transaction tx) {
            return new TxFace() {
                @Override
                public void execute(String sql) {
                    tx.execute(sql);
                }

                @Override
                public void afterCommit(String sql) {
                    tx.afterCommit(sql);
                }

                @Override
                public void run(Operation<?> op) {
                    tx.run(op);
                }

                @Override
                public void submit(Operation<?> op) {
                    tx.submit(op);
                }

                @Override
                public TxFace joined(Function<TxFace, Object> inner) {
                    AtomicReference<TxFace> handle = new AtomicReference<>();
                    sync.transaction(nested -> {
                        handle.set(face(nested));
                        return inner.apply(handle.get());
                    });
                    return handle.get();
                }
            };
        }
    }

    private static final class AsyncSide implements Side {
        @Override
        public Outcome onClient(String sql) {
            try {
                Clients.await(async.execute(sql));
                return Outcome.ok();
            } catch (RuntimeException e) {
                return Outcome.of(e);
            }
        }

        @Override
        public Outcome inTransaction(Function<TxFace, Object> body) {
            // the body blocks on its own stages, so it runs off the transaction's context
            try {
                Clients.await(async.transaction(tx -> java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> body.apply(face(tx)))));
                return Outcome.ok();
            } catch (RuntimeException e) {
                return Outcome.of(e);
            }
        }

        private static <T> T join(CompletionStage<T> stage) {
            return stage.toCompletableFuture().join();
        }

        /** Throws when the stage already failed: a refusal, which the sync client throws from the call. */
        private static void refusedAtOnce(CompletionStage<?> stage) {
            if (stage instanceof io.matrixone.core.tx.AfterCommitStage) {
                return; // queued: it completes after COMMIT, and may not be waited for inside the transaction
            }
            java.util.concurrent.CompletableFuture<?> f = stage.toCompletableFuture();
            if (f.isCompletedExceptionally()) {
                f.join();
            }
        }

        private static TxFace face(AsyncTransaction tx) {
            return new TxFace() {
                @Override
                public void execute(String sql) {
                    join(tx.execute(sql));
                }

                @Override
                public void afterCommit(String sql) {
                    refusedAtOnce(tx.afterCommit(sql)); // a queued step completes after COMMIT: not waited for
                }

                @Override
                public void run(Operation<?> op) {
                    join(tx.run(op));
                }

                @Override
                public void submit(Operation<?> op) {
                    refusedAtOnce(tx.submit(op));
                }

                @Override
                public TxFace joined(Function<TxFace, Object> inner) {
                    AtomicReference<TxFace> handle = new AtomicReference<>();
                    join(tx.transaction(nested -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        handle.set(face(nested));
                        return inner.apply(handle.get());
                    })));
                    return handle.get();
                }
            };
        }
    }

    /**
     * Runs the case on one side and returns its outcome and the statements the server received meanwhile (against a
     * real MatrixOne, which keeps no statement log, the outcomes alone are compared).
     */
    private static List<Object> observe(Side side, Function<Side, Outcome> call) {
        server.statementsIfRecorded().ifPresent(log -> log.clear());
        Outcome outcome = call.apply(side);
        List<String> sent = new ArrayList<>();
        List<io.matrixone.emulator.StatementLog.Entry> entries = server.statementsIfRecorded()
                .map(log -> log.all()).orElse(List.of());
        for (var entry : entries) {
            String sql = entry.sql();
            if (entry.kind() == io.matrixone.emulator.StatementLog.Kind.PREPARE) {
                continue; // Vert.x prepares once per connection and caches; what counts is each execution
            }
            if (sql.contains("contract") || sql.contains("mo_catalog") || sql.matches(
                    "(?is)(BEGIN|COMMIT|ROLLBACK|CREATE|DROP|SHOW|SET|SAVEPOINT|LOAD)\\b.*")) {
                // the sync driver sends bound strings inline, Vert.x as parameters of a prepared statement
                sent.add(sql.replaceAll("'(?:[^'\\\\]|\\\\.|'')*'", "?"));
            }
        }
        return List.of(outcome, sent);
    }

    /** Runs the case on both clients, asserts they agree, and returns the (common) outcome. */
    private static Outcome sameOnBoth(Function<Side, Outcome> call, String what) {
        List<Object> s = observe(new SyncSide(), call);
        List<Object> a = observe(new AsyncSide(), call);
        assertThat(a.get(0)).as("outcome of %s: async vs sync", what).isEqualTo(s.get(0));
        assertThat(a.get(1)).as("statements sent for %s: async vs sync", what).isEqualTo(s.get(1));
        return (Outcome) s.get(0);
    }

    static Stream<Arguments> statements() {
        List<String> sqls = new ArrayList<>(SAMPLES.keySet());
        sqls.add(MULTI);
        List<Arguments> args = new ArrayList<>();
        for (String sql : sqls) {
            for (Place place : Place.values()) {
                args.add(Arguments.of(sql, place));
            }
        }
        return args.stream();
    }

    @Test
    void everyKindHasASample() {
        assertThat(EnumSet.copyOf(SAMPLES.values())).containsExactlyInAnyOrder(SqlKind.values());
        SAMPLES.forEach((sql, kind) -> assertThat(SqlKind.of(sql)).as(sql).isEqualTo(kind));
        assertThat(SqlKind.isMultiStatement(MULTI)).isTrue();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("statements")
    void rawStatementsGetTheSameAnswerFromBothClientsAndTheRules(String sql, Place place) {
        Function<Side, Outcome> call = switch (place) {
            case CLIENT -> side -> side.onClient(sql);
            case TRANSACTION -> side -> side.inTransaction(tx -> {
                tx.execute(sql);
                return null;
            });
            case AFTER_COMMIT -> side -> side.inTransaction(tx -> {
                tx.afterCommit(sql);
                return null;
            });
        };
        Outcome sync = sameOnBoth(call, place + " " + sql);
        var refusal = TransactionRules.refusal(sql, place);
        if (refusal != null) {
            assertThat(sync.type()).isEqualTo(refusal.getClass().getName());
            assertThat(sync.message()).isEqualTo(refusal.getMessage());
            long expected = place != Place.CLIENT && sql.equals("BEGIN") ? 1 : 0; // the transaction's own BEGIN
            server.statementsIfRecorded().ifPresent(log -> assertThat(log.sqls().stream().filter(s -> s.equals(sql))
                    .count()).as("a refused statement is never sent").isEqualTo(expected));
        }
    }

    @Test
    void operationsAreRunQueuedOrRefusedAlikeOnBoth() {
        String snap = "contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Dialect dialect = sync.dialect();
        Operation<?> create = dialect.snapshots().create(SnapshotSpec.database(snap, server.database()));
        sameOnBoth(side -> side.inTransaction(tx -> {
            tx.run(create); // MatrixOne refuses a snapshot inside a transaction: run() says so
            return null;
        }), "run(snapshot) in a transaction");
        for (String name : List.of(snap + "_s", snap + "_a")) {
            Side side = name.endsWith("_s") ? new SyncSide() : new AsyncSide();
            Operation<?> queued = dialect.snapshots().create(SnapshotSpec.database(name, server.database()));
            server.statementsIfRecorded().ifPresent(log -> log.clear());
            assertThat(side.inTransaction(tx -> {
                tx.submit(queued); // queued: it runs right after COMMIT
                return null;
            })).isEqualTo(Outcome.ok());
            assertThat(sync.snapshots().get(name)).as("the queued snapshot exists after commit").isPresent();
            server.statementsIfRecorded().ifPresent(log -> {
                List<String> sent = log.sqls();
                int commit = sent.indexOf("COMMIT");
                assertThat(commit).as("COMMIT sent").isNotNegative();
                assertThat(sent.subList(commit, sent.size())).anyMatch(s -> s.startsWith("CREATE SNAPSHOT `" + name + "`"));
            });
            sync.snapshots().drop(name);
        }
    }

    @Test
    void aJoinedHandleCannotOutliveItsBodyOnEitherClient() {
        sameOnBoth(side -> side.inTransaction(tx -> {
            TxFace joined = tx.joined(inner -> {
                inner.execute("SELECT 1 AS contract_inner");
                return null;
            });
            joined.execute("SELECT 2 AS contract_after"); // the nested body has ended
            return null;
        }), "a joined handle used after its body");
    }

    @Test
    void aFailingAfterCommitStepUndoesTheStepsBeforeItAlikeOnBoth() {
        String first = "contract_first";
        sync.snapshots().dropIfExists(first);
        Outcome outcome = sameOnBoth(side -> {
            Outcome o = side.inTransaction(tx -> {
                tx.submit(sync.dialect().snapshots().create(SnapshotSpec.database(first, server.database())));
                tx.afterCommit("DROP SNAPSHOT contract_never_there"); // fails after the first step ran
                return null;
            });
            boolean firstLeft = sync.snapshots().get(first).isPresent();
            sync.snapshots().dropIfExists(first);
            return new Outcome(o.type(), firstLeft ? "first step left behind" : "first step undone", o.errorCode());
        }, "an after-commit step failing after another");
        assertThat(outcome.type()).isEqualTo(io.matrixone.core.error.AfterCommitStepException.class.getName());
        assertThat(outcome.message()).isEqualTo("first step undone");
    }

    @Test
    void theSamplesCoverEveryPlace() {
        assertThat(Set.copyOf(Arrays.asList(Place.values()))).hasSize(3);
        assertThat(statements().count()).isEqualTo((SAMPLES.size() + 1) * 3L);
    }
}
