package io.matrixone.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.async.internal.VertxSettings;
import io.matrixone.benchmarks.harness.Child;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.internal.DriverSettings;
import io.matrixone.core.config.ClientOptions;
import io.matrixone.core.config.TlsMode;
import io.matrixone.emulator.backend.MariaDbServer;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The server a suite talks to, and the clients on both sides of every pair, configured alike where it matters.
 * <ul>
 *   <li>{@code mariadb}: a private MariaDB the benchmark starts (the system {@code mariadbd}); the SDK is told the
 *       server is MatrixOne 4.2.0 (pinned version), so it behaves as it would there (bulk AUTO stages ...).</li>
 *   <li>{@code emulator}: the MatrixOne emulator in a child JVM, in front of that MariaDB (snapshots, clones: what
 *       the Python SDK comparison needs).</li>
 *   <li>{@code matrixone}: a real MatrixOne ({@code bench.matrixone}, default {@code 127.0.0.1:6001}, root/111).</li>
 * </ul>
 * {@link #withLatency} puts a {@link LatencyProxy} in front. The raw Connector/J side gets exactly the driver
 * properties the SDK gives Connector/J, the raw Vert.x side the SDK's Vert.x settings (no pipelining, prepared
 * statement cache 256), so that a pair measures the SDK's layer and nothing else.
 */
final class Target implements AutoCloseable {
    static final String DB = "bench_sdk";
    /** What the SDK would detect on MatrixOne; pinned on plain MariaDB, which announces its own version. */
    static final String PINNED = "8.0.30-MatrixOne-v4.2.0";

    final String kind;
    final String host;
    final int port;
    final String user;
    final String password;
    /** The added round-trip time in microseconds (0: none). */
    final long addedRttMicros;
    private final MariaDbServer mariaDb;
    private final List<AutoCloseable> owned = new ArrayList<>();

