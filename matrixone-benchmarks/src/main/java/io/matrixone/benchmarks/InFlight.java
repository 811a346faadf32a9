package io.matrixone.benchmarks;

import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.benchmarks.harness.PairResult;
import io.matrixone.benchmarks.harness.RoundRunner;
import io.matrixone.benchmarks.harness.Side;
import io.matrixone.benchmarks.harness.Stats;
import io.matrixone.client.MatrixOneClient;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * 64 point queries in flight at once, waited for together (the score counts queries), at the loopback's own
 * round trip and with 1 ms and 5 ms added by a {@link LatencyProxy}:
 * <ul>
 *   <li>the SDK's async client (pool {@value #POOL}) vs a raw Vert.x pool of {@value #POOL} connections without
 *       pipelining (what MatrixOne allows, docs/conformance.md F-01);</li>
 *   <li>the SDK's async client vs the SDK's sync client driven by 64 threads over a pool of {@value #POOL};</li>
 *   <li>for what pipelining would give where the server allows it (MariaDB only): the SDK's async client vs raw
 *       Vert.x on the same {@value #POOL} connections, pipelined;</li>
 *   <li>and the async client with a pool of 64 (a connection costs it a socket, not a thread) vs the sync pool.</li>
 * </ul>
 */
final class InFlight {
    static final int IN_FLIGHT = 64;
    static final int POOL = 8;

    private InFlight() {
    }

    /** The measured added round trip per RTT setting, microseconds (for the report). */
    static final java.util.Map<String, Double> MEASURED_RTT = new java.util.LinkedHashMap<>();

    static List<PairResult> run(Target base, Plan plan, RoundRunner runner, List<Duration> rtts) throws Exception {
        Users.create(base);
        List<PairResult> out = new ArrayList<>();
        double direct = pingMicros(base);
        for (Duration rtt : rtts) {
            Target t = rtt.isZero() ? base : base.withLatency(rtt);
            String at = rtt.isZero() ? "loopback" : rtt.toMillis() + "ms";
            try {
                MEASURED_RTT.put(base.kind + "@" + at, pingMicros(t) - (rtt.isZero() ? 0 : direct));
                out.addAll(runAt(t, at, plan, runner, base.kind.equals("mariadb")));
            } finally {
                if (!rtt.isZero()) {
                    t.close();
                }
            }
        }
        return out;
    }

    private static List<PairResult> runAt(Target t, String at, Plan plan, RoundRunner runner, boolean pipelining)
            throws Exception {
        List<PairResult> out = new ArrayList<>();
        Vertx vertx = Vertx.vertx();
        ExecutorService threads = Executors.newFixedThreadPool(IN_FLIGHT);
        Users.Ids ids = new Users.Ids();
        AsyncMatrixOneClient async = t.sdkAsync(POOL, vertx);
        AsyncMatrixOneClient async64 = t.sdkAsync(IN_FLIGHT, vertx);
        Pool pool = t.rawVertxPool(vertx, POOL);
        SqlClient pipelined = pipelining ? t.rawVertxPipelined(vertx, POOL) : null;
        try (MatrixOneClient sync = t.sdkClient(POOL)) {
            Side sdkAsync = Side.local("SDK async, pool " + POOL, () -> asyncRound(async, ids));
            Side rawVertx = Side.local("Vert.x pool " + POOL + ", no pipelining", () -> {
                CompletableFuture<?>[] all = new CompletableFuture<?>[IN_FLIGHT];
                for (int i = 0; i < IN_FLIGHT; i++) {
                    all[i] = pool.preparedQuery(Users.POINT_SQL).execute(Tuple.of(ids.next())).toCompletionStage()
                            .toCompletableFuture();
                }
                CompletableFuture.allOf(all).join();
                return IN_FLIGHT;
            });
            Side syncPool = Side.local("SDK sync, 64 threads, pool " + POOL, () -> {
                CompletableFuture<?>[] all = new CompletableFuture<?>[IN_FLIGHT];
                for (int i = 0; i < IN_FLIGHT; i++) {
                    long id = ids.next();
                    all[i] = CompletableFuture.supplyAsync(() -> sync.query(Users.POINT_SQL, id), threads);
                }
                CompletableFuture.allOf(all).join();
                return IN_FLIGHT;
            });
            out.add(runner.run("inflight-vertx@" + at, "64 in flight, " + at, sdkAsync, rawVertx, plan.timed(),
                    plan.timedRounds()));
            out.add(runner.run("inflight-sync@" + at, "64 in flight, " + at, sdkAsync, syncPool, plan.timed(),
                    plan.timedRounds()));
            if (pipelining) {
                Side piped = Side.local("Vert.x " + POOL + " connections, pipelined", () -> {
                    CompletableFuture<?>[] all = new CompletableFuture<?>[IN_FLIGHT];
                    for (int i = 0; i < IN_FLIGHT; i++) {
                        all[i] = pipelined.preparedQuery(Users.POINT_SQL).execute(Tuple.of(ids.next()))
                                .toCompletionStage().toCompletableFuture();
                    }
                    CompletableFuture.allOf(all).join();
                    return IN_FLIGHT;
                });
                out.add(runner.run("inflight-pipelined@" + at, "64 in flight, " + at, sdkAsync, piped, plan.timed(),
                        plan.timedRounds()));
            }
            Side sdkAsync64 = Side.local("SDK async, pool 64", () -> asyncRound(async64, ids));
            out.add(runner.run("inflight-async64@" + at, "64 in flight, " + at, sdkAsync64, syncPool, plan.timed(),
                    plan.timedRounds()));
        } finally {
            async.close().toCompletableFuture().join();
            async64.close().toCompletableFuture().join();
            pool.close().toCompletionStage().toCompletableFuture().join();
            if (pipelined != null) {
                pipelined.close().toCompletionStage().toCompletableFuture().join();
            }
            threads.shutdown();
            threads.awaitTermination(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        return out;
    }

    private static long asyncRound(AsyncMatrixOneClient client, Users.Ids ids) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            all[i] = client.query(Users.POINT_SQL, ids.next()).toCompletableFuture();
        }
        CompletableFuture.allOf(all).join();
        return IN_FLIGHT;
    }

    /** The median time of a {@code SELECT 1} round trip, microseconds. */
    static double pingMicros(Target t) throws Exception {
        try (Connection c = t.direct(new Properties()); Statement st = c.createStatement()) {
            double[] v = new double[300];
            for (int i = -50; i < v.length; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = st.executeQuery("SELECT 1")) {
                    rs.next();
                }
                if (i >= 0) {
                    v[i] = (System.nanoTime() - t0) / 1000.0;
                }
            }
            return Stats.median(v);
        }
    }
}
