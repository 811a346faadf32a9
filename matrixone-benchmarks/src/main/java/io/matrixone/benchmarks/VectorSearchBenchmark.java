package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.config.ConnectionOptions;
import io.matrixone.core.model.VectorIndexSpec;
import io.matrixone.core.result.Row;
import io.matrixone.core.search.DistanceMetric;
import io.matrixone.core.search.VectorQuery;
import io.matrixone.core.search.VectorText;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

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
 * Top-10 vector search ({@code ORDER BY l2_distance(v, ?) LIMIT 10}) over {@code rows} vectors of dimension 128,
 * one thread, one query at a time: the SDK's {@code search().nearest} (sync and async) against the same SELECT on
 * Connector/J + HikariCP and on the raw Vert.x client, in one run.
 *
 * <p>{@code target=emulator} starts the emulator (exact search by stored functions: keep {@code rows} to a few
 * thousand); {@code target=real} uses the MatrixOne at {@code MATRIXONE_URL} (for example
 * {@code -p target=real -p rows=100000 -p index=hnsw}), in a database of its own that it drops afterwards. With an
 * index ({@code ivfflat} or {@code hnsw}) the set-up also measures the index's recall@10 against the exact answer
 * computed here for 50 queries and prints it (recall is not a speed; JMH reports only the speeds); {@code probes} sets
 * {@code probe_limit}, the IVF recall/speed knob.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VectorSearchBenchmark {
    static final int DIM = 128;
    static final int K = 10;
    static final int QUERIES = 64;
    static final String TABLE = "bench_vectors";

    @Param({"emulator"})
    public String target;

    @Param({"2000"})
    public int rows;

    @Param({"none"})
    public String index;

    /** MatrixOne's {@code probe_limit}: how many IVF lists a search reads (MatrixOne's default 5). */
    @Param({"5"})
    public int probes;

    /** The emulator or MariaDB this trial started (null against a real server), and the MariaDB behind it. */
    private Target server;
    private Target mariaDb;
    private String database;
    private ConnectionOptions connection;
    private MatrixOneClient sdk;
    private HikariDataSource hikari;
    private Vertx vertx;
    private AsyncMatrixOneClient sdkAsync;
    private SqlClient vertxClient;
    private float[][] vectors;
    private float[][] queries;
    private String sql;
    private int next;

    /** The vector of row {@code id} (or of query {@code -id}): uniform in [-1, 1), fixed per id. */
    static float[] vector(long id) {
        SplittableRandom r = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    @Setup(Level.Trial)
    public void setUp() {
        ClientOptions options;
        if (target.equals("real")) {
            String url = System.getenv("MATRIXONE_URL");
            if (url == null) {
                throw new IllegalStateException("target=real needs MATRIXONE_URL");
            }
            database = "bench_vec_" + Long.toHexString(System.nanoTime());
            try (MatrixOneClient admin = MatrixOneClient.create(ClientOptions.fromUrl(url))) {
                admin.execute("CREATE DATABASE " + database);
            }
            options = ClientOptions.fromUrl(url).toBuilder().database(database).maxPoolSize(4).minIdle(4)
                    .sessionVariables(Map.of("experimental_hnsw_index", 1, "probe_limit", probes)).build();
        } else {
            mariaDb = Target.mariaDb();
            server = target.equals("emulator") ? mariaDb.emulator() : mariaDb;
            database = Target.DB;
            options = server.sdkOptions(4).build();
        }
        connection = options.connection();
        sdk = MatrixOneClient.create(options);
        vertx = Vertx.vertx();
        sdkAsync = AsyncMatrixOneClient.create(options, vertx);
        hikari = rawHikari();
        vertxClient = rawVertx();
        load();
        queries = new float[QUERIES][];
        for (int q = 0; q < QUERIES; q++) {
            queries[q] = vector(-1 - q);
        }
        sql = sdk.dialect().search().nearestStatement(query(0)).sql(); // the raw clients run the SDK's very SELECT
        if (!index.equals("none")) {
            System.out.printf(Locale.ROOT, "%n[vector-recall] %s rows=%d dim=%d %s probe_limit=%d recall@%d = %.3f%n",
                    target, rows, DIM, index, probes, K, recall(50));
        }
    }

    private void load() {
        sdk.execute("DROP TABLE IF EXISTS " + TABLE);
        sdk.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, v vecf32(" + DIM + "))");
        vectors = new float[rows][];
        List<List<?>> batch = new ArrayList<>();
        for (int id = 1; id <= rows; id++) {
            vectors[id - 1] = vector(id);
            batch.add(List.of((long) id, vectors[id - 1]));
            if (batch.size() == 1000 || id == rows) {
                sdk.executeBatch("INSERT INTO " + TABLE + " VALUES (?, ?)", batch);
                batch.clear();
            }
        }
        // an IVF index is built from the rows present: create it after loading
        switch (index) {
            case "none" -> { }
            case "ivfflat" -> sdk.indexes().create(VectorIndexSpec.ivfFlat("idx_v", TABLE, "v")
                    .lists(Math.max(1, (int) Math.sqrt(rows))));
            case "hnsw" -> sdk.indexes().create(VectorIndexSpec.hnsw("idx_v", TABLE, "v").m(16).efConstruction(64)
                    .efSearch(64));
            default -> throw new IllegalArgumentException("index " + index);
        }
    }

    private VectorQuery query(int q) {
        return VectorQuery.of(TABLE, "v", queries[q]).select("id").limit(K);
    }

    /** recall@K of the server's answers against the exact nearest rows computed here. */
    private double recall(int n) {
        int found = 0;
        for (int q = 0; q < n; q++) {
            float[] query = vector(-1000 - q);
            List<Integer> exact = IntStream.range(0, rows).boxed()
                    .sorted(Comparator.comparingDouble(i -> DistanceMetric.L2.between(vectors[i], query))).limit(K)
                    .toList();
            Set<Long> got = new HashSet<>();
            for (Row r : sdk.search().nearest(VectorQuery.of(TABLE, "v", query).select("id").limit(K), Row.class)) {
                got.add(r.getLong("id"));
            }
            for (int i : exact) {
                found += got.contains((long) i + 1) ? 1 : 0;
            }
        }
        return found / (double) (n * K);
    }

    private String sessionSql() {
        return "SET probe_limit = " + probes + ", experimental_hnsw_index = 1";
    }

    private HikariDataSource rawHikari() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:mysql://" + connection.host() + ":" + connection.port() + "/" + database);
        config.setUsername(connection.loginName());
        config.setPassword(connection.password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        config.addDataSourceProperty("sslMode", "DISABLED");
        config.addDataSourceProperty("useLocalSessionState", "true");
        config.setRegisterMbeans(false);
        if (target.equals("real")) { // the session the SDK's connections get from sessionVariables
            config.setConnectionInitSql(sessionSql());
        }
        return new HikariDataSource(config);
    }

    private SqlClient rawVertx() {
        MySQLConnectOptions o = new MySQLConnectOptions().setHost(connection.host()).setPort(connection.port())
                .setUser(connection.loginName()).setPassword(connection.password()).setDatabase(database)
                .setCachePreparedStatements(true);
        var builder = MySQLBuilder.client().with(new PoolOptions().setMaxSize(1)).connectingTo(o).using(vertx);
        if (target.equals("real")) {
            builder.withConnectHandler(conn -> conn.query(sessionSql()).execute().onComplete(r -> conn.close()));
        }
        return builder.build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sdkAsync.close().toCompletableFuture().join();
        vertxClient.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        hikari.close();
        if (server == null) {
            sdk.execute("DROP DATABASE IF EXISTS " + database);
        }
        sdk.close();
        if (server != null && server != mariaDb) {
            server.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    private int q() {
        return next++ & (QUERIES - 1);
    }

    @Benchmark
    public void sdkSync(Blackhole bh) {
        for (Row r : sdk.search().nearest(query(q()), Row.class)) {
            bh.consume(r.getLong(0));
            bh.consume(r.getDouble(1));
        }
    }

    @Benchmark
    public void rawJdbc(Blackhole bh) throws SQLException {
        try (Connection c = hikari.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, VectorText.format(queries[q()])); // the text MatrixOne reads, as the SDK binds it
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bh.consume(rs.getLong(1));
                    bh.consume(rs.getDouble(2));
                }
            }
        }
    }

    @Benchmark
    public void sdkAsync(Blackhole bh) {
        for (Row r : sdkAsync.search().nearest(query(q()), Row.class).toCompletableFuture().join()) {
            bh.consume(r.getLong(0));
            bh.consume(r.getDouble(1));
        }
    }

    @Benchmark
    public void rawVertx(Blackhole bh) {
        RowSet<io.vertx.sqlclient.Row> rs = vertxClient.preparedQuery(sql).execute(Tuple.of(VectorText.format(queries[q()])))
                .toCompletionStage().toCompletableFuture().join();
        for (io.vertx.sqlclient.Row r : rs) {
            bh.consume(r.getLong(0));
            bh.consume(r.getDouble(1));
        }
    }
}
