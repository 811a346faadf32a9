package io.matrixone.benchmarks;

import io.matrixone.core.result.Row;
import io.vertx.sqlclient.Tuple;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * One point query by primary key at a time from one thread, reading the row's three columns (table
 * {@link Users}, made by the runner): the SDK's sync client vs Connector/J on HikariCP (pool 4 each, the SDK's
 * driver properties on both); the SDK's async client vs a raw Vert.x pool (4 connections, no pipelining, as the
 * SDK). The server is the runner's ({@link Target#fromProperty}).
 *
 * <p>The pattern of every benchmark class here: the clients as {@code @State}s (opened in {@code @Setup}, closed in
 * {@code @TearDown}; the common ones in {@link ClientStates}), one {@code @Benchmark} method per side, the pair
 * named in {@code RunBenchmarks}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PointQueryBenchmark {
    @Benchmark
    public void sdkSync(ClientStates.Sdk s, Users.Ids ids, Blackhole bh) {
        Row row = s.client.query(Users.POINT_SQL, ids.next()).rows().get(0);
        bh.consume(row.getLong(0));
        bh.consume(row.getString(1));
        bh.consume(row.getString(2));
    }

    @Benchmark
    public void rawJdbc(ClientStates.Jdbc s, Users.Ids ids, Blackhole bh) throws SQLException {
        try (Connection c = s.pool.getConnection(); PreparedStatement ps = c.prepareStatement(Users.POINT_SQL)) {
            ps.setLong(1, ids.next());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                bh.consume(rs.getLong(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getString(3));
            }
        }
    }

    @Benchmark
    public void sdkAsync(ClientStates.SdkAsync s, Users.Ids ids, Blackhole bh) {
        Row row = s.client.query(Users.POINT_SQL, ids.next()).toCompletableFuture().join().rows().get(0);
        bh.consume(row.getLong(0));
        bh.consume(row.getString(1));
        bh.consume(row.getString(2));
    }

    @Benchmark
    public void rawVertx(ClientStates.VertxPool s, Users.Ids ids, Blackhole bh) {
        io.vertx.sqlclient.Row row = Target.await(s.pool.preparedQuery(Users.POINT_SQL).execute(Tuple.of(ids.next())))
                .iterator().next();
        bh.consume(row.getLong(0));
        bh.consume(row.getString(1));
        bh.consume(row.getString(2));
    }
}
