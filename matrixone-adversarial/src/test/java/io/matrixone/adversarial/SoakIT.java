package io.matrixone.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.error.AfterCommitStepException;
import io.matrixone.core.error.CommitStatusUnknownException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.Faults;
import io.matrixone.emulator.StatementLog;
import io.matrixone.emulator.backend.MariaDbServer;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.vertx.core.Vertx;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bounded soak: both clients under load for {@code soak.duration} (25 s in every build, 3 min with {@code -Psoak})
 * while a chaos thread injects random faults into the emulator: connections dropped before or after statements of
 * every kind, retryable conflicts, commit-status-unknown errors, latency past the query timeout, local-file requests
 * from a hostile server, KILL from another session, and server restarts. Asserted at the end:
 * <ul>
 *   <li>no hang: every operation completed within {@link #OPERATION_LIMIT};</li>
 *   <li>every error classified: no plain {@link MatrixOneException} and nothing that is not one;</li>
 *   <li>no file read: the clients sent 0 bytes for every local-file request;</li>
 *   <li>every outcome true: a committed transaction's row is there exactly once, one reported not committed is not,
 *       and only an unknown outcome may be either;</li>
 *   <li>no leak: both pools back to zero, nothing in flight, no transaction open on the server.</li>
 * </ul>
 */
@ExtendWith(EmulatorExtension.class)
class SoakIT {
    static final Duration OPERATION_LIMIT = Duration.ofSeconds(30);
    private static final String DB = "adv_soak";
    private static final int SYNC_WORKERS = 4;
    private static final int ASYNC_WORKERS = 3;
    private static final int ASYNC_CONCURRENCY = 4;

    /** What a transaction's caller was told. */
    private enum Told { COMMITTED, NOT_COMMITTED, UNKNOWN }

    private final Figures figures = new Figures("soak");
    private final Map<String, Told> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> unclassified = new ConcurrentHashMap<>();
    private final AtomicLong tags = new AtomicLong();
    private volatile Emulator mo;
    private volatile long fileBytes;

    @Test
    void bothClientsSurviveRandomFaultsWithoutHangsLeaksOrUnclassifiedErrors(MariaDbServer backend) throws Exception {
        Duration duration = Duration.parse(System.getProperty("soak.duration", "PT25S"));
        mo = Emulator.builder().backend(backend).build().start();
        int port = mo.port();
        try (MatrixOneClient admin = MatrixOneClient.create(Servers.options(mo).maxPoolSize(1).build())) {
            admin.execute("CREATE DATABASE IF NOT EXISTS " + DB);
            admin.execute("CREATE TABLE IF NOT EXISTS " + DB + ".soak_rows (tag VARCHAR(40) NOT NULL, k VARCHAR(8))");
            admin.execute("CREATE TABLE IF NOT EXISTS " + DB + ".soak_small (v INT)");
            admin.execute("INSERT INTO " + DB + ".soak_small VALUES (1), (2), (3)");
        }
        ClientOptions options = Servers.options(mo).database(DB).maxPoolSize(6)
                .queryTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(2))
                .acquireTimeout(Duration.ofSeconds(5)).build();
        Vertx vertx = Vertx.vertx();
        MatrixOneClient sync = MatrixOneClient.create(options);
        AsyncMatrixOneClient async = AsyncMatrixOneClient.create(options, vertx);
        ExecutorService workers = Executors.newFixedThreadPool(SYNC_WORKERS + ASYNC_WORKERS + 1);
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int i = 0; i < SYNC_WORKERS; i++) {
                long seed = 1000 + i;
                running.add(workers.submit(() -> syncWorker(sync, new Random(seed), deadline)));
            }
            for (int i = 0; i < ASYNC_WORKERS; i++) {
                long seed = 2000 + i;
                running.add(workers.submit(() -> asyncWorker(async, new Random(seed), deadline)));
            }
            running.add(workers.submit(() -> chaos(backend, port, new Random(3000), deadline)));
            for (java.util.concurrent.Future<?> f : running) {
                try {
                    f.get(duration.plus(OPERATION_LIMIT).plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    figures.add("hangs");
                    figures.note("a worker did not finish: " + threadDump());
                }
            }
            mo.faults().clear();
            settle(sync, async);
        } finally {
            workers.shutdownNow();
            try {
                figures.write();
                sync.close();
                Waits.await(async.close());
                Waits.await(vertx.close().toCompletionStage());
            } finally {
                mo.close();
            }
        }
        assertThat(figures.get("hangs")).as("hangs").isZero();
        assertThat(unclassified).as("unclassified errors (first of each kind)").isEmpty();
        assertThat(fileBytes).as("bytes of local files the clients sent").isZero();
        assertThat(figures.get("wrong outcomes")).as("transactions whose outcome was not what the caller was told")
                .isZero();
        assertThat(figures.get("leaks")).as("leaks").isZero();
        assertThat(figures.get("operations")).as("operations").isPositive();
        assertThat(figures.get("faults injected")).as("faults injected").isPositive();
    }

    // ------------------------------------------------------------------ workers

    private void syncWorker(MatrixOneClient client, Random random, long deadline) {
        while (System.nanoTime() < deadline) {
            int pick = random.nextInt(10);
            String tag = "s" + tags.incrementAndGet();
            long start = System.nanoTime();
            try {
                if (pick < 5) {
                    boolean snapshot = random.nextInt(8) == 0;
                    try {
                        client.transaction(tx -> {
                            tx.execute("INSERT INTO soak_rows (tag, k) VALUES (?, 'sync')", tag);
                            tx.query("SELECT COUNT(*) FROM soak_rows WHERE tag = ?", tag).scalarLong();
                            if (snapshot) {
                                tx.snapshots().create(SnapshotSpec.table("soak_" + tag, DB, "soak_small"));
                            }
                            return null;
                        });
                        outcomes.put(tag, Told.COMMITTED);
                    } catch (RuntimeException e) {
                        outcomes.put(tag, told(e));
                        throw e;
                    }
                } else if (pick < 7) {
                    client.query("SELECT COUNT(*) FROM soak_small WHERE v > ?", random.nextInt(3)).scalarLong();
                } else if (pick < 8) {
                    client.executeBatch("INSERT INTO soak_rows (tag, k) VALUES (?, 'batch')",
                            List.of(List.of("b" + tag), List.of("b" + tag)));
                } else if (pick < 9) {
                    client.snapshots().exists("soak_none");
                } else {
                    try (var rows = client.streamRows("SELECT v FROM soak_small")) {
                        rows.count();
                    }
                }
                figures.add("operations succeeded");
                figures.add("sync operations succeeded");
            } catch (RuntimeException e) {
                failed("sync", e);
                sleep(10); // as an application would: while the server restarts, a connection is refused at once
            } finally {
                figures.add("operations");
                figures.add("sync operations");
                overLimit(start);
            }
        }
    }

    private void asyncWorker(AsyncMatrixOneClient client, Random random, long deadline) {
        while (System.nanoTime() < deadline) {
            List<CompletableFuture<?>> batch = new ArrayList<>();
            long start = System.nanoTime();
            boolean failures = false;
            for (int i = 0; i < ASYNC_CONCURRENCY; i++) {
                batch.add(asyncOperation(client, random).toCompletableFuture());
            }
            for (CompletableFuture<?> f : batch) {
                try {
                    Waits.await(f, OPERATION_LIMIT);
                    figures.add("operations succeeded");
                    figures.add("async operations succeeded");
                } catch (Waits.Hang hang) {
                    figures.add("hangs");
                    figures.note("an async operation never completed");
                } catch (RuntimeException e) {
                    failed("async", e);
                    failures = true;
                } finally {
                    figures.add("operations");
                    figures.add("async operations");
                }
            }
            overLimit(start);
            if (failures) {
                sleep(10);
            }
        }
    }

    private CompletionStage<?> asyncOperation(AsyncMatrixOneClient client, Random random) {
        int pick = random.nextInt(10);
        String tag = "a" + tags.incrementAndGet();
        try {
            if (pick < 5) {
                boolean snapshot = random.nextInt(8) == 0;
                return client.transaction(tx -> tx.execute("INSERT INTO soak_rows (tag, k) VALUES (?, 'async')", tag)
                                .thenCompose(r -> tx.query("SELECT COUNT(*) FROM soak_rows WHERE tag = ?", tag))
                                .thenApply(r -> {
                                    if (snapshot) {
                                        tx.snapshots().create(SnapshotSpec.table("soak_" + tag, DB, "soak_small"));
                                    }
                                    return r.scalarLong();
                                }))
                        .whenComplete((v, e) -> outcomes.put(tag, e == null ? Told.COMMITTED : told(Waits.unwrap(e))));
            } else if (pick < 7) {
                return client.query("SELECT COUNT(*) FROM soak_small WHERE v > ?", random.nextInt(3));
            } else if (pick < 8) {
                return client.executeBatch("INSERT INTO soak_rows (tag, k) VALUES (?, 'batch')",
                        List.of(List.of("b" + tag), List.of("b" + tag)));
            } else if (pick < 9) {
                return client.snapshots().exists("soak_none");
            } else {
                return client.stream("SELECT v FROM soak_small", List.of(), row -> { });
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // a throw instead of a failed stage: classified like one
        }
    }

    /** What a transaction's failure tells its caller about the commit. */
    private static Told told(Throwable e) {
        if (e instanceof CommitStatusUnknownException) {
            return Told.UNKNOWN;
        }
        if (e instanceof AfterCommitStepException) {
            return Told.COMMITTED;
        }
        return Told.NOT_COMMITTED;
    }

    private void failed(String client, Throwable thrown) {
        Throwable e = Waits.unwrap(thrown);
        figures.add("errors");
        figures.add("errors: " + e.getClass().getSimpleName());
        figures.add(client + " errors");
        figures.add(client + " errors: " + e.getClass().getSimpleName());
        if (e instanceof Waits.Hang) {
            figures.add("hangs");
        } else if (!(e instanceof MatrixOneException) || e.getClass() == MatrixOneException.class) {
            figures.add("unclassified errors");
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            unclassified.putIfAbsent(client + " " + e.getClass().getName() + ": " + firstWords(e.getMessage()),
                    trace.toString());
        }
    }

    private static String firstWords(String message) {
        String m = String.valueOf(message);
        return m.length() > 60 ? m.substring(0, 60) : m;
    }

    private void overLimit(long start) {
        if (System.nanoTime() - start > OPERATION_LIMIT.toNanos()) {
            figures.add("hangs");
        }
    }

    // ------------------------------------------------------------------ chaos

    /** One random fault every 50-250 ms; the rules of the previous fault are cleared first. */
    private void chaos(MariaDbServer backend, int port, Random random, long deadline) {
        long nextRestart = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < deadline) {
            sleep(50 + random.nextInt(200));
            Faults faults = mo.faults();
            collectFileRequests(faults);
            faults.clear();
            figures.add("faults injected");
            String target = switch (random.nextInt(7)) {
                case 0 -> "^BEGIN";
                case 1 -> "^COMMIT";
                case 2 -> "INSERT INTO soak_rows";
                case 3 -> "SELECT COUNT";
                case 4 -> "^CREATE SNAPSHOT";
                case 5 -> "soak_small";
                default -> "mo_snapshots";
            };
            // Errors and file requests go to statements both clients send as text: injected into the execution of a
            // statement Vert.x prepared, the emulator answers without MariaDB seeing the parameter types, and the next
            // execution of that cached statement then fails with MariaDB's 1210 (an emulator artifact, not a server's)
            String text = switch (random.nextInt(4)) {
                case 0 -> "^BEGIN";
                case 1 -> "^COMMIT";
                case 2 -> "^CREATE SNAPSHOT";
                default -> "^SELECT v FROM soak_small$";
            };
            switch (random.nextInt(9)) {
                case 0, 1 -> {
                    faults.dropBefore(target);
                    figures.add("faults: drop before");
                }
                case 2, 3 -> {
                    faults.dropAfter(target);
                    figures.add("faults: drop after");
                }
                case 4 -> {
                    faults.failNext(text, 20619, "w-w conflict", 1 + random.nextInt(3));
                    figures.add("faults: retryable conflict");
                }
                case 5 -> {
                    faults.failNext("^COMMIT", 20638, "txn commit status is unknown");
                    figures.add("faults: commit status unknown");
                }
                case 6 -> {
                    faults.latency(target, Duration.ofMillis(2500));
                    figures.add("faults: latency past the query timeout");
                }
                case 7 -> {
                    faults.requestLocalFile(text, random.nextBoolean() ? "/etc/passwd" : "/proc/self/environ");
                    figures.add("faults: local-file request");
                }
                default -> {
                    if (killSomeSession(random)) {
                        figures.add("faults: KILL from another session");
                    }
                }
            }
            if (System.nanoTime() > nextRestart) {
                collectFileRequests(mo.faults());
                mo.close();
                mo = Emulator.builder().port(port).backend(backend).build().start();
                figures.add("faults: server restart");
                nextRestart = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            }
        }
        collectFileRequests(mo.faults());
    }

    private void collectFileRequests(Faults faults) {
        for (Faults.LocalFileRequest r : faults.localFileRequests()) {
            fileBytes += r.bytesReceived();
            figures.add("local-file requests answered");
        }
    }

    /** KILL, from another session, the session of a statement seen lately. */
    private boolean killSomeSession(Random random) {
        List<StatementLog.Entry> recent = mo.statements().all();
        mo.statements().clear();
        if (recent.isEmpty()) {
            return false;
        }
        long session = recent.get(recent.size() - 1 - random.nextInt(Math.min(20, recent.size()))).sessionId();
        try (Connection c = Servers.backend(mo); Statement st = c.createStatement()) {
            st.execute("KILL " + session);
            return true;
        } catch (java.sql.SQLException e) {
            return false; // that session is gone already
        }
    }

    // ------------------------------------------------------------------ the end

    /** Waits for the clients to drain, then checks leaks and that every outcome was what the caller was told. */
    private void settle(MatrixOneClient sync, AsyncMatrixOneClient async) throws Exception {
        boolean idle = Stacks.eventually(() -> sync.poolStats().active() == 0
                && async.poolStats().transactionConnectionsInUse() == 0 && async.poolStats().statementsInFlight() == 0,
                Duration.ofSeconds(20));
        if (!idle) {
            figures.add("leaks");
            figures.note("pools not back to zero: sync " + sync.poolStats() + ", async " + async.poolStats());
        }
        if (!Stacks.eventually(() -> Servers.openTransactions(mo) == 0, Duration.ofSeconds(20))) {
            figures.add("leaks");
            figures.note("transactions left open on the server: " + Servers.openTransactions(mo));
        }
        // both clients still work
        retryOnce(() -> sync.transaction(tx -> tx.execute("INSERT INTO soak_rows (tag, k) VALUES ('final', 's')")));
        retryOnce(() -> Waits.await(async.transaction(tx -> tx.execute("INSERT INTO soak_rows (tag, k) VALUES "
                + "('final', 'a')"))));
        Map<String, Long> rows = new HashMap<>();
        try (Connection c = Servers.backend(mo); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tag, COUNT(*) FROM " + DB + ".soak_rows GROUP BY tag")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        outcomes.forEach((tag, told) -> {
            long n = rows.getOrDefault(tag, 0L);
            boolean right = switch (told) {
                case COMMITTED -> n == 1;
                case NOT_COMMITTED -> n == 0;
                case UNKNOWN -> n <= 1;
            };
            figures.add("transactions: " + told.name().toLowerCase().replace('_', ' '));
            if (!right) {
                figures.add("wrong outcomes");
                figures.note("transaction " + tag + " told " + told + ", rows on the server: " + n);
            }
        });
        figures.put("unclassified errors", unclassified.size());
        figures.put("bytes of local files sent", fileBytes);
        figures.put("hangs", figures.get("hangs"));
        figures.put("wrong outcomes", figures.get("wrong outcomes"));
        figures.put("leaks", figures.get("leaks"));
        unclassified.forEach((k, v) -> System.out.println("UNCLASSIFIED " + v));
        unclassified.forEach((k, v) -> figures.note("unclassified: " + k));
    }

    /** The first statement after the last restart may meet a pooled connection that died with it. */
    private static void retryOnce(Supplier<?> work) {
        try {
            work.get();
        } catch (io.matrixone.core.error.ConnectionLostException e) {
            work.get();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String threadDump() {
        StringBuilder sb = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("pool-")) {
                sb.append(t.getName()).append(": ");
                for (int i = 0; i < Math.min(8, stack.length); i++) {
                    sb.append(stack[i]).append(" <- ");
                }
                sb.append('\n');
            }
        });
        return sb.toString();
    }
}
