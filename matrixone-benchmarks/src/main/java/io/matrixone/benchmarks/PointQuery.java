package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.benchmarks.harness.PairResult;
import io.matrixone.benchmarks.harness.RoundRunner;
import io.matrixone.benchmarks.harness.Side;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * One point query by primary key, one at a time from one thread, reading the row's three columns: the SDK's sync
 * client vs Connector/J + HikariCP (pool 4 each), the SDK's async client vs a raw Vert.x pool (4 connections, no
 * pipelining, as the SDK).
 */
final class PointQuery {
    private PointQuery() {
    }

    static List<PairResult> run(Target t, Plan plan, RoundRunner runner) throws Exception {
        Users.create(t);
        List<PairResult> out = new ArrayList<>();
        Vertx vertx = Vertx.vertx();
        try (MatrixOneClient sdk = t.sdkClient(4); HikariDataSource hikari = t.rawHikari(4)) {
            Users.Ids ids = new Users.Ids();
            Sink sink = new Sink();
            Side sdkSide = Side.local("SDK sync", () -> {
                Result r = sdk.query(Users.POINT_SQL, ids.next());
                Row row = r.rows().get(0);
                sink.take(row.getLong(0), row.getString(1), row.getString(2));
                return 1;
            });
            Side rawSide = Side.local("Connector/J + HikariCP", () -> {
                try (Connection c = hikari.getConnection(); PreparedStatement ps = c.prepareStatement(Users.POINT_SQL)) {
                    ps.setLong(1, ids.next());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        sink.take(rs.getLong(1), rs.getString(2), rs.getString(3));
                    }
                }
                return 1;
            });
            out.add(runner.run("point-sync", "Point query by PK, sync", sdkSide, rawSide, plan.timed(), plan.timedRounds()));

            AsyncMatrixOneClient async = t.sdkAsync(4, vertx);
            Pool pool = t.rawVertxPool(vertx, 4);
            try {
                Side asyncSide = Side.local("SDK async", () -> {
                    Result r = async.query(Users.POINT_SQL, ids.next()).toCompletableFuture().join();
                    Row row = r.rows().get(0);
                    sink.take(row.getLong(0), row.getString(1), row.getString(2));
                    return 1;
                });
                Side vertxSide = Side.local("Vert.x pool", () -> {
                    RowSet<io.vertx.sqlclient.Row> rows = pool.preparedQuery(Users.POINT_SQL).execute(Tuple.of(ids.next()))
                            .toCompletionStage().toCompletableFuture().join();
                    io.vertx.sqlclient.Row row = rows.iterator().next();
                    sink.take(row.getLong(0), row.getString(1), row.getString(2));
                    return 1;
                });
                out.add(runner.run("point-async", "Point query by PK, async", asyncSide, vertxSide, plan.timed(),
                        plan.timedRounds()));
            } finally {
                async.close().toCompletableFuture().join();
                pool.close().toCompletionStage().toCompletableFuture().join();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        return out;
    }

    /** Keeps what a side read so the JIT cannot drop the reads. */
    static final class Sink {
        private long h;

        void take(Long id, String a, String b) {
            h += id + a.length() + b.length();
        }

        void take(long v) {
            h += v;
        }

        long value() {
            return h;
        }
    }
}
