package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.result.Result;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One point query by primary key ({@code SELECT id, name, email FROM bench_users WHERE id = ?}), one thread, one
 * request at a time: the SDK's sync client vs Connector/J + HikariCP, the SDK's async client vs the raw Vert.x
 * client, each reading the three columns of the row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PointQueryBenchmark {
    static final String SQL = "SELECT id, name, email FROM " + Servers.USERS + " WHERE id = ?";

    @Param({"mariadb", "emulator"})
    public String target;

    private Servers servers;
    private MatrixOneClient sdk;
    private HikariDataSource hikari;
    private Vertx vertx;
    private AsyncMatrixOneClient sdkAsync;
    private SqlClient vertxClient;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        servers = Servers.start(target);
        servers.createUsers();
        sdk = servers.sdkClient(4);
        hikari = servers.rawHikari(4);
        vertx = Vertx.vertx();
        sdkAsync = servers.sdkAsync(4, vertx); // one shared pipelined connection (maxPoolSize / 4)
        vertxClient = servers.rawVertx(vertx, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sdkAsync.close();
        vertxClient.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        hikari.close();
        sdk.close();
        servers.close();
    }

    private long id() {
        long id = next++ % Servers.USER_ROWS + 1;
        return id;
    }

    @Benchmark
    public void sdkSync(Blackhole bh) {
        Result r = sdk.query(SQL, id());
        var row = r.rows().get(0);
        bh.consume(row.getLong(0));
        bh.consume(row.getString(1));
        bh.consume(row.getString(2));
    }

    @Benchmark
    public void rawJdbc(Blackhole bh) throws SQLException {
        try (Connection c = hikari.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setLong(1, id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                bh.consume(rs.getLong(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getString(3));
            }
        }
    }

    @Benchmark
    public void sdkAsync(Blackhole bh) {
        Result r = sdkAsync.query(SQL, id()).toCompletableFuture().join();
        var row = r.rows().get(0);
        bh.consume(row.getLong(0));
        bh.consume(row.getString(1));
        bh.consume(row.getString(2));
    }

    @Benchmark
    public void rawVertx(Blackhole bh) {
        RowSet<io.vertx.sqlclient.Row> rows = vertxClient.preparedQuery(SQL).execute(Tuple.of(id()))
                .toCompletionStage().toCompletableFuture().join();
        io.vertx.sqlclient.Row row = rows.iterator().next();
        bh.consume(row.getLong(0));
        bh.consume(row.getString(1));
        bh.consume(row.getString(2));
    }
}