    private Target(String kind, String host, int port, String user, String password, long addedRttMicros,
                   MariaDbServer mariaDb) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.addedRttMicros = addedRttMicros;
        this.mariaDb = mariaDb;
    }

    static Target mariaDb() {
        MariaDbServer db = MariaDbServer.start();
        Target t = new Target("mariadb", db.host(), db.port(), db.user(), db.password(), 0, db);
        t.owned.add(db);
        t.createDatabase();
        return t;
    }

    /** The emulator (child JVM) relaying to this target's MariaDB. */
    Target emulator() {
        if (mariaDb == null) {
            throw new IllegalStateException("the emulator needs the MariaDB target");
        }
        Child emu = Child.java("emulator", List.of("-Xmx512m"), "io.matrixone.emulator.Main",
                List.of("--port", "0", "--version", "4.2.0", "--backend",
                        mariaDb.host() + ":" + mariaDb.port() + ":" + mariaDb.user() + ":" + mariaDb.password()),
                Pattern.compile("mysql -h(\\S+) -P(\\d+) -u(\\S+) -p(\\S+)"), Duration.ofMinutes(2));
        Target t = new Target("emulator", emu.group(1), Integer.parseInt(emu.group(2)), emu.group(3), emu.group(4), 0,
                null);
        t.owned.add(emu);
        t.createDatabase();
        return t;
    }

    /** A real MatrixOne from {@code bench.matrixone=host:port:user:password} (default 127.0.0.1:6001:root:111). */
    static Target matrixOne() {
        String[] p = System.getProperty("bench.matrixone", "127.0.0.1:6001:root:111").split(":", 4);
        Target t = new Target("matrixone", p[0], Integer.parseInt(p[1]), p[2], p[3], 0, null);
        t.createDatabase();
        return t;
    }

    /** The system property through which a JMH benchmark's state finds the server ({@link #fromProperty}). */
    static final String PROPERTY = "bench.target";

    /** This target as the value of {@link #PROPERTY}: {@code kind|host|port|rttMicros|user|password}. */
    String property() {
        return String.join("|", kind, host, Integer.toString(port), Long.toString(addedRttMicros), user, password);
    }

    /** The target the runner set for this JMH run ({@link #PROPERTY}); closing it closes nothing. */
    static Target fromProperty() {
        String v = System.getProperty(PROPERTY);
        if (v == null) {
            throw new IllegalStateException("no -D" + PROPERTY + ": run the benchmarks through RunBenchmarks (bin/benchmarks)");
        }
        String[] f = v.split("\\|", 6);
        return new Target(f[0], f[1], Integer.parseInt(f[2]), f[4], f[5], Long.parseLong(f[3]), null);
    }

    /** A server another process started (a fork's view of its parent's target); closing it closes nothing. */
    static Target external(String kind, String host, int port, String user, String password) {
        return new Target(kind, host, port, user, password, 0, null);
    }

    /** The same server behind a latency proxy adding {@code rtt}; closing the view stops the proxy only. */
    Target withLatency(Duration rtt) {
        long micros = rtt.toNanos() / 1000;
        Child proxy = Child.java("latency-proxy", List.of("-Xmx128m", "-XX:+UseSerialGC"), LatencyProxy.class.getName(),
                List.of(host, Integer.toString(port), Long.toString(micros)),
                Pattern.compile("listening on (\\S+):(\\d+)"), Duration.ofMinutes(1));
        Target t = new Target(kind, proxy.group(1), Integer.parseInt(proxy.group(2)), user, password, micros, null);
        t.owned.add(proxy);
        return t;
    }

    boolean isMatrixOne() {
        return !kind.equals("mariadb");
    }

    private void createDatabase() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(""), adminProperties()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + DB);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + DB + " on " + this + ": " + e.getMessage(), e);
        }
    }

    /** The server's {@code version()}. */
    String version() {
        try (Connection c = direct(new Properties()); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops every object the benchmarks create on a shared server (all named {@code bench_*}). */
    void dropBenchObjects() {
        try {
            dropSnapshotsAndClones("bench\\_%");
            try (Connection c = DriverManager.getConnection(jdbcUrl(""), adminProperties()); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + DB);
                st.execute("DROP DATABASE IF EXISTS bench_src");
            }
        } catch (SQLException e) {
            System.err.println("dropping the bench_* objects on " + this + ": " + e.getMessage());
        }
    }

    /** Drops the snapshots whose names are LIKE {@code snapshotLike}, and every database named {@code bench_clone_*}. */
    void dropSnapshotsAndClones(String snapshotLike) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(""), adminProperties()); Statement st = c.createStatement()) {
            for (String s : names(st, "SELECT sname FROM mo_catalog.mo_snapshots WHERE sname LIKE '" + snapshotLike + "'")) {
                st.execute("DROP SNAPSHOT IF EXISTS `" + s + "`");
            }
            for (String db : names(st, "SHOW DATABASES LIKE 'bench\\_clone\\_%'")) {
                st.execute("DROP DATABASE IF EXISTS `" + db + "`");
            }
        }
    }

    private static List<String> names(Statement st, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var rs = st.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private Properties adminProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("sslMode", "DISABLED");
        return p;
    }

    /** Runs statements on a plain connection to the target's database. */
    void admin(String... sql) {
        try (Connection c = direct(new Properties()); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", sql) + ": " + e.getMessage(), e);
        }
    }

    long count(String table) {
        try (Connection c = direct(new Properties()); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + (database == null ? "" : database);
    }

    /** A plain Connector/J connection with these extra properties. */
    Connection direct(Properties extra) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("sslMode", "DISABLED");
        p.setProperty("useServerPrepStmts", "false");
        p.putAll(extra);
        return DriverManager.getConnection(jdbcUrl(DB), p);
    }

    ClientOptions.Builder sdkOptions(int poolSize) {
        ClientOptions.Builder b = ClientOptions.builder().host(host).port(port).user(user).password(password).database(DB)
                .maxPoolSize(poolSize).minIdle(poolSize).tlsMode(TlsMode.DISABLED);
        return kind.equals("mariadb") ? b.serverVersion(PINNED) : b;
    }

    MatrixOneClient sdkClient(int poolSize) {
        return MatrixOneClient.create(sdkOptions(poolSize).build());
    }

    AsyncMatrixOneClient sdkAsync(int poolSize, Vertx vertx) {
        return AsyncMatrixOneClient.create(sdkOptions(poolSize).build(), vertx);
    }

    /** The Connector/J properties the SDK uses for these options (same driver behaviour on both sides). */
    Properties sdkDriverProperties(int poolSize) {
        Map<String, String> m = DriverSettings.properties(sdkOptions(poolSize).build());
        return DriverSettings.asProperties(m);
    }

    /** Raw Connector/J on HikariCP with the SDK's driver properties. */
    HikariDataSource rawHikari(int poolSize) {
        return rawHikari(poolSize, true);
    }

    /** The same, with the pool's auto-commit default as given. */
    HikariDataSource rawHikari(int poolSize, boolean autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setAutoCommit(autoCommit);
        config.setJdbcUrl(jdbcUrl(DB));
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setDataSourceProperties(sdkDriverProperties(poolSize));
        config.setRegisterMbeans(false);
        return new HikariDataSource(config);
    }

    /** Raw Vert.x connect options as the SDK's async client sets them ({@code pipelining} 1 = none). */
    MySQLConnectOptions vertxOptions(int pipelining) {
        return new MySQLConnectOptions().setHost(host).setPort(port).setUser(user).setPassword(password).setDatabase(DB)
                .setPipeliningLimit(pipelining).setCachePreparedStatements(true)
                .setPreparedStatementCacheMaxSize(VertxSettings.PREPARED_STATEMENT_CACHE_SIZE)
                .setPreparedStatementCacheSqlLimit(VertxSettings.PREPARED_STATEMENT_CACHE_SQL_LIMIT);
    }

    /** A raw Vert.x pool of {@code connections}, no pipelining: what MatrixOne allows. */
    Pool rawVertxPool(Vertx vertx, int connections) {
        return MySQLBuilder.pool().with(new PoolOptions().setMaxSize(connections)).connectingTo(vertxOptions(1))
                .using(vertx).build();
    }

    /** A raw pipelined Vert.x client (MariaDB only: MatrixOne breaks on pipelined commands). */
    SqlClient rawVertxPipelined(Vertx vertx, int connections) {
        return MySQLBuilder.client().with(new PoolOptions().setMaxSize(connections)).connectingTo(vertxOptions(256))
                .using(vertx).build();
    }

    /** Waits for a Vert.x future. */
    static <T> T await(io.vertx.core.Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().join();
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                System.err.println("closing " + owned.get(i) + ": " + e);
            }
        }
    }

    @Override
    public String toString() {
        return kind + (addedRttMicros > 0 ? " + " + addedRttMicros + " µs RTT" : "") + " at " + host + ":" + port;
    }
}
